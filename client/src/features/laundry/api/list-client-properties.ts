import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '@/lib/api-client';
import { laundryKeys } from './keys';

export interface PropertyOption {
  id: number;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  isPrimary: boolean;
}

/** GET /api/clients/:id/properties: where a laundry order can be delivered. */
export async function listClientProperties(clientId: number): Promise<PropertyOption[]> {
  const page = await api.list<PropertyOption>(`/api/clients/${clientId}/properties${queryString({ active: 'true', limit: 100 })}`);
  return page.items;
}

export function useClientProperties(clientId: number | null) {
  return useQuery({ queryKey: laundryKeys.properties(clientId ?? 0), queryFn: () => listClientProperties(clientId!), enabled: clientId !== null });
}

export function propertyAddress(p: PropertyOption): string {
  return [p.addressLine1, p.addressLine2, `${p.postalCode} ${p.city}`].filter(Boolean).join(', ');
}
