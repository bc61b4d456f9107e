import type { AccountDocumentDto } from '@contracts/accounts';

/** One open document a payment can go against, in the order the dialog lists them (oldest first). */
export interface OpenDocument {
  key: string;
  serviceLine: AccountDocumentDto['serviceLine'];
  id: number;
  reference: string;
  outstandingCents: number;
}

export const documentKey = (doc: { serviceLine: string; id: number }) => `${doc.serviceLine}-${doc.id}`;

/**
 * Oldest accrual first, as the server spreads a payment: work handed over (by when), then priced work in
 * progress (by when it was taken or booked).
 */
function byAge(a: AccountDocumentDto, b: AccountDocumentDto): number {
  if ((a.accruedAt === null) !== (b.accruedAt === null)) return a.accruedAt === null ? 1 : -1;
  const at = (d: AccountDocumentDto) => Date.parse(d.accruedAt ?? d.createdAt);
  return at(a) - at(b) || Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.serviceLine === b.serviceLine ? a.id - b.id : a.serviceLine === 'laundry' ? -1 : 1);
}

/** The documents that owe, oldest first. */
export function openDocuments(docs: readonly AccountDocumentDto[]): OpenDocument[] {
  return docs
    .filter((d) => d.outstandingCents > 0)
    .toSorted(byAge)
    .map((d) => ({ key: documentKey(d), serviceLine: d.serviceLine, id: d.id, reference: d.reference, outstandingCents: d.outstandingCents }));
}

/** The amount spread oldest first: each document takes what it owes until the money runs out. */
export function spreadOldestFirst(amountCents: number, docs: readonly OpenDocument[]): Record<string, number> {
  const lines: Record<string, number> = {};
  let left = Math.max(0, amountCents);
  for (const doc of docs) {
    const take = Math.min(left, doc.outstandingCents);
    lines[doc.key] = take;
    left -= take;
  }
  return lines;
}

/** The allocations as the API takes them: one per document with money on it. */
export function allocationBody(lines: Record<string, number>, docs: readonly OpenDocument[]) {
  return docs
    .filter((doc) => (lines[doc.key] ?? 0) > 0)
    .map((doc) => ({ ...(doc.serviceLine === 'laundry' ? { laundryOrderId: doc.id } : { cleaningJobId: doc.id }), amountCents: lines[doc.key]! }));
}
