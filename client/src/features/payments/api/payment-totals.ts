import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PaymentTotalsDto } from '@contracts/payments';
import { api, queryString } from '@/lib/api-client';
import { paymentKeys } from './keys';
import { filterParams, type PaymentFilters } from './list-payments';

/** GET /api/payments/totals: the same filters, summed (voided records left out). */
export function paymentTotals(filters: PaymentFilters, signal?: AbortSignal) {
  return api.get<PaymentTotalsDto>(`/api/payments/totals${queryString(filterParams(filters))}`, { signal });
}

export function usePaymentTotals(filters: PaymentFilters, enabled = true) {
  return useQuery({ queryKey: paymentKeys.totals(filterParams(filters)), queryFn: ({ signal }) => paymentTotals(filters, signal), placeholderData: keepPreviousData, enabled });
}
