import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { laundryKeys } from './keys';

/** POST /api/notifications/:id/read: the client opened what it pointed to. */
export function markNotificationRead(id: number): Promise<unknown> {
  return api.post(`/api/notifications/${id}/read`);
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: markNotificationRead, onSuccess: () => queryClient.invalidateQueries({ queryKey: laundryKeys.notifications() }) });
}
