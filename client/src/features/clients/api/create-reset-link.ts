import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export interface ResetLink {
  url: string;
  expiresAt: string;
}

/** POST /api/clients/:id/reset-link: a one-time link to hand to a client without e-mail (shown once). */
export function createResetLink(id: number) {
  return api.create<ResetLink>(`/api/clients/${id}/reset-link`, undefined);
}

export function useCreateResetLink() {
  return useMutation({ mutationFn: createResetLink });
}
