import { z } from 'zod';
import { PaymentKind, PaymentMethod, ServiceLine } from './payments.js';

/**
 * Non-fiscal receipts (REC-YYYY-MM-####): issued once per priced order or completed job, printed in
 * the client's language from a stored snapshot. Pure: no Node imports.
 */

const int = z.number().int();

export const IssueReceiptBody = z
  .object({ laundryOrderId: int.positive().optional(), cleaningJobId: int.positive().optional() })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.laundryOrderId === undefined) === (v.cleaningJobId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['laundryOrderId'], message: 'give exactly one of laundryOrderId and cleaningJobId' });
    }
  })
  .meta({ id: 'IssueReceiptBody', example: { laundryOrderId: 1 } });

/** Everything the document prints, frozen when it was issued. */
export const ReceiptSnapshot = z
  .object({
    receiptNumber: z.string(),
    issuedAt: z.string(),
    issuedDate: z.string().meta({ description: 'Lisbon date of issue.' }),
    locale: z.enum(['pt', 'en']),
    company: z.object({ name: z.string(), nif: z.string(), address: z.string(), iban: z.string() }),
    client: z.object({ name: z.string(), nif: z.string().nullable(), address: z.string().nullable() }),
    serviceLine: ServiceLine,
    reference: z.string(),
    serviceDate: z.string().nullable().meta({ description: 'Lisbon date of the accrual (collection, delivery, completion), when there is one.' }),
    lines: z.array(
      z.object({
        description: z.string(),
        detail: z.string().nullable(),
        quantity: z.string().meta({ description: 'As printed: "5,5 kg", "2", "3,5 h".' }),
        unitPriceCents: int.nullable(),
        totalCents: int,
      }),
    ),
    adjustments: z.array(z.object({ kind: z.enum(['delivery', 'extraCharges', 'discount']), cents: int })),
    subtotalCents: int,
    vatByRate: z.array(z.object({ vatRateBasisPoints: int, baseCents: int, vatCents: int })),
    vatCents: int,
    totalCents: int,
    payments: z.array(z.object({ date: z.string(), kind: PaymentKind, method: PaymentMethod, amountCents: int })),
    paidCents: int.meta({ description: 'Payments kept (net of refunds, tips left out).' }),
    balanceCents: int,
  })
  .meta({ id: 'ReceiptSnapshot' });

export const Receipt = z
  .object({
    id: int,
    receiptNumber: z.string().meta({ example: 'REC-2026-03-0001' }),
    serviceLine: ServiceLine,
    laundryOrderId: int.nullable(),
    cleaningJobId: int.nullable(),
    reference: z.string(),
    client: z.object({ id: int, name: z.string() }),
    locale: z.enum(['pt', 'en']),
    totalCents: int,
    balanceCents: int.meta({ description: 'The balance when the receipt was issued.' }),
    issuedAt: z.string(),
    pdfSha256: z.string().meta({ description: 'SHA-256 of the PDF bytes: every download is identical.' }),
    pdfUrl: z.string(),
    snapshot: ReceiptSnapshot.optional(),
  })
  .meta({ id: 'Receipt' });

export type ReceiptSnapshotDto = z.infer<typeof ReceiptSnapshot>;
export type ReceiptDto = z.infer<typeof Receipt>;
export type IssueReceiptInput = z.infer<typeof IssueReceiptBody>;
