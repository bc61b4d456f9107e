import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { VatQuarterReportDto } from '@contracts/reports';
import { api, queryString } from '@/lib/api-client';
import { reportsKeys } from './keys';

/** GET /api/reports/vat/quarterly: IVA of a Lisbon quarter on the accrual date, laundry and cleaning apart. */
export function getVatQuarter(year: number, quarter: number, signal?: AbortSignal) {
  return api.get<VatQuarterReportDto>(`/api/reports/vat/quarterly${queryString({ year, quarter })}`, { signal });
}

export function useVatQuarter(year: number, quarter: number) {
  return useQuery({
    queryKey: reportsKeys.report('vat-quarter', { year, quarter }),
    queryFn: ({ signal }) => getVatQuarter(year, quarter, signal),
    placeholderData: keepPreviousData,
  });
}
