import { describe, expect, it } from 'vitest';
import type { AccountDocumentDto } from '@contracts/accounts';
import { allocationBody, openDocuments, spreadOldestFirst } from './allocation';

const doc = (id: number, serviceLine: 'laundry' | 'cleaning', createdAt: string, outstandingCents: number): AccountDocumentDto => ({
  serviceLine,
  id,
  reference: `R${id}`,
  status: 'delivered',
  paymentStatus: outstandingCents > 0 ? 'unpaid' : 'paid',
  createdAt,
  accruedAt: createdAt,
  totalCents: outstandingCents,
  paidCents: 0,
  outstandingCents,
});

describe('allocating a payment over open documents', () => {
  const docs = openDocuments([doc(3, 'cleaning', '2026-03-02T10:00:00Z', 4000), doc(1, 'laundry', '2026-01-05T10:00:00Z', 1250), doc(2, 'laundry', '2026-02-01T10:00:00Z', 0)]);

  it('lists only what owes, oldest first', () => {
    expect(docs.map((d) => d.key)).toEqual(['laundry-1', 'cleaning-3']);
  });

  it('puts work handed over before work in progress, as the server spreads a payment', () => {
    const inProgress = { ...doc(4, 'laundry', '2025-12-01T10:00:00Z', 500), accruedAt: null };
    expect(openDocuments([inProgress, doc(5, 'laundry', '2026-02-01T10:00:00Z', 700)]).map((d) => d.key)).toEqual(['laundry-5', 'laundry-4']);
  });

  it('fills the oldest first and stops when the money runs out', () => {
    expect(spreadOldestFirst(3000, docs)).toEqual({ 'laundry-1': 1250, 'cleaning-3': 1750 });
    expect(spreadOldestFirst(1000, docs)).toEqual({ 'laundry-1': 1000, 'cleaning-3': 0 });
    expect(spreadOldestFirst(99_999, docs)).toEqual({ 'laundry-1': 1250, 'cleaning-3': 4000 });
  });

  it('sends one allocation per document with money on it', () => {
    expect(allocationBody({ 'laundry-1': 1000, 'cleaning-3': 0 }, docs)).toEqual([{ laundryOrderId: 1, amountCents: 1000 }]);
    expect(allocationBody({ 'laundry-1': 250, 'cleaning-3': 500 }, docs)).toEqual([
      { laundryOrderId: 1, amountCents: 250 },
      { cleaningJobId: 3, amountCents: 500 },
    ]);
  });
});
