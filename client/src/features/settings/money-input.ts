import type { LocaleCode } from '@contracts/auth';

/**
 * Euros and percentages as people type them ("5", "5,50", "5.5", "€ 5,50"; "23", "23,5 %") to integer
 * cents and basis points, by string arithmetic (no floating point ever touches money). null when the
 * text is not such a number.
 */
function scaled(text: string, decimals: number, maxWhole: number): number | null {
  const clean = text.replace(/[\s€%]/g, '').replace(',', '.');
  const match = new RegExp(`^(\\d{1,${maxWhole}})(?:\\.(\\d{1,${decimals}}))?$`).exec(clean);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(decimals, '0');
  return Number(match[1]) * 10 ** decimals + Number(fraction || '0');
}

export const eurosToCents = (text: string) => scaled(text, 2, 7);
export const percentToBasisPoints = (text: string) => scaled(text, 2, 3);

/** 500 → "5,00" (pt) or "5.00" (en): the value an input starts with. */
export function centsToInput(cents: number, locale: LocaleCode): string {
  const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return locale === 'pt' ? text.replace('.', ',') : text;
}

/** 2300 → "23", 2350 → "23,5" (pt). */
export function basisPointsToInput(basisPoints: number, locale: LocaleCode): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = String(basisPoints % 100).padStart(2, '0').replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : String(whole);
  return locale === 'pt' ? text.replace('.', ',') : text;
}
