import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PaymentMethodValue } from '@contracts/payments';
import { api } from '@/lib/api-client';
import { storeSummary, targetBody, type PaymentTarget } from './keys';
import type { PaymentResultDto } from './record-payment';

export interface RecordRefundInput {
  target: PaymentTarget;
  amountCents: number;
  method: PaymentMethodValue;
  reason: string;
  idempotencyKey: string;
}

/** POST /api/payments/refunds (Idempotency-Key): money returned, as its own record. */
export function recordRefund({ target, idempotencyKey, ...body }: RecordRefundInput): Promise<PaymentResultDto> {
  return api.create<PaymentResultDto>('/api/payments/refunds', { ...targetBody(target), ...body }, { idempotencyKey });
}

export function useRecordRefund() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordRefund,
    onSuccess: (result, input) => storeSummary(queryClient, input.target, result.summary),
  });
}
