import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LaundryRackDto } from '@contracts/laundry-floor';
import { api, queryString } from '@/lib/api-client';
import { storeOrder, type AnyLaundryOrder } from './get-laundry-order';
import { laundryKeys } from './keys';

/** GET /api/laundry-racks: every rack and the ready order on it; `q` finds a rack, an order number or a client. */
export function listRacks(filters: { q?: string; includeInactive?: boolean } = {}): Promise<LaundryRackDto[]> {
  return api.listAll<LaundryRackDto>(`/api/laundry-racks${queryString({ q: filters.q || undefined, includeInactive: filters.includeInactive || undefined })}`);
}

export function useRacks(filters: { q?: string; includeInactive?: boolean } = {}, options: { refetchInterval?: number; enabled?: boolean } = {}) {
  return useQuery({ queryKey: laundryKeys.racks(filters), queryFn: () => listRacks(filters), placeholderData: keepPreviousData, ...options });
}

/** PUT /api/laundry-orders/:id/rack: a ready order onto a free rack (409 RACK_TAKEN carries the next free one). */
export function useAssignRack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, rackId }: { orderId: number; rackId: number }) => api.put<AnyLaundryOrder>(`/api/laundry-orders/${orderId}/rack`, { rackId }),
    onSuccess: (order) => storeOrder(queryClient, order),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: laundryKeys.allRacks() }),
  });
}

export function useCreateRack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; position: number }) => api.create<LaundryRackDto>('/api/laundry-racks', body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: laundryKeys.allRacks() }),
  });
}

/** PATCH /api/laundry-racks/:id: deactivate (refused with RACK_IN_USE while an order is on it) or bring back. */
export function useUpdateRack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; version: number; isActive?: boolean; code?: string }) => api.patch<LaundryRackDto>(`/api/laundry-racks/${id}`, body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: laundryKeys.allRacks() }),
  });
}
