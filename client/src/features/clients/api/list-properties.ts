import { useQuery } from '@tanstack/react-query';
import type { PropertyDto } from '@contracts/properties';
import { api } from '@/lib/api-client';
import { clientsKey } from './list-clients';

export type Property = PropertyDto;

export const propertiesKey = (clientId: number) => [...clientsKey, 'properties', clientId] as const;

/** GET /api/clients/:id/properties: every property, active or not, oldest first (a client has few). */
export function listProperties(clientId: number, signal?: AbortSignal) {
  return api.list<Property>(`/api/clients/${clientId}/properties?limit=100`, { signal });
}

export function useProperties(clientId: number) {
  return useQuery({ queryKey: propertiesKey(clientId), queryFn: ({ signal }) => listProperties(clientId, signal), select: (page) => page.items });
}
