import { useSearchParams } from 'react-router';
import { lisbonDate } from '@/lib/lisbon-time';
import { presetRange, quarterOf, rangeProblems, type DateRange } from '@/features/reports/periods';

export const REPORT_TABS = ['vatQuarter', 'vatYear', 'revenue', 'cash', 'hours'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

const whole = (value: string | null, min: number, max: number) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/**
 * The report, its year, quarter and range live in the address: a reload or a shared link shows the
 * same figures. Unset, it is this quarter's IVA and this month's range (Lisbon dates).
 */
export function useReportParams() {
  const [params, setParams] = useSearchParams();
  const today = lisbonDate();
  const tabParam = params.get('report');
  const tab: ReportTab = (REPORT_TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as ReportTab) : 'vatQuarter';
  const year = whole(params.get('year'), 2000, 2100) ?? Number(today.slice(0, 4));
  const quarter = whole(params.get('quarter'), 1, 4) ?? quarterOf(today);
  const fallback = presetRange('thisMonth', today);
  const range: Partial<DateRange> = {
    from: params.has('from') ? (params.get('from') ?? '') : fallback.from,
    to: params.has('to') ? (params.get('to') ?? '') : fallback.to,
  };
  const rangeIsValid = Object.keys(rangeProblems(range)).length === 0;

  const set = (changes: Record<string, string | number | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );

  return {
    tab,
    year,
    quarter,
    range,
    validRange: rangeIsValid ? (range as DateRange) : null,
    setTab: (next: ReportTab) => set({ report: next === 'vatQuarter' ? undefined : next }),
    setYear: (next: number) => set({ year: next }),
    setQuarter: (next: number) => set({ quarter: next }),
    setRange: (next: Partial<DateRange>) => set({ from: next.from ?? '', to: next.to ?? '' }),
  };
}
