import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientPriceDto, CreateClientPriceInput, UpdateClientPriceInput } from '@contracts/client-prices';
import { api } from '@/lib/api-client';

export type ClientPrice = ClientPriceDto;

export const clientPricesKey = (clientId: number) => ['client-prices', clientId] as const;

/** GET /api/clients/:id/prices: the client's own prices (a client has few). */
export function listClientPrices(clientId: number, signal?: AbortSignal) {
  return api.list<ClientPrice>(`/api/clients/${clientId}/prices?limit=100`, { signal });
}

export function useClientPrices(clientId: number) {
  return useQuery({ queryKey: clientPricesKey(clientId), queryFn: ({ signal }) => listClientPrices(clientId, signal), select: (page) => page.items });
}

/** POST /api/clients/:id/prices. */
export function createClientPrice({ clientId, input }: { clientId: number; input: CreateClientPriceInput }) {
  return api.create<ClientPrice>(`/api/clients/${clientId}/prices`, input);
}

/** PATCH /api/clients/:id/prices/:priceId with the version that was read. */
export function updateClientPrice({ clientId, id, input }: { clientId: number; id: number; input: UpdateClientPriceInput }) {
  return api.patch<ClientPrice>(`/api/clients/${clientId}/prices/${id}`, input);
}

/** DELETE /api/clients/:id/prices/:priceId. */
export function deleteClientPrice({ clientId, id }: { clientId: number; id: number }) {
  return api.delete<void>(`/api/clients/${clientId}/prices/${id}`);
}

function useInvalidating<V>(clientId: number, mutationFn: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: clientPricesKey(clientId) }) });
}

export const useCreateClientPrice = (clientId: number) => useInvalidating(clientId, createClientPrice);
export const useUpdateClientPrice = (clientId: number) => useInvalidating(clientId, updateClientPrice);
export const useDeleteClientPrice = (clientId: number) => useInvalidating(clientId, deleteClientPrice);

/** The client's own hourly cleaning rate in force on a Lisbon day, if they have one (undefined without a client). */
export function useClientHourlyRate(clientId: number | undefined, day: string): number | undefined {
  const prices = useQuery({
    queryKey: clientPricesKey(clientId ?? 0),
    queryFn: ({ signal }) => listClientPrices(clientId!, signal),
    select: (page) => page.items,
    enabled: clientId !== undefined && clientId > 0,
  });
  return prices.data?.find((p) => p.item === 'cleaning_hour' && p.validFrom <= day && (p.validTo === null || p.validTo >= day))?.priceCents;
}
