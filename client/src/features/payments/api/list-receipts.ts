import { useQuery } from '@tanstack/react-query';
import type { ReceiptDto } from '@contracts/receipts';
import { api, queryString } from '@/lib/api-client';
import { paymentKeys, targetBody, type PaymentTarget } from './keys';

/** GET /api/receipts?laundryOrderId= | cleaningJobId=: a client sees only their own (the server scopes it). */
export async function receiptsOf(target: PaymentTarget, signal?: AbortSignal): Promise<ReceiptDto[]> {
  return (await api.list<ReceiptDto>(`/api/receipts${queryString({ ...targetBody(target), limit: 5 })}`, { signal })).items;
}

export function useReceiptsOf(target: PaymentTarget, enabled = true) {
  return useQuery({ queryKey: paymentKeys.receipts(target), queryFn: ({ signal }) => receiptsOf(target, signal), enabled, staleTime: 60_000 });
}
