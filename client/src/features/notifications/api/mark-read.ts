import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationsKey } from './unread-count';
import type { Notification } from './list-notifications';

/** POST /api/notifications/:id/read */
export function markRead(id: number) {
  return api.post<Notification>(`/api/notifications/${id}/read`);
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: markRead, onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }) });
}
