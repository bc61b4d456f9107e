import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateClientInput } from '@contracts/clients';
import { api } from '@/lib/api-client';
import { clientsKey, type Client } from './list-clients';

export interface ClientWithTemporaryPassword {
  client: Client;
  temporaryPassword: string;
}

/** POST /api/clients: the temporary password comes back in this answer only. */
export function createClient(input: CreateClientInput) {
  return api.create<ClientWithTemporaryPassword>('/api/clients', input);
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createClient, onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKey }) });
}
