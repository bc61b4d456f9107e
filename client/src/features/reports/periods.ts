import { REPORT_MAX_RANGE_DAYS } from '@contracts/reports';
import { addDays, lisbonDate } from '@/lib/lisbon-time';

/**
 * The report periods as Lisbon calendar dates (`YYYY-MM-DD`, both ends included), the way the API
 * takes them. Pure, so the presets and the checks are tested without a browser.
 */

export interface DateRange {
  from: string;
  to: string;
}

export const RANGE_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

export function quarterRange(year: number, quarter: number): DateRange {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: lastDayOfMonth(year, firstMonth + 2) };
}

export function yearRange(year: number): DateRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A preset period around `today` (a Lisbon date; today's by default). */
export function presetRange(preset: RangePreset, today: string = lisbonDate()): DateRange {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: `${year}-${pad(month)}-01`, to: lastDayOfMonth(year, month) };
    case 'lastMonth': {
      const lastMonthDay = addDays(`${year}-${pad(month)}-01`, -1);
      return { from: `${lastMonthDay.slice(0, 7)}-01`, to: lastMonthDay };
    }
    case 'thisQuarter':
      return quarterRange(year, quarterOf(today));
    case 'thisYear':
      return yearRange(year);
  }
}

/** The preset a range is exactly, if any (so its chip shows as chosen). */
export function matchingPreset(range: Partial<DateRange>, today: string = lisbonDate()): RangePreset | undefined {
  return RANGE_PRESETS.find((preset) => {
    const p = presetRange(preset, today);
    return p.from === range.from && p.to === range.to;
  });
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

const isDate = (value: string | undefined): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(dayNumber(value)));

export type RangeProblem = 'fromMissing' | 'toMissing' | 'toBeforeFrom' | 'tooLong';

/** What is wrong with a range, by field, with the server's own rules (so the request is never refused). */
export function rangeProblems(range: Partial<DateRange>): { from?: RangeProblem; to?: RangeProblem } {
  if (!isDate(range.from)) return { from: 'fromMissing', ...(isDate(range.to) ? {} : { to: 'toMissing' as const }) };
  if (!isDate(range.to)) return { to: 'toMissing' };
  const span = dayNumber(range.to) - dayNumber(range.from) + 1;
  if (span < 1) return { to: 'toBeforeFrom' };
  if (span > REPORT_MAX_RANGE_DAYS) return { to: 'tooLong' };
  return {};
}
