import { useQuery } from '@tanstack/react-query';
import type { PropertyDto } from '@contracts/properties';
import type { LaundryOrderClientDto } from '@contracts/laundry';
import { api } from '@/lib/api-client';

/** GET /api/clients/:id/properties as the client: their own addresses, for where a request is for. */
export function useMyAddresses(clientId: number) {
  return useQuery({
    queryKey: ['requests', 'addresses', clientId],
    queryFn: ({ signal }) => api.listAll<PropertyDto>(`/api/clients/${clientId}/properties`, { signal }),
    select: (items) => items.filter((p) => p.isActive),
  });
}

/** GET /api/laundry-orders?status=ready as the client: the orders that can be delivered. */
export function useMyReadyOrders(enabled: boolean) {
  return useQuery({
    queryKey: ['requests', 'ready-orders'],
    queryFn: ({ signal }) => api.listAll<LaundryOrderClientDto>('/api/laundry-orders?status=ready', { signal }),
    enabled,
  });
}
