import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LaundryOrderDto } from '@contracts/laundry';
import { api } from '@/lib/api-client';
import { storeOrder } from './get-laundry-order';

/** POST /api/laundry-orders/:id/revert: staff undo the last step, with a reason kept in the history. */
export function revertLaundryStatus(id: number, reason: string): Promise<LaundryOrderDto> {
  return api.post<LaundryOrderDto>(`/api/laundry-orders/${id}/revert`, { reason });
}

export function useRevertLaundryStatus(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (reason: string) => revertLaundryStatus(id, reason), onSuccess: (order) => storeOrder(queryClient, order) });
}
