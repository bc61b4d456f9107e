import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LaundryOrderDto } from '@contracts/laundry';
import { api } from '@/lib/api-client';
import { storeOrder } from './get-laundry-order';

/** DELETE /api/laundry-orders/:id/lines/:lineId?version=: the order's version read, as for every edit. */
export function removeLaundryLine(id: number, lineId: number, version: number): Promise<LaundryOrderDto> {
  return api.delete<LaundryOrderDto>(`/api/laundry-orders/${id}/lines/${lineId}?version=${version}`);
}

export function useRemoveLaundryLine(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, version }: { lineId: number; version: number }) => removeLaundryLine(id, lineId, version),
    onSuccess: (order) => storeOrder(queryClient, order),
  });
}
