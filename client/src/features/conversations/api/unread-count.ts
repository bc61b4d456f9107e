import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationsKeys } from './keys';

/** GET /api/threads/unread-count: the messages badge (every 20 s and on focus). */
export function getUnreadMessages(signal?: AbortSignal) {
  return api.get<{ count: number; threads: number }>('/api/threads/unread-count', { signal });
}

export function useUnreadMessages() {
  return useQuery({
    queryKey: conversationsKeys.unread(),
    queryFn: ({ signal }) => getUnreadMessages(signal),
    select: (data) => data.count,
    refetchInterval: 20_000,
    refetchOnWindowFocus: true,
  });
}
