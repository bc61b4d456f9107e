import { describe, expect, it } from 'vitest';
import { accountEvents, addToAgeing, emptyAgeing, monthOf, positionAt, type DocumentFact, type PaymentFact } from '../../src/modules/accounts/statement.js';

const at = (s: string) => new Date(s);
const order = (id: number, p: Partial<DocumentFact> = {}): DocumentFact => ({
  line: 'laundry',
  id,
  reference: `L-${id}`,
  chargedAt: at('2025-09-02T10:00:00Z'),
  totalCents: 1000,
  accruedAt: null,
  cancelledAt: null,
  ...p,
});
const payment = (id: number, documentId: number, p: Partial<PaymentFact> = {}): PaymentFact => ({
  id,
  line: 'laundry',
  documentId,
  kind: 'payment',
  amountCents: 400,
  method: 'cash',
  paidAt: at('2025-09-03T10:00:00Z'),
  voidedAt: null,
  ...p,
});

describe('account events (ADR 0015)', () => {
  it('when a document is cancelled, then what it held leaves the account and later records on it move nothing', () => {
    const docs = [order(1, { cancelledAt: at('2025-10-01T10:00:00Z') })];
    const pays = [payment(1, 1), payment(2, 1, { kind: 'refund', amountCents: 400, paidAt: at('2025-10-02T10:00:00Z') })];
    const events = accountEvents(docs, pays);
    expect(events.map((e) => [e.kind, e.amountCents])).toEqual([
      ['charge', 1000],
      ['payment', -400],
      ['cancellation', -600],
    ]);
    const sept = monthOf(events, at('2025-08-31T23:00:00Z'), at('2025-09-30T23:00:00Z'));
    expect(sept).toMatchObject({ openingBalanceCents: 0, chargesCents: 1000, paymentsCents: 400, adjustmentsCents: 0, closingBalanceCents: 600 });
    const oct = monthOf(events, at('2025-09-30T23:00:00Z'), at('2025-10-31T23:00:00Z'));
    expect(oct).toMatchObject({ openingBalanceCents: 600, adjustmentsCents: -600, closingBalanceCents: 0 });
  });

  it('when a payment is voided later, then it counts until the void and is taken back on that day', () => {
    const events = accountEvents([order(1)], [payment(1, 1, { voidedAt: at('2025-10-05T10:00:00Z') }), payment(2, 1, { voidedAt: at('2025-09-01T10:00:00Z') })]);
    expect(events.map((e) => [e.kind, e.amountCents])).toEqual([
      ['charge', 1000],
      ['payment', -400],
      ['void', 400],
    ]);
  });

  it('when the position is taken, then owed accrued work is aged, work in progress and credit stand apart', () => {
    const docs = [
      order(1, { accruedAt: at('2025-07-15T10:00:00Z'), chargedAt: at('2025-06-20T10:00:00Z') }),
      order(2),
      { ...order(3, { chargedAt: null, totalCents: 0 }), line: 'cleaning' as const },
    ];
    const pays = [payment(1, 2, { amountCents: 100 }), { ...payment(2, 3, { amountCents: 2000 }), line: 'cleaning' as const }];
    const events = accountEvents(docs, pays);
    const pos = positionAt(docs, events, at('2025-09-30T23:00:00Z'), at('2025-09-30T22:59:59Z'));
    expect(pos).toMatchObject({ accruedCents: 1000, inProgressCents: 900, creditCents: 2000 });
    expect(pos.ageing).toEqual({ days0to30Cents: 0, days31to60Cents: 0, days61to90Cents: 1000, over90Cents: 0 });
  });

  it('when amounts are aged, then the bucket edges are 30, 60 and 90 days', () => {
    const a = emptyAgeing();
    for (const d of [0, 30, 31, 60, 61, 90, 91]) addToAgeing(a, d, 1);
    expect(a).toEqual({ days0to30Cents: 2, days31to60Cents: 2, days61to90Cents: 2, over90Cents: 1 });
  });
});
