import { BUSINESS_TIME_ZONE, lisbonDate } from '../../lib/clock.js';

/**
 * Calendar periods of the business, in Europe/Lisbon whatever the machine's zone. A period is a pair
 * of Lisbon dates (inclusive); SQL filters on the instants [start of `from`, start of the day after
 * `to`), so a sale at 23:30 UTC on 31 March (00:30 on 1 April in Lisbon, summer time) falls in Q2.
 */

export interface DateRange {
  from: string;
  to: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Is this YYYY-MM-DD a real calendar date (no 2026-02-30)? */
export function isCalendarDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Number of days in [from, to], both included. */
export function daysIn(range: DateRange): number {
  const [y1, m1, d1] = parts(range.from);
  const [y2, m2, d2] = parts(range.to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000) + 1;
}

/** Lisbon's offset from UTC at an instant, in milliseconds (0 in winter, +1 h in summer). */
function lisbonOffsetMs(instant: number): number {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: BUSINESS_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(f.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a Lisbon calendar day begins (Portugal changes clocks at 01:00 UTC, so midnight always exists). */
export function lisbonStartOfDay(date: string): Date {
  const [y, m, d] = parts(date);
  const utcMidnight = Date.UTC(y, m - 1, d);
  let instant = utcMidnight - lisbonOffsetMs(utcMidnight);
  // A second pass settles a day whose offset differs from the guess's.
  instant = utcMidnight - lisbonOffsetMs(instant);
  return new Date(instant);
}

/** [start, end) instants of a Lisbon date range, for SQL. */
export function instantsOf(range: DateRange): { start: Date; end: Date } {
  return { start: lisbonStartOfDay(range.from), end: lisbonStartOfDay(addDays(range.to, 1)) };
}

export function quarterRange(year: number, quarter: number): DateRange {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter must be 1–4 (got ${quarter})`);
  return { from: `${pad(year, 4)}-${pad((quarter - 1) * 3 + 1)}-01`, to: monthRange(year, quarter * 3).to };
}

export function monthRange(year: number, month: number): DateRange {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12 (got ${month})`);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${pad(year, 4)}-${pad(month)}-01`, to: `${pad(year, 4)}-${pad(month)}-${pad(last)}` };
}

export function yearRange(year: number): DateRange {
  return { from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` };
}

/** YYYY-MM of an instant in Lisbon. */
export function lisbonMonth(instant: Date): string {
  return lisbonDate(instant).slice(0, 7);
}

/** The month `offset` months after YYYY-MM (negative goes back). */
export function shiftMonth(month: string, offset: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const t = new Date(Date.UTC(y, m - 1 + offset, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
}

export function rangeOfMonth(month: string): DateRange {
  return monthRange(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/** Monday-to-Sunday week containing a Lisbon date. */
export function weekOf(date: string): DateRange {
  const [y, m, d] = parts(date);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  const from = addDays(date, -weekday);
  return { from, to: addDays(from, 6) };
}
