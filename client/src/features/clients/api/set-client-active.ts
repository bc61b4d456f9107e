import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { clientsKey, type Client } from './list-clients';

/** POST /api/clients/:id/deactivate | reactivate (deactivating signs the client out everywhere). */
export function setClientActive({ id, active }: { id: number; active: boolean }) {
  return api.post<Client>(`/api/clients/${id}/${active ? 'reactivate' : 'deactivate'}`);
}

export function useSetClientActive() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setClientActive, onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKey }) });
}
