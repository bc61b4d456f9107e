import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '@/lib/api-client';
import { clientsKey } from './list-clients';

/** The little of a client that a picker or a filter needs to show and choose one. */
export interface ClientOption {
  id: number;
  name: string;
  phone: string;
  companyName: string | null;
  isActive: boolean;
}

/** GET /api/clients?search=: the first 20 active clients by name, company, phone or NIF (staff). */
function searchClients(search: string, signal?: AbortSignal): Promise<ClientOption[]> {
  return api.list<ClientOption>(`/api/clients${queryString({ search: search.trim() || undefined, active: 'true', limit: 20 })}`, { signal }).then((page) => page.items);
}

/** The picker's matches; kept under the clients' key, so an edited or new client shows in the next search. */
export function useClientSearch(search: string) {
  const term = search.trim();
  return useQuery({
    queryKey: [...clientsKey, 'options', term],
    queryFn: ({ signal }) => searchClients(term, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** GET /api/clients/:id: the client a filter or a form already names (to show their name). */
export function useClientOption(id: number | null | undefined) {
  return useQuery({
    queryKey: [...clientsKey, 'option', id ?? 0],
    queryFn: ({ signal }) => api.get<ClientOption>(`/api/clients/${id}`, { signal }),
    enabled: id !== null && id !== undefined,
    staleTime: 5 * 60_000,
  });
}
