import type { PROPERTY_TYPES } from '../../contracts/properties.js';
import { DISTRICTS } from '../../contracts/properties.js';
import type { RowErrorCode } from '../../contracts/imports.js';
import { isValidNif } from '../../lib/nif.js';
import { normalizePhone } from '../../lib/phone.js';

/**
 * Cell readers: each turns what a spreadsheet holds into the value the system stores, or says why it
 * cannot (a code and an English message that never repeats the value).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: RowErrorCode; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: RowErrorCode, message: string): Parsed<T> => ({ ok: false, code, message });

/** Accents off, lower case, runs of spaces, dots and dashes as one underscore: "Castelo-Branco" → "castelo_branco". */
export function plainKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s.\-/]+/g, '_');
}

export function text(value: string, min: number, max: number): Parsed<string> {
  const v = value.trim().replace(/\s+/g, (s) => (s.includes('\n') ? s : ' '));
  if ([...v].length < min) return fail('TOO_SHORT', `needs at least ${min} characters`);
  if ([...v].length > max) return fail('TOO_LONG', `has more than ${max} characters`);
  return ok(v);
}

export function phone(value: string): Parsed<string> {
  const e164 = normalizePhone(value);
  return e164 ? ok(e164) : fail('INVALID_PHONE', 'not a phone number (9 Portuguese digits, or +country and number)');
}

export function nif(value: string): Parsed<string> {
  const digits = value.replace(/[\s.-]/g, '').replace(/^PT/i, '');
  return isValidNif(digits) ? ok(digits) : fail('INVALID_NIF', 'not a valid Portuguese NIF (9 digits with a valid check digit)');
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;
export function email(value: string): Parsed<string> {
  const v = value.trim().toLowerCase();
  if (v.length > 254) return fail('TOO_LONG', 'has more than 254 characters');
  return EMAIL.test(v) ? ok(v) : fail('INVALID_EMAIL', 'not a valid e-mail address');
}

/** A calendar date as ISO (2024-03-09) or as Portugal writes it (09/03/2024, 9-3-2024, 09.03.2024), between 1900 and today. */
export function pastDate(value: string, today: string): Parsed<string> {
  const v = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const pt = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (pt) [d, m, y] = [Number(pt[1]), Number(pt[2]), Number(pt[3])];
  else return fail('INVALID_DATE', 'not a date (use DD/MM/YYYY or YYYY-MM-DD)');
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail('INVALID_DATE', 'not a real calendar date');
  const isoDate = date.toISOString().slice(0, 10);
  if (isoDate < '1900-01-01' || isoDate > today) return fail('INVALID_DATE', 'must be a past date after 1900');
  return ok(isoDate);
}

/** NNNN-NNN; seven digits or a space instead of the dash are accepted and written the standard way. */
export function postalCode(value: string): Parsed<string> {
  const m = /^(\d{4})[\s-]?(\d{3})$/.exec(value.trim());
  return m ? ok(`${m[1]}-${m[2]}`) : fail('INVALID_POSTAL_CODE', 'not a Portuguese postal code (NNNN-NNN)');
}

const DISTRICT_SET = new Set<string>(DISTRICTS);
export function district(value: string): Parsed<(typeof DISTRICTS)[number]> {
  const key = plainKey(value);
  if (DISTRICT_SET.has(key)) return ok(key as (typeof DISTRICTS)[number]);
  // "Região Autónoma dos Açores", "RA Madeira", "Ilha da Madeira"
  if (key.includes('acores') || key.includes('azores')) return ok('acores');
  if (key.includes('madeira')) return ok('madeira');
  if (key === 'lisbon') return ok('lisboa');
  if (key === 'oporto') return ok('porto');
  return fail('UNKNOWN_DISTRICT', 'not one of the 18 districts, Açores or Madeira');
}

const PROPERTY_TYPE_WORDS: Record<string, (typeof PROPERTY_TYPES)[number]> = {
  casa: 'casa', moradia: 'casa', vivenda: 'casa', house: 'casa', home: 'casa',
  apartamento: 'apartamento', apartment: 'apartamento', flat: 'apartamento', andar: 'apartamento', estudio: 'apartamento', studio: 'apartamento',
  quinta: 'quinta', herdade: 'quinta', farm: 'quinta', estate: 'quinta',
  escritorio: 'escritorio', office: 'escritorio',
  loja: 'loja', shop: 'loja', store: 'loja',
  outro: 'outro', outra: 'outro', other: 'outro',
};
export function propertyType(value: string): Parsed<(typeof PROPERTY_TYPES)[number]> {
  const key = plainKey(value);
  // T0…T5 is how Portugal describes an apartment's size.
  if (/^t\d$/.test(key)) return ok('apartamento');
  const type = PROPERTY_TYPE_WORDS[key];
  return type ? ok(type) : fail('UNKNOWN_PROPERTY_TYPE', 'not a property type (casa, apartamento, quinta, escritorio, loja, outro)');
}

const TRUE_WORDS = new Set(['sim', 's', 'yes', 'y', 'true', 'verdadeiro', 'v', '1', 'x']);
const FALSE_WORDS = new Set(['nao', 'n', 'no', 'false', 'falso', 'f', '0']);
export function yesNo(value: string): Parsed<boolean> {
  const key = plainKey(value);
  if (TRUE_WORDS.has(key)) return ok(true);
  if (FALSE_WORDS.has(key)) return ok(false);
  return fail('INVALID_BOOLEAN', 'not yes or no (sim/não, yes/no, 1/0)');
}

export function locale(value: string): Parsed<'pt' | 'en'> {
  const key = plainKey(value);
  if (['pt', 'pt_pt', 'portugues', 'portuguese', 'por'].includes(key)) return ok('pt');
  if (['en', 'en_gb', 'en_us', 'ingles', 'english', 'eng'].includes(key)) return ok('en');
  return fail('UNKNOWN_LOCALE', 'not a language of the system (pt or en)');
}

/** "WASH IRON", "lavar-engomar" → "WASH_IRON", "LAVAR_ENGOMAR". */
export function serviceCode(value: string): Parsed<string> {
  const code = plainKey(value).toUpperCase();
  return /^[A-Z][A-Z0-9_]{1,39}$/.test(code)
    ? ok(code)
    : fail('INVALID_CODE', 'a code is 2–40 letters, digits or underscores, starting with a letter');
}

export function pricingUnit(value: string): Parsed<'per_kg' | 'per_item'> {
  const key = plainKey(value).replace(/^(eur|€)_?/, '').replace(/^por_|^per_|^\/_?/, '');
  if (['kg', 'quilo', 'kilo', 'quilograma', 'kilogram'].includes(key)) return ok('per_kg');
  if (['item', 'peca', 'pecas', 'unidade', 'un', 'unit', 'piece', 'pc'].includes(key)) return ok('per_item');
  return fail('UNKNOWN_PRICING_UNIT', 'not a pricing unit (per kg or per item)');
}

/**
 * Euros as written in either convention ("3,50", "3.50", "€ 1.234,56", "1,234.56 €") into whole
 * cents, computed on the digits so no float decides a cent. At most two decimals, 0 to 1000 €.
 */
export function euros(value: string): Parsed<number> {
  let v = value.replace(/€|eur/gi, '').replace(/\s/g, '');
  const lastComma = v.lastIndexOf(',');
  const lastDot = v.lastIndexOf('.');
  const decimalMark = lastComma > lastDot ? ',' : '.';
  const thousands = decimalMark === ',' ? '.' : ',';
  v = v.split(thousands).join('');
  const m = new RegExp(`^(\\d{1,7})(?:\\${decimalMark}(\\d{1,2}))?$`).exec(v);
  if (!m) return fail('INVALID_PRICE', 'not an amount in euros (e.g. 3,50)');
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (cents > 100_000) return fail('INVALID_PRICE', 'must be at most 1000 €');
  return ok(cents);
}
