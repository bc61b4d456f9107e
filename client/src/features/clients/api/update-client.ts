import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateClientInput } from '@contracts/clients';
import { api } from '@/lib/api-client';
import { clientsKey, type Client } from './list-clients';

/** PATCH /api/clients/:id with the version that was read (409 VERSION_CONFLICT when someone was faster). */
export function updateClient({ id, input }: { id: number; input: UpdateClientInput }) {
  return api.patch<Client>(`/api/clients/${id}`, input);
}

export function useUpdateClient() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateClient, onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKey }) });
}
