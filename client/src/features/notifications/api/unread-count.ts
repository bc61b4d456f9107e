import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const notificationsKey = ['notifications'] as const;

/** GET /api/notifications/unread-count: the bell's badge (checked every minute and on focus). */
export function getUnreadCount(signal?: AbortSignal) {
  return api.get<{ count: number }>('/api/notifications/unread-count', { signal });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: ({ signal }) => getUnreadCount(signal),
    select: (data) => data.count,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}
