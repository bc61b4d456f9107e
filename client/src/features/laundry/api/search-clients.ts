import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '@/lib/api-client';
import { laundryKeys } from './keys';

/** The little of a client the laundry screens need to pick one. */
export interface ClientOption {
  id: number;
  name: string;
  phone: string;
  companyName: string | null;
  isActive: boolean;
}

/** GET /api/clients?search=: active clients by name, company, phone or NIF (staff). */
export async function searchClients(search: string, signal?: AbortSignal): Promise<ClientOption[]> {
  const page = await api.list<ClientOption>(`/api/clients${queryString({ search: search || undefined, active: 'true', limit: 20 })}`, { signal });
  return page.items;
}

export function useClientSearch(search: string) {
  return useQuery({
    queryKey: laundryKeys.clients(search),
    queryFn: ({ signal }) => searchClients(search, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** GET /api/clients/:id: the client a filter or a form names (to show their name). */
export function getClient(id: number): Promise<ClientOption> {
  return api.get<ClientOption>(`/api/clients/${id}`);
}

export function useClient(id: number | null) {
  return useQuery({ queryKey: laundryKeys.client(id ?? 0), queryFn: () => getClient(id!), enabled: id !== null, staleTime: 5 * 60_000 });
}
