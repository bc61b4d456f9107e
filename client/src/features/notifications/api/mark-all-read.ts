import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationsKey } from './unread-count';

/** POST /api/notifications/read-all */
export function markAllRead() {
  return api.post<{ updated: number }>('/api/notifications/read-all');
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: markAllRead, onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }) });
}
