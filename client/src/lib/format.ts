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
 * A rate in basis points in the language's own percent style: 2300 → "23%", 650 → "6,5%" / "6.5%"
 * (Intl's percent format, so the sign sits where each language puts it; the receipts agree).
 */
export function formatPercent(basisPoints: number, locale: LocaleCode): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/*
 * Country calling codes by their first digits (ITU-T E.164): 1 and 7 are one digit; the two-digit codes
 * are listed; every other code is three digits.
 */
const TWO_DIGIT_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49', '51', '52', '53',
  '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94',
  '95', '98',
]);

const groupsOfThree = (digits: string) => digits.replace(/(\d{3})(?=\d{2})/g, '$1 ');

/**
 * A stored E.164 phone as people read it, never the raw `+351912345678`: Portuguese numbers as
 * +351 912 345 678 (or 912 345 678 with `national`), others as +CC and the rest in groups of three.
 * Anything that is not E.164 is shown as stored.
 */
export function formatPhone(phone: string, { national = false }: { national?: boolean } = {}): string {
  const match = /^\+(\d{6,15})$/.exec(phone.replace(/[\s-]/g, ''));
  if (!match?.[1]) return phone;
  const digits = match[1];
  const portuguese = /^351(\d{3})(\d{3})(\d{3})$/.exec(digits);
  if (portuguese) {
    const local = `${portuguese[1]} ${portuguese[2]} ${portuguese[3]}`;
    return national ? local : `+351 ${local}`;
  }
  const codeLength = /^[17]/.test(digits) ? 1 : TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
  return `+${digits.slice(0, codeLength)} ${groupsOfThree(digits.slice(codeLength))}`;
}

const pluralRules = new Map<LocaleCode, Intl.PluralRules>();

/** The plural category of a count in the language ("one", "other"), from Intl.PluralRules. */
function pluralOf(count: number, locale: LocaleCode): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(LOCALE_TAGS[locale])));
  return rules.select(count);
}

const COUNT_NOUNS = {
  pieces: { pt: { one: 'peça', other: 'peças' }, en: { one: 'piece', other: 'pieces' } },
  items: { pt: { one: 'artigo', other: 'artigos' }, en: { one: 'item', other: 'items' } },
} as const;

export type CountNoun = keyof typeof COUNT_NOUNS;

/** A count with its noun in the right plural: 1 → "1 peça", 3 → "3 peças" ("1 piece", "3 pieces"). */
export function formatCount(count: number, noun: CountNoun, locale: LocaleCode): string {
  const forms = COUNT_NOUNS[noun][locale];
  const word = pluralOf(count, locale) === 'one' ? forms.one : forms.other;
  return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(count)} ${word}`;
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
