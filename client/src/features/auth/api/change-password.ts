import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput } from '@contracts/auth';
import { api } from '@/lib/api-client';
import { storePrincipal, type Principal } from './get-session';

/** POST /api/auth/change-password: ends the account's other sessions and clears a forced change. */
export function changePassword(input: ChangePasswordInput): Promise<Principal> {
  return api.post<Principal>('/api/auth/change-password', input);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (principal) => storePrincipal(queryClient, principal),
  });
}
