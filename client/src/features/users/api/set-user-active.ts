import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { usersKey, type User } from './list-users';

/** POST /api/users/:id/deactivate | reactivate (deactivating signs the person out everywhere). */
export function setUserActive({ id, active }: { id: number; active: boolean }) {
  return api.post<User>(`/api/users/${id}/${active ? 'reactivate' : 'deactivate'}`);
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setUserActive, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
