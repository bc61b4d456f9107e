import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddLaundryLineBody, LaundryOrderDto } from '@contracts/laundry';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { storeOrder } from './get-laundry-order';

export type AddLaundryLineInput = z.infer<typeof AddLaundryLineBody>;

/** POST /api/laundry-orders/:id/lines: one more line on an open order, repriced with its own snapshot. */
export function addLaundryLine(id: number, body: AddLaundryLineInput): Promise<LaundryOrderDto> {
  return api.post<LaundryOrderDto>(`/api/laundry-orders/${id}/lines`, body);
}

export function useAddLaundryLine(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: AddLaundryLineInput) => addLaundryLine(id, body), onSuccess: (order) => storeOrder(queryClient, order) });
}
