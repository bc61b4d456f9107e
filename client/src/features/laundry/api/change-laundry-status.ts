import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LaundryStatusValue } from '@contracts/laundry';
import { api } from '@/lib/api-client';
import { storeOrder, type AnyLaundryOrder } from './get-laundry-order';
import { laundryKeys } from './keys';

export interface StatusChangeInput {
  id: number;
  status: LaundryStatusValue;
  note?: string;
}

/**
 * POST /api/laundry-orders/:id/status, or /mark-ready for "ready" (it stamps ready_at and notifies the
 * client). A repeated tap is refused by the server with 409 INVALID_TRANSITION, so it acts once.
 */
export function changeLaundryStatus<T extends AnyLaundryOrder>({ id, status, note }: StatusChangeInput): Promise<T> {
  const body = note ? { note } : {};
  if (status === 'ready') return api.post<T>(`/api/laundry-orders/${id}/mark-ready`, body);
  return api.post<T>(`/api/laundry-orders/${id}/status`, { status, ...body });
}

export function useChangeLaundryStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StatusChangeInput) => changeLaundryStatus(input),
    onSuccess: (order) => storeOrder(queryClient, order),
    // A refused change usually means someone else moved the order: show what it is now.
    onError: () => void queryClient.invalidateQueries({ queryKey: laundryKeys.orders() }),
  });
}
