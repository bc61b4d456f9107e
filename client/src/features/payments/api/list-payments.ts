import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PaymentDto, PaymentMethodValue, ServiceLineValue } from '@contracts/payments';
import { api, queryString } from '@/lib/api-client';
import { paymentKeys } from './keys';

export interface PaymentFilters {
  clientId: number | null;
  method: PaymentMethodValue | '';
  serviceLine: ServiceLineValue | '';
  kind: 'payment' | 'refund' | '';
  /** Lisbon dates, inclusive. */
  from: string;
  to: string;
  offset: number;
}

export const PAGE_SIZE = 25;

/** The filters as the list, its totals and the CSV export take them. */
export function filterParams(f: PaymentFilters) {
  return { clientId: f.clientId ?? undefined, method: f.method, serviceLine: f.serviceLine, kind: f.kind, from: f.from, to: f.to };
}

/** GET /api/payments: newest payment date first, voided records included (struck through). */
export function listPayments(filters: PaymentFilters, signal?: AbortSignal) {
  return api.list<PaymentDto>(`/api/payments${queryString({ ...filterParams(filters), sort: '-paidAt', limit: PAGE_SIZE, offset: filters.offset })}`, { signal });
}

export function usePayments(filters: PaymentFilters, enabled = true) {
  return useQuery({ queryKey: paymentKeys.list(filters), queryFn: ({ signal }) => listPayments(filters, signal), placeholderData: keepPreviousData, enabled });
}
