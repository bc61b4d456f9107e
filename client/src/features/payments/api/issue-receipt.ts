import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReceiptDto } from '@contracts/receipts';
import { api } from '@/lib/api-client';
import { storeSummary, targetBody, type PaymentTarget } from './keys';

/** POST /api/receipts: the one receipt of a priced order or a completed job (409 NOT_PRICED before that). */
export function issueReceipt(target: PaymentTarget): Promise<ReceiptDto> {
  return api.post<ReceiptDto>('/api/receipts', targetBody(target));
}

export function useIssueReceipt(target: PaymentTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => issueReceipt(target),
    // The order or job refetches: its payments block names the receipt from now on.
    onSettled: () => storeSummary(queryClient, target, null),
  });
}
