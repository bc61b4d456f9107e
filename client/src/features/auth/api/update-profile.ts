import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateProfileInput } from '@contracts/auth';
import { api } from '@/lib/api-client';
import { storePrincipal, type Principal } from './get-session';

/** PATCH /api/auth/profile: the own display name and interface language. */
export function updateProfile(input: UpdateProfileInput): Promise<Principal> {
  return api.patch<Principal>('/api/auth/profile', input);
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (principal) => storePrincipal(queryClient, principal),
  });
}
