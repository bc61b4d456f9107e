import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { VatAnnualReportDto } from '@contracts/reports';
import { api, queryString } from '@/lib/api-client';
import { reportsKeys } from './keys';

/** GET /api/reports/vat/annual: a year's IVA with its four quarters. */
export function getVatAnnual(year: number, signal?: AbortSignal) {
  return api.get<VatAnnualReportDto>(`/api/reports/vat/annual${queryString({ year })}`, { signal });
}

export function useVatAnnual(year: number) {
  return useQuery({
    queryKey: reportsKeys.report('vat-annual', { year }),
    queryFn: ({ signal }) => getVatAnnual(year, signal),
    placeholderData: keepPreviousData,
  });
}
