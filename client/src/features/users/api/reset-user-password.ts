import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { usersKey } from './list-users';
import type { WithTemporaryPassword } from './create-user';

/** POST /api/users/:id/reset-password: a new temporary password, shown once; the account's sessions end. */
export function resetUserPassword(id: number) {
  return api.post<WithTemporaryPassword>(`/api/users/${id}/reset-password`);
}

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetUserPassword, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
