import type { PaymentStatusValue } from '../../contracts/payments.js';

/**
 * Payment status and balance, derived from the records every time (PRODUCT §2: never typed in).
 * Pure integer arithmetic on cents.
 */

export interface Due {
  /** 'total' once the work is priced for good; 'estimate' for a cleaning job not completed yet. */
  basis: 'total' | 'estimate';
  /** What is owed (gross), or null when not even an estimate is known. */
  cents: number | null;
}

export interface Settled {
  /** Payments applied to the amount due (tips left out). */
  paid: number;
  refunded: number;
}

export function netPaid(s: Settled): number {
  return s.paid - s.refunded;
}

export function balanceOf(due: Due, s: Settled): number | null {
  return due.cents === null ? null : due.cents - netPaid(s);
}

/**
 * pending: nothing kept; partial: something kept but less than the total — and always while only an
 * estimate is known (a deposit); paid: the final total covered.
 */
export function paymentStatus(due: Due, s: Settled): PaymentStatusValue {
  const net = netPaid(s);
  if (due.basis === 'total' && due.cents !== null && net >= due.cents) return 'paid';
  return net > 0 ? 'partial' : 'pending';
}

/**
 * How much of a new payment goes against the balance and how much is a tip. Without `asTip` an
 * amount above what is outstanding is refused (null).
 */
export function splitPayment(amountCents: number, outstandingCents: number | null, asTip: boolean): { applied: number; tip: number } | null {
  const room = outstandingCents === null ? 0 : Math.max(outstandingCents, 0);
  if (amountCents <= room) return { applied: amountCents, tip: 0 };
  if (!asTip) return null;
  return { applied: room, tip: amountCents - room };
}
