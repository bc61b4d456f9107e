import type { LocaleCode } from '@contracts/auth';
import { LOCALE_TAGS } from '@/lib/i18n';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

/** An axis tick in whole euros ("1 500 €"), compact from ten thousand ("12 mil €", "€12K"). */
export function formatEuroTick(cents: number, locale: LocaleCode): string {
  const euros = cents / 100;
  const compact = Math.abs(euros) >= 10_000;
  const format = cached(`tick|${locale}|${compact}`, () =>
    new Intl.NumberFormat(LOCALE_TAGS[locale], { style: 'currency', currency: 'EUR', maximumFractionDigits: compact ? 1 : 0, notation: compact ? 'compact' : 'standard' }),
  );
  return format.format(euros);
}

/** +12 %, −5 % (the sign always shown, none for zero). */
export function formatChange(fraction: number, locale: LocaleCode): string {
  return cached(`change|${locale}`, () => new Intl.NumberFormat(LOCALE_TAGS[locale], { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' })).format(fraction);
}

export function formatShare(fraction: number, locale: LocaleCode): string {
  return cached(`share|${locale}`, () => new Intl.NumberFormat(LOCALE_TAGS[locale], { style: 'percent', maximumFractionDigits: 0 })).format(fraction);
}

function monthDate(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 15));
}

/** "2026-03" → "mar." / "Mar" (axis labels). */
export function shortMonth(month: string, locale: LocaleCode): string {
  return cached(`short|${locale}`, () => new Intl.DateTimeFormat(LOCALE_TAGS[locale], { month: 'short', timeZone: 'UTC' })).format(monthDate(month));
}

/** "2026-03" → "março de 2026" / "March 2026". */
export function longMonth(month: string, locale: LocaleCode): string {
  return cached(`long|${locale}`, () => new Intl.DateTimeFormat(LOCALE_TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(monthDate(month));
}

/** "2026-03" → "março" / "March" (in running text). */
export function monthName(month: string, locale: LocaleCode): string {
  return cached(`name|${locale}`, () => new Intl.DateTimeFormat(LOCALE_TAGS[locale], { month: 'long', timeZone: 'UTC' })).format(monthDate(month));
}
