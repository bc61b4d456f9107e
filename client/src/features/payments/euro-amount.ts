import type { LocaleCode } from '@contracts/auth';
import { MAX_PAYMENT_CENTS } from '@contracts/payments';

/**
 * An amount of euros as people type it at the counter, to integer cents by string arithmetic (no
 * floating point touches money). Both "12,50" and "12.50" are read as twelve euros fifty in either
 * language; a thousands separator is read only in the language's own style ("1.234,50" in Portuguese,
 * "1,234.50" in English), so "1.500" is €1 500 in Portuguese while "1,500" there is refused rather than
 * guessed (three decimals are never money).
 */
export type EuroAmount = { ok: true; cents: number } | { ok: false; problem: 'empty' | 'invalid' | 'zero' | 'tooLarge' };

const GROUPING: Record<LocaleCode, string> = { pt: '.', en: ',' };
const escape = (char: string) => (char === '.' ? '\\.' : char);

function wholeCents(whole: string, fraction: string): number {
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The cents in `text`, or null when it is not a well-formed, non-negative amount. */
export function eurosToCentsStrict(text: string, locale: LocaleCode): number | null {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/eur$/i, '');
  if (!/^[\d.,]+$/.test(clean)) return null;
  const group = escape(GROUPING[locale]);
  // Digits with an optional 1–2 digit decimal part after either separator; the whole part may be grouped.
  const decimal = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?$`).exec(clean);
  if (decimal) {
    const [, whole = '', fraction = ''] = decimal;
    // "1.500,5" is fine in Portuguese; the decimal mark must not be the grouping one ("1.500.5").
    const decimalMark = fraction ? clean.charAt(clean.length - fraction.length - 1) : '';
    if (decimalMark && whole.includes(decimalMark)) return null;
    return wholeCents(whole.split(GROUPING[locale]).join(''), fraction);
  }
  return null;
}

/** As `eurosToCentsStrict`, with the reason a payment amount is refused. */
export function parseEuroAmount(text: string, locale: LocaleCode, maxCents = MAX_PAYMENT_CENTS): EuroAmount {
  if (!text.trim()) return { ok: false, problem: 'empty' };
  const cents = eurosToCentsStrict(text, locale);
  if (cents === null || !Number.isSafeInteger(cents)) return { ok: false, problem: 'invalid' };
  if (cents === 0) return { ok: false, problem: 'zero' };
  if (cents > maxCents) return { ok: false, problem: 'tooLarge' };
  return { ok: true, cents };
}

/** 2336 → "23,36" (pt) or "23.36" (en): how an amount is put back into an input. */
export function centsToEuroInput(cents: number, locale: LocaleCode): string {
  const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return locale === 'pt' ? text.replace('.', ',') : text;
}
