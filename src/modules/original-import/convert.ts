import { divideHalfUp } from '../../lib/money.js';
import * as cell from '../imports/cell-parsers.js';

/**
 * How the earlier system's values become ours: pure functions, each rule in one place (the mapping is
 * listed in docs/IMPORTS.md). Money arrives as decimal euros (NUMERIC as text) and becomes integer
 * cents without floats.
 */

/** "19.25" → 1925, "3.5" → 350, "-2" → -200; null stays null. Rounded half-up past the cent. */
export function cents(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value).trim());
  if (!m) return null;
  const decimals = (m[3] ?? '').padEnd(3, '0');
  const abs = Number(m[2]) * 100 + Number(decimals.slice(0, 2)) + (Number(decimals[2]) >= 5 ? 1 : 0);
  return m[1] ? -abs : abs;
}

/** A percentage (23.00) as basis points (2300). */
export function basisPoints(value: string | number | null | undefined): number | null {
  return cents(value);
}

/** "5.50" kg → 5500 g. */
export function grams(kg: string | number | null | undefined): number | null {
  const c = cents(kg);
  return c === null ? null : c * 10;
}

/**
 * A total kept as recorded, split into net and VAT. With a recorded net the VAT is the difference; with
 * none (orders and jobs from before the VAT columns) the total is taken to include VAT at the rate, as
 * the earlier system's own backfill assumed.
 */
export function splitTotal(totalCents: number, recordedNetCents: number | null, rateBp: number): { subtotal: number; vat: number } {
  if (recordedNetCents !== null && recordedNetCents >= 0 && recordedNetCents <= totalCents) return { subtotal: recordedNetCents, vat: totalCents - recordedNetCents };
  const subtotal = divideHalfUp(totalCents * 10_000, 10_000 + rateBp);
  return { subtotal, vat: totalCents - subtotal };
}

export const LAUNDRY_STATUSES = new Set(['received', 'in_progress', 'ready', 'collected', 'delivered', 'cancelled']);
export const JOB_STATUSES = new Set(['scheduled', 'in_progress', 'completed', 'cancelled']);
export const TICKET_STATUSES = new Set(['open', 'in_progress', 'resolved', 'closed']);
export const TICKET_PRIORITIES = new Set(['low', 'medium', 'high', 'urgent']);
export const PHOTO_TYPES = new Set(['before', 'after', 'detail']);

/** Payment methods: the five of both systems, the earlier API's `bank_transfer`, anything else `other`. */
export function paymentMethod(value: string | null): 'cash' | 'card' | 'transfer' | 'mbway' | 'other' {
  const v = (value ?? '').toLowerCase().replace(/[\s_-]/g, '');
  if (v === 'cash' || v === 'numerario' || v === 'dinheiro') return 'cash';
  if (v === 'card' || v === 'cartao' || v === 'multibanco' || v === 'mb') return 'card';
  if (v === 'transfer' || v === 'banktransfer' || v === 'transferencia') return 'transfer';
  if (v === 'mbway') return 'mbway';
  return 'other';
}

/** A username our rules accept: its characters outside `[A-Za-z0-9._-]` become dots ("ana santos" → "ana.santos"). */
export function username(value: string): string {
  const clean = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 50);
  return clean.length >= 3 ? clean : `${clean}.user`.slice(0, 50);
}

const valueOf = <T>(parsed: cell.Parsed<T>): T | null => (parsed.ok ? parsed.value : null);
export const phone = (value: string | null): string | null => (value ? valueOf(cell.phone(value)) : null);
export const nif = (value: string | null): string | null => (value ? valueOf(cell.nif(value)) : null);
export const email = (value: string | null): string | null => (value ? valueOf(cell.email(value)) : null);
export const postalCode = (value: string | null): string | null => (value ? valueOf(cell.postalCode(value)) : null);

/** The district written, else the city when it names one (Lisboa, Porto, Faro…); null when neither does. */
export function district(written: string | null, city: string | null): string | null {
  for (const candidate of [written, city]) {
    if (!candidate) continue;
    const parsed = cell.district(candidate);
    if (parsed.ok) return parsed.value;
  }
  return null;
}

export function propertyType(value: string | null): string {
  if (!value) return 'outro';
  const parsed = cell.propertyType(value);
  return parsed.ok ? parsed.value : 'outro';
}

/** Text cut to a column's length, with whitespace-only as null. */
export function text(value: string | null | undefined, max: number): string | null {
  const v = (value ?? '').trim();
  return v === '' ? null : [...v].slice(0, max).join('');
}

/** Estimated time on site as our jobs keep it: whole half hours between 30 minutes and a day. */
export function estimatedMinutes(hours: string | null, durationMinutes: number | null): number {
  const fromHours = cents(hours);
  const minutes = fromHours !== null && fromHours > 0 ? Math.ceil((fromHours * 60) / 100) : (durationMinutes ?? 60);
  return Math.min(1440, Math.max(30, Math.ceil(minutes / 30) * 30));
}

/** The day and number of an `LDR-YYYYMMDD-NNN` order number, to keep the day's counter ahead of it. */
export function orderNumberParts(orderNumber: string): { day: string; number: number } | null {
  const m = /^LDR-(\d{4})(\d{2})(\d{2})-(\d{3,})$/.exec(orderNumber);
  return m ? { day: `${m[1]}-${m[2]}-${m[3]}`, number: Number(m[4]) } : null;
}
