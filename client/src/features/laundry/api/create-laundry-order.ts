import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateLaundryOrderInput, LaundryOrderDto } from '@contracts/laundry';
import { api } from '@/lib/api-client';
import { storeOrder } from './get-laundry-order';

/**
 * POST /api/laundry-orders with an Idempotency-Key: the same key for the same order (a double click, a
 * retry on a weak signal) is answered with the first order, never a second one.
 */
export function createLaundryOrder(body: CreateLaundryOrderInput, idempotencyKey: string): Promise<LaundryOrderDto> {
  return api.create<LaundryOrderDto>('/api/laundry-orders', body, { idempotencyKey });
}

export function useCreateLaundryOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateLaundryOrderInput; idempotencyKey: string }) => createLaundryOrder(body, idempotencyKey),
    onSuccess: (order) => storeOrder(queryClient, order),
  });
}
