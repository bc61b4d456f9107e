import { z } from 'zod';

/**
 * The text and date rules every input shares (issue 16 §2). PostgreSQL cannot store a NUL byte in text
 * (22021) and refuses day 30 of February or year 0 (22008); a UTF-16 half without its partner is not
 * text anyone typed. Refused here, at validation, they are a 400 naming the field instead of a 500 from
 * deep in a query. Pure: no Node imports.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored and shown as it is: no NUL byte, no lone surrogate. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** The path of every string (and object key) in an input that is not storable text. */
export function unstorableTextPaths(value: unknown, path: Array<string | number> = [], found: Array<Array<string | number>> = []) {
  if (typeof value === 'string') {
    if (!isStorableText(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableTextPaths(item, [...path, i], found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) found.push([...path, key]);
      else unstorableTextPaths(item, [...path, key], found);
    }
  }
  return found;
}

/** Years the business deals in: a date outside them is a typo, and JavaScript reads years below 100 as 19xx. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
const inYears = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};

/** A calendar date YYYY-MM-DD that exists (no 30 February), between 1900 and 2999. */
export const CalendarDate = z.iso
  .date({ error: 'must be a calendar date YYYY-MM-DD' })
  .refine(inYears, `must be a date between ${FIRST_YEAR} and ${LAST_YEAR}`);

/** An ISO 8601 instant with its time zone, on a calendar date between 1900 and 2999. */
export const Instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' })
  .refine(inYears, `must be a date between ${FIRST_YEAR} and ${LAST_YEAR}`);

/** A month YYYY-MM between 1900 and 2999. */
export const CalendarMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM (01–12)')
  .refine(inYears, `must be a month between ${FIRST_YEAR} and ${LAST_YEAR}`);

/** The largest PostgreSQL `integer`: a record version above it cannot exist, and would fail the query (22003). */
export const PG_INTEGER_MAX = 2_147_483_647;

/** The `version` of a record as last read, sent back with an edit (optimistic locking). */
export const RecordVersion = z.number().int().min(1).max(PG_INTEGER_MAX);
