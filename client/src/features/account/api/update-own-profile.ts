import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateOwnProfileInput } from '@contracts/clients';
import { api } from '@/lib/api-client';
import { sessionQueryKey } from '@/features/auth/api/get-session';
import { ownProfileKey, type OwnProfile } from './get-own-profile';

/** PATCH /api/clients/me: name, e-mail, date of birth, language — never the phone or the NIF. */
export function updateOwnProfile(input: UpdateOwnProfileInput) {
  return api.patch<OwnProfile>('/api/clients/me', input);
}

export function useUpdateOwnProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOwnProfile,
    onSuccess: (profile) => {
      queryClient.setQueryData(ownProfileKey, profile);
      // The name shown in the shell comes from the session.
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
