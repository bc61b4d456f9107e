import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CashReportDto } from '@contracts/reports';
import { api, queryString } from '@/lib/api-client';
import type { DateRange } from '@/features/reports/periods';
import { reportsKeys } from './keys';

/** GET /api/reports/cash: money received and refunded by payment method for a period (payment date). */
export function getCash(range: DateRange, signal?: AbortSignal) {
  return api.get<CashReportDto>(`/api/reports/cash${queryString({ ...range })}`, { signal });
}

export function useCash(range: DateRange, enabled: boolean) {
  return useQuery({
    queryKey: reportsKeys.report('cash', range),
    queryFn: ({ signal }) => getCash(range, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
