import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { clientsKey } from './list-clients';
import type { ClientWithTemporaryPassword } from './create-client';

/** POST /api/clients/:id/reset-password: a new temporary password, shown once; the client's sessions end. */
export function resetClientPassword(id: number) {
  return api.post<ClientWithTemporaryPassword>(`/api/clients/${id}/reset-password`);
}

export function useResetClientPassword() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetClientPassword, onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKey }) });
}
