import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { storeSummary, type PaymentTarget } from './keys';
import type { PaymentResultDto } from './record-payment';

/** POST /api/payments/:id/void: a wrong record stops counting, with the reason (it is never deleted). */
export function voidPayment(input: { id: number; reason: string }): Promise<PaymentResultDto> {
  return api.post<PaymentResultDto>(`/api/payments/${input.id}/void`, { reason: input.reason });
}

export function useVoidPayment(target: PaymentTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: voidPayment,
    onSuccess: (result) => storeSummary(queryClient, target, result.summary),
  });
}
