import type { LocaleCode } from '@contracts/auth';
import { LOCALE_TAGS } from '@/lib/i18n';
import { formatDate, formatPercent } from '@/lib/format';
import { calendarDate } from '@/lib/lisbon-time';
import type { DateRange } from '@/features/reports/periods';

/** 12.5 → "12,5" in Portuguese, "12.5" in English (up to two decimals). */
export function formatNumber(value: number, locale: LocaleCode): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits: 2 }).format(value);
}

/** 2300 basis points → "23%" (the one percent style of the app, see formatPercent). */
export function formatRate(basisPoints: number, locale: LocaleCode): string {
  return formatPercent(basisPoints, locale);
}

/** A Lisbon calendar date as the language writes it, without slipping a day in any zone. */
export function formatDay(date: string, locale: LocaleCode): string {
  return formatDate(calendarDate(date), locale, 'medium');
}

export function periodText(range: DateRange, locale: LocaleCode, template: (v: { from: string; to: string }) => string): string {
  return template({ from: formatDay(range.from, locale), to: formatDay(range.to, locale) });
}
