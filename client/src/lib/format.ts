import type { LocaleCode } from '@contracts/auth';
import { LOCALE_TAGS } from '@/lib/i18n';

/** Every date the business talks about is a Lisbon date, whatever the device's own time zone. */
export const TIME_ZONE = 'Europe/Lisbon';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: LocaleCode, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(LOCALE_TAGS[locale], options)));
  return format;
}

function dateFormat(locale: LocaleCode, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeZone: TIME_ZONE, ...options })));
  return format;
}

/** Money arrives from the API as integer cents (`totalCents`); it becomes euros only here, at the edge. */
export function formatMoney(cents: number, locale: LocaleCode): string {
  return numberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/**
 * A rate in basis points as people read it on the receipts too: 2300 → "23%", 650 → "6,5%" (no space
 * before the sign, in both languages, so screen and paper agree).
 */
export function formatPercent(basisPoints: number, locale: LocaleCode): string {
  return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(basisPoints / 100)}%`;
}

export type DateStyle = 'short' | 'medium' | 'long' | 'full';

export function formatDate(value: Date | string | number, locale: LocaleCode, style: DateStyle = 'medium'): string {
  return dateFormat(locale, { dateStyle: style }).format(new Date(value));
}

export function formatDateTime(value: Date | string | number, locale: LocaleCode, style: DateStyle = 'medium'): string {
  return dateFormat(locale, { dateStyle: style, timeStyle: 'short' }).format(new Date(value));
}

/** A Lisbon wall-clock time in the language's style (24 h in both). */
export function formatTime(value: Date | string | number, locale: LocaleCode): string {
  return dateFormat(locale, { timeStyle: 'short' }).format(new Date(value));
}

/** The hour (0–23) in Lisbon at the given instant. */
export function lisbonHour(value: Date | number = Date.now()): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', hourCycle: 'h23' }).format(new Date(value));
  return Number(hour);
}

export type DayPart = 'morning' | 'afternoon' | 'evening';

/** Morning until noon, afternoon until 20:00 (as Portuguese "boa tarde" does), then evening. */
export function dayPart(value: Date | number = Date.now()): DayPart {
  const hour = lisbonHour(value);
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 20) return 'afternoon';
  return 'evening';
}
