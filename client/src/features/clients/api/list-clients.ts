import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClientDto } from '@contracts/clients';
import { api, queryString } from '@/lib/api-client';

export type Client = ClientDto;
export interface ClientFilters {
  search: string;
  active: '' | 'true' | 'false';
  offset: number;
}
export const PAGE_SIZE = 25;

/** Every query of this feature starts with this key, so one invalidation refreshes them all. */
export const clientsKey = ['clients'] as const;

/** GET /api/clients: one page, searched by name, company, phone, NIF or e-mail. */
export function listClients(filters: ClientFilters, signal?: AbortSignal) {
  return api.list<Client>(`/api/clients${queryString({ search: filters.search, active: filters.active, offset: filters.offset, limit: PAGE_SIZE })}`, { signal });
}

export function useClients(filters: ClientFilters) {
  return useQuery({ queryKey: [...clientsKey, 'list', filters], queryFn: ({ signal }) => listClients(filters, signal), placeholderData: keepPreviousData });
}
