import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { clientsKey, type Client } from './list-clients';

/** GET /api/clients/:id (staff see every field). */
export function getClient(id: number, signal?: AbortSignal) {
  return api.get<Client>(`/api/clients/${id}`, { signal });
}

export const clientKey = (id: number) => [...clientsKey, 'one', id] as const;

export function useClient(id: number) {
  return useQuery({ queryKey: clientKey(id), queryFn: ({ signal }) => getClient(id, signal) });
}
