import type { LocaleCode } from '@contracts/auth';
import type { LaundryStatusValue } from '@contracts/laundry';
import { LOCALE_TAGS } from '@/lib/i18n';

/**
 * A decimal typed by a person ("5,5", "5.5", "12") as a whole number of its smallest unit: kg → grams
 * with 3 digits, euros → cents with 2. Done on the digits, never with floating point, so "0,29" is 290
 * grams and not 289.99…; null when it is not a plain non-negative decimal; 'decimals' when it has more
 * fraction digits than the unit allows.
 */
export function parseDecimal(text: string, digits: number): number | null | 'decimals' {
  const match = /^(\d{0,7})(?:[.,](\d*))?$/.exec(text.trim());
  if (!match || (!match[1] && !match[2])) return null;
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > digits) return 'decimals';
  return Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Grams as kilograms in the language's style: 5500 → "5,5" (pt) / "5.5" (en). */
export function formatKg(grams: number, locale: LocaleCode): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits: 3 }).format(grams / 1000);
}

/** Cents as a plain decimal for an input field (no currency sign): 250 → "2,50" in Portuguese. */
export function centsForInput(cents: number, locale: LocaleCode): string {
  const euros = Math.trunc(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `${euros}${locale === 'pt' ? ',' : '.'}${rest}`;
}

/** The service's name in the interface language (the catalogue keeps both). */
export function serviceName(service: { name: string; nameEn: string }, locale: LocaleCode): string {
  return locale === 'en' ? service.nameEn : service.name;
}

/**
 * The parts of a package as words ("lavagem e engomagem"), never the price list's internal codes: a
 * known part by its translation, another service by its name, anything else in lower case.
 */
export function packageParts(codes: readonly string[], services: readonly { code: string; name: string; nameEn: string }[], partName: (code: string) => string | undefined, locale: LocaleCode): string {
  const words = codes.map((code) => {
    const service = services.find((s) => s.code === code);
    return partName(code) ?? (service ? serviceName(service, locale).toLowerCase() : code.replace(/_/g, ' ').toLowerCase());
  });
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'pt-PT', { style: 'long', type: 'conjunction' }).format(words);
}

export const OPEN_STATUSES: readonly LaundryStatusValue[] = ['received', 'in_progress', 'ready'];

export function isOpen(status: LaundryStatusValue): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The happy path a client sees as progress; cancelled orders show their own state instead. */
export function progressSteps(deliveryRequested: boolean): LaundryStatusValue[] {
  return ['received', 'in_progress', 'ready', deliveryRequested ? 'delivered' : 'collected'];
}

/** Today's date in Lisbon as YYYY-MM-DD (the default of date inputs). */
export function lisbonToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
