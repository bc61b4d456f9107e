import type { AgeingBucketsDto, StatementLineDto } from '../../contracts/accounts.js';
import type { PaymentMethodValue, ServiceLineValue } from '../../contracts/payments.js';
import { lisbonDate } from '../../lib/clock.js';

/**
 * A client's account as dated events (ADR 0015), pure: the facts of each document and each payment
 * record, each with the instant it happened, replayed in order. The balance at any instant is the sum
 * of the events before it, so a month's figures depend only on what happened before its end and stay
 * the same after later activity. Replayed to now, the events give exactly the receivables of ADR 0014:
 *
 * - a laundry order is charged its total when priced (orders are priced when taken);
 * - a cleaning job is charged its total when completed; money kept before then is a credit;
 * - a payment lowers the balance by what it kept (its tip left out), a refund raises it;
 * - a void takes a payment or refund back, on the day it was voided;
 * - a cancellation takes the document out (its charge and its payments so far), and nothing that
 *   happens to a cancelled document afterwards moves the account, like the receivables leave it out.
 */

export interface DocumentFact {
  line: ServiceLineValue;
  id: number;
  reference: string;
  /** When it was charged: a laundry order priced, a cleaning job completed; null while a job is not completed. */
  chargedAt: Date | null;
  totalCents: number;
  /** Collection, delivery or completion: ageing counts from here. */
  accruedAt: Date | null;
  cancelledAt: Date | null;
}

export interface PaymentFact {
  id: number;
  line: ServiceLineValue;
  documentId: number;
  kind: 'payment' | 'refund';
  /** Kept: the amount without its tip for a payment; the amount for a refund. */
  amountCents: number;
  method: PaymentMethodValue;
  paidAt: Date;
  voidedAt: Date | null;
}

export interface AccountEvent {
  at: Date;
  /** Within one instant: charges, then payments, then voids, then cancellations. */
  order: number;
  kind: StatementLineDto['kind'];
  line: ServiceLineValue;
  documentId: number;
  reference: string;
  method: PaymentMethodValue | null;
  amountCents: number;
}

export interface DocumentPosition {
  doc: DocumentFact;
  /** What the document adds to the balance at the instant asked for. */
  balanceCents: number;
}

const key = (line: ServiceLineValue, id: number) => `${line}:${id}`;

function compare(a: AccountEvent, b: AccountEvent): number {
  return (
    a.at.getTime() - b.at.getTime() ||
    a.order - b.order ||
    (a.line === b.line ? 0 : a.line === 'laundry' ? -1 : 1) ||
    a.documentId - b.documentId ||
    a.amountCents - b.amountCents
  );
}

/** Every event of every document, in order; zero-amount events (a free order, a void of nothing) left out. */
export function accountEvents(docs: DocumentFact[], payments: PaymentFact[]): AccountEvent[] {
  const byDoc = new Map<string, PaymentFact[]>();
  for (const p of payments) {
    const k = key(p.line, p.documentId);
    const list = byDoc.get(k);
    if (list) list.push(p);
    else byDoc.set(k, [p]);
  }
  const out: AccountEvent[] = [];
  for (const doc of docs) {
    const base = { line: doc.line, documentId: doc.id, reference: doc.reference };
    const own: AccountEvent[] = [];
    if (doc.chargedAt && doc.totalCents !== 0) {
      own.push({ ...base, at: doc.chargedAt, order: 0, kind: 'charge', method: null, amountCents: doc.totalCents });
    }
    for (const p of byDoc.get(key(doc.line, doc.id)) ?? []) {
      if (p.amountCents === 0) continue;
      const effect = p.kind === 'payment' ? -p.amountCents : p.amountCents;
      // A record voided before it was dated never counted at all.
      if (p.voidedAt && p.voidedAt.getTime() <= p.paidAt.getTime()) continue;
      own.push({ ...base, at: p.paidAt, order: 1, kind: p.kind, method: p.method, amountCents: effect });
      if (p.voidedAt) own.push({ ...base, at: p.voidedAt, order: 2, kind: 'void', method: p.method, amountCents: -effect });
    }
    own.sort(compare);
    if (doc.cancelledAt) {
      const cancelledAt = doc.cancelledAt.getTime();
      let running = 0;
      const kept: AccountEvent[] = [];
      for (const e of own) {
        if (e.at.getTime() > cancelledAt) break;
        running += e.amountCents;
        kept.push(e);
      }
      if (running !== 0) kept.push({ ...base, at: doc.cancelledAt, order: 3, kind: 'cancellation', method: null, amountCents: -running });
      out.push(...kept);
    } else {
      out.push(...own);
    }
  }
  return out.sort(compare);
}

/** Whole Lisbon days from one instant's date to another's. */
export function daysBetween(from: Date, to: Date): number {
  const a = lisbonDate(from);
  const b = lisbonDate(to);
  return Math.round((Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86_400_000);
}

export function emptyAgeing(): AgeingBucketsDto {
  return { days0to30Cents: 0, days31to60Cents: 0, days61to90Cents: 0, over90Cents: 0 };
}

/** Adds an amount owed on work accrued `days` ago to its bucket (0–30, 31–60, 61–90, > 90). */
export function addToAgeing(ageing: AgeingBucketsDto, days: number, cents: number): void {
  if (days <= 30) ageing.days0to30Cents += cents;
  else if (days <= 60) ageing.days31to60Cents += cents;
  else if (days <= 90) ageing.days61to90Cents += cents;
  else ageing.over90Cents += cents;
}

/**
 * The balance by stage at an instant (events strictly before `end`), with the ageing of the accrued part
 * counted at `ageAt`: the same split as the receivables summary (owed on accrued work, owed on work in
 * progress, credit), document by document.
 */
export function positionAt(docs: DocumentFact[], events: AccountEvent[], end: Date, ageAt: Date) {
  const balances = new Map<string, number>();
  for (const e of events) {
    if (e.at.getTime() >= end.getTime()) break;
    const k = key(e.line, e.documentId);
    balances.set(k, (balances.get(k) ?? 0) + e.amountCents);
  }
  const ageing = emptyAgeing();
  let accruedCents = 0;
  let inProgressCents = 0;
  let creditCents = 0;
  for (const doc of docs) {
    const b = balances.get(key(doc.line, doc.id)) ?? 0;
    if (b < 0) creditCents -= b;
    else if (b > 0) {
      if (doc.accruedAt && doc.accruedAt.getTime() < end.getTime()) {
        accruedCents += b;
        addToAgeing(ageing, daysBetween(doc.accruedAt, ageAt), b);
      } else inProgressCents += b;
    }
  }
  return { accruedCents, inProgressCents, creditCents, ageing };
}

/** The events of [start, end) with the running balance, and the sums a statement prints. */
export function monthOf(events: AccountEvent[], start: Date, end: Date) {
  let opening = 0;
  const lines: StatementLineDto[] = [];
  let charges = 0;
  let payments = 0;
  let adjustments = 0;
  let running = 0;
  for (const e of events) {
    const t = e.at.getTime();
    if (t >= end.getTime()) break;
    if (t < start.getTime()) {
      opening += e.amountCents;
      running = opening;
      continue;
    }
    running += e.amountCents;
    if (e.kind === 'charge') charges += e.amountCents;
    else if (e.kind === 'payment' || e.kind === 'refund') payments -= e.amountCents;
    else adjustments += e.amountCents;
    lines.push({
      date: lisbonDate(e.at),
      kind: e.kind,
      serviceLine: e.line,
      documentId: e.documentId,
      reference: e.reference,
      method: e.method,
      amountCents: e.amountCents,
      balanceCents: running,
    });
  }
  return { openingBalanceCents: opening, chargesCents: charges, paymentsCents: payments, adjustmentsCents: adjustments, closingBalanceCents: running, lines };
}
