import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LaundryOrderDto, UpdateLaundryOrderInput } from '@contracts/laundry';
import { api } from '@/lib/api-client';
import { storeOrder } from './get-laundry-order';

/** PATCH /api/laundry-orders/:id: edit an open order (409 STALE_VERSION when someone changed it meanwhile). */
export function updateLaundryOrder(id: number, body: UpdateLaundryOrderInput): Promise<LaundryOrderDto> {
  return api.patch<LaundryOrderDto>(`/api/laundry-orders/${id}`, body);
}

export function useUpdateLaundryOrder(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: UpdateLaundryOrderInput) => updateLaundryOrder(id, body), onSuccess: (order) => storeOrder(queryClient, order) });
}
