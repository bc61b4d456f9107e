import { TIME_ZONE } from '@/lib/format';

/**
 * Calendar arithmetic in Europe/Lisbon, whatever the device's own zone: the business books jobs on
 * Lisbon dates (YYYY-MM-DD) at Lisbon wall-clock times (HH:MM), and a phone in another zone must still
 * show and send the same day.
 */

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function lisbonParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Lisbon calendar date of an instant. */
export function lisbonDate(instant: Date | string | number = Date.now()): string {
  const p = lisbonParts(new Date(instant));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The Lisbon wall-clock time (HH:MM) of an instant. */
export function lisbonTime(instant: Date | string | number): string {
  const p = lisbonParts(new Date(instant));
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** Minutes Lisbon is ahead of UTC at that instant (0 in winter, 60 in summer). */
function offsetMinutes(instant: Date): number {
  const p = lisbonParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which Lisbon's clock shows `date` `time` (the later reading in the autumn overlap). */
export function lisbonInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = new Date(wall - offsetMinutes(new Date(wall)) * 60_000);
  return new Date(wall - offsetMinutes(first) * 60_000);
}

/** A calendar date `days` later (or earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday, as a Portuguese week runs. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The Monday of the week the date is in. */
export function weekStart(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** A calendar date as a Date at noon UTC: safe to format with any zone without slipping a day. */
export function calendarDate(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}
