import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput } from '@contracts/users';
import { api } from '@/lib/api-client';
import { usersKey, type User } from './list-users';

export interface WithTemporaryPassword {
  user: User;
  temporaryPassword: string;
}

/** POST /api/users: the temporary password comes back in this answer only. */
export function createUser(input: CreateUserInput) {
  return api.create<WithTemporaryPassword>('/api/users', input);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
