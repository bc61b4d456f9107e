import { BUSINESS_TIME_ZONE } from '../../lib/clock.js';

/**
 * Calendar arithmetic for cleaning jobs, pure: Lisbon wall-clock times to instants (DST included) and
 * the dates of a recurrence's occurrences. Dates are 'YYYY-MM-DD' strings, never Date objects, so no
 * machine time zone can shift a day.
 */

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: BUSINESS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Minutes Lisbon is ahead of UTC at an instant (0 in winter, 60 in summer). */
function lisbonOffsetMinutes(instantMs: number): number {
  const parts = Object.fromEntries(offsetFormat.formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The instant of a Lisbon date and time. A time skipped by the spring change (01:30 on the last Sunday
 * of March) lands an hour later; a time repeated in autumn takes its second (winter) occurrence.
 */
export function lisbonInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const first = naive - lisbonOffsetMinutes(naive) * 60_000;
  return new Date(naive - lisbonOffsetMinutes(first) * 60_000);
}

function parse(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86_400_000);
}

export type Frequency = 'weekly' | 'monthly';

export interface RecurrenceRule {
  frequency: Frequency;
  /** Every N weeks or N months. */
  interval: number;
  /** The date of occurrence 0 (for monthly, its year and month count; the day comes from dayOfMonth). */
  anchorDate: string;
  /** Monthly only: the day of the month, clamped to the last day of shorter months. */
  dayOfMonth: number | null;
}

/** The date of occurrence `index` (0 = the anchor). */
export function occurrenceDate(rule: RecurrenceRule, index: number): string {
  if (rule.frequency === 'weekly') return addDays(rule.anchorDate, 7 * rule.interval * index);
  const { y, m } = parse(rule.anchorDate);
  const months = m - 1 + rule.interval * index;
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  return format(year, month, Math.min(rule.dayOfMonth ?? 1, daysInMonth(year, month)));
}

/** A new rule for a series starting on `date`: weekly on its weekday, monthly on its day of the month. */
export function ruleStartingOn(frequency: Frequency, interval: number, date: string): RecurrenceRule {
  return { frequency, interval, anchorDate: date, dayOfMonth: frequency === 'monthly' ? parse(date).d : null };
}

/**
 * The same rhythm moved so that occurrence `index` falls on `date` ("move this and all future
 * occurrences"): weekly shifts the weekday, monthly the day of the month.
 */
export function reanchor(rule: RecurrenceRule, index: number, date: string): RecurrenceRule {
  if (rule.frequency === 'weekly') return { ...rule, anchorDate: addDays(date, -7 * rule.interval * index) };
  const { y, m, d } = parse(date);
  const months = y * 12 + (m - 1) - rule.interval * index;
  return { ...rule, anchorDate: format(Math.floor(months / 12), (months % 12) + 1, 1), dayOfMonth: d };
}

/** Occurrences from `fromIndex` on whose date is on or before `lastDate`. */
export function occurrencesThrough(rule: RecurrenceRule, fromIndex: number, lastDate: string): Array<{ index: number; date: string }> {
  const out: Array<{ index: number; date: string }> = [];
  for (let index = fromIndex; ; index++) {
    const date = occurrenceDate(rule, index);
    if (date > lastDate) return out;
    out.push({ index, date });
  }
}
