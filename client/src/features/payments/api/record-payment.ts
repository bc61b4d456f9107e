import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PaymentMethodValue, PaymentResult } from '@contracts/payments';
import { api } from '@/lib/api-client';
import { storeSummary, targetBody, type PaymentTarget } from './keys';

export type PaymentResultDto = z.infer<typeof PaymentResult>;

export interface RecordPaymentInput {
  target: PaymentTarget;
  amountCents: number;
  method: PaymentMethodValue;
  paidAt?: string;
  notes?: string | null;
  asTip: boolean;
  /** One key per payment the person means to make: a double click or a retry records it once. */
  idempotencyKey: string;
}

/** POST /api/payments (Idempotency-Key): money received against one order or job. */
export function recordPayment({ target, idempotencyKey, ...body }: RecordPaymentInput): Promise<PaymentResultDto> {
  return api.create<PaymentResultDto>('/api/payments', { ...targetBody(target), ...body }, { idempotencyKey });
}

export function useRecordPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordPayment,
    onSuccess: (result, input) => storeSummary(queryClient, input.target, result.summary),
  });
}
