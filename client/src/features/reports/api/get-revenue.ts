import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RevenueReportDto } from '@contracts/reports';
import { api, queryString } from '@/lib/api-client';
import type { DateRange } from '@/features/reports/periods';
import { reportsKeys } from './keys';

/** GET /api/reports/revenue: revenue by service for a period (accrual, net of VAT). */
export function getRevenue(range: DateRange, signal?: AbortSignal) {
  return api.get<RevenueReportDto>(`/api/reports/revenue${queryString({ ...range })}`, { signal });
}

/** Asked only for a range that passes the server's rules (`enabled`), so a half-typed date is not sent. */
export function useRevenue(range: DateRange, enabled: boolean) {
  return useQuery({
    queryKey: reportsKeys.report('revenue', range),
    queryFn: ({ signal }) => getRevenue(range, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
