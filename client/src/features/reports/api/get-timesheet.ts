import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TimesheetReportDto } from '@contracts/reports';
import { api, queryString } from '@/lib/api-client';
import type { DateRange } from '@/features/reports/periods';
import { reportsKeys } from './keys';

/** GET /api/reports/timesheet: hours on site per worker for a period. */
export function getTimesheet(range: DateRange, signal?: AbortSignal) {
  return api.get<TimesheetReportDto>(`/api/reports/timesheet${queryString({ ...range })}`, { signal });
}

export function useTimesheet(range: DateRange, enabled: boolean) {
  return useQuery({
    queryKey: reportsKeys.report('timesheet', range),
    queryFn: ({ signal }) => getTimesheet(range, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
