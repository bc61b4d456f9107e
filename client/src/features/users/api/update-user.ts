import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserInput } from '@contracts/users';
import { api } from '@/lib/api-client';
import { usersKey, type User } from './list-users';

/** PATCH /api/users/:id with the version that was read (409 VERSION_CONFLICT when someone was faster). */
export function updateUser({ id, input }: { id: number; input: UpdateUserInput }) {
  return api.patch<User>(`/api/users/${id}`, input);
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
