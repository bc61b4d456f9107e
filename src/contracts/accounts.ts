import { z } from 'zod';
import { PaymentMethod, ServiceLine } from './payments.js';
import { CalendarMonth } from './primitives.js';
import { ReceivablesSummary } from './receivables.js';

/**
 * A client's account (issue 19): what they owe, how old it is, their documents and monthly statements.
 * Every figure builds on the receivables definition (ADR 0014); statements are computed from dated
 * facts (ADR 0015). Amounts are integer cents. Pure: no Node imports.
 */

const int = z.number().int();

/** The money state of one order or job, as the lists show it (a chip) and filter on it. */
export const DOCUMENT_PAYMENT_STATUSES = ['unpaid', 'partial', 'paid', 'not_priced'] as const;
export const DocumentPaymentStatus = z.enum(DOCUMENT_PAYMENT_STATUSES).meta({
  id: 'DocumentPaymentStatus',
  description:
    'unpaid: priced and nothing kept; partial: part of the total kept; paid: the total covered; not_priced: nothing is owed on it ' +
    '(a cleaning job not completed yet, or a cancelled document).',
});

export const AgeingBuckets = z
  .object({
    days0to30Cents: int,
    days31to60Cents: int,
    days61to90Cents: int,
    over90Cents: int,
  })
  .meta({ id: 'AgeingBuckets', description: 'What is owed on accrued work, by days since accrual (Lisbon days). The four add up to accruedCents.' });

export const AccountSummary = z
  .object({
    client: z.object({ id: int, name: z.string() }),
    balance: ReceivablesSummary,
    ageing: AgeingBuckets,
    lastPayment: z
      .object({ paidAt: z.string(), amountCents: int, method: PaymentMethod })
      .nullable()
      .meta({ description: 'The latest payment kept (net of its tip), voided records left out.' }),
  })
  .meta({ id: 'AccountSummary' });

export const AccountDocument = z
  .object({
    serviceLine: ServiceLine,
    id: int,
    reference: z.string(),
    status: z.string().meta({ description: "The document's own status." }),
    paymentStatus: DocumentPaymentStatus,
    createdAt: z.string(),
    accruedAt: z.string().nullable().meta({ description: 'Collection, delivery or completion; null while in progress.' }),
    totalCents: int.nullable(),
    paidCents: int.meta({ description: 'Kept: payments net of tips, less refunds, voided records left out.' }),
    outstandingCents: int.meta({ description: 'What it adds to the outstanding (ADR 0014): total − paid; negative for a credit; 0 when cancelled or settled.' }),
  })
  .meta({ id: 'AccountDocument' });

export const STATEMENT_LINE_KINDS = ['charge', 'payment', 'refund', 'void', 'cancellation'] as const;
export const StatementLineKind = z.enum(STATEMENT_LINE_KINDS).meta({
  id: 'StatementLineKind',
  description:
    'charge: an order taken or a job completed; payment / refund: money kept or returned; void: a wrong payment or refund taken back; ' +
    'cancellation: a cancelled document leaves the account (its charge and payments out).',
});

export const StatementLine = z
  .object({
    date: z.string().meta({ description: 'Lisbon date YYYY-MM-DD.' }),
    kind: StatementLineKind,
    serviceLine: ServiceLine,
    documentId: int,
    reference: z.string(),
    method: PaymentMethod.nullable(),
    amountCents: int.meta({ description: 'Effect on the balance: + owed, − paid.' }),
    balanceCents: int.meta({ description: 'Running balance after this line.' }),
  })
  .meta({ id: 'StatementLine' });

export const Statement = z
  .object({
    month: CalendarMonth,
    from: z.string(),
    to: z.string(),
    closed: z.boolean().meta({ description: 'True once the month is over: its figures never change again.' }),
    locale: z.enum(['pt', 'en']),
    company: z.object({ name: z.string(), nif: z.string(), address: z.string(), iban: z.string() }),
    client: z.object({ id: int, name: z.string(), nif: z.string().nullable(), address: z.string().nullable() }),
    openingBalanceCents: int,
    chargesCents: int,
    paymentsCents: int.meta({ description: 'Payments less refunds in the month (a positive number reduces the balance).' }),
    adjustmentsCents: int.meta({ description: 'Voids and cancellations in the month, as their effect on the balance.' }),
    closingBalanceCents: int.meta({ description: 'opening + charges − payments + adjustments. For the current month, equals the outstanding of ADR 0014.' }),
    lines: z.array(StatementLine),
    closing: z
      .object({ accruedCents: int, inProgressCents: int, creditCents: int, ageing: AgeingBuckets })
      .meta({ description: 'The closing balance by stage at the end of the month (or now), and the ageing of the accrued part.' }),
  })
  .meta({ id: 'Statement' });

export const StatementMonth = z
  .object({
    month: CalendarMonth,
    closed: z.boolean(),
    openingBalanceCents: int,
    closingBalanceCents: int,
    lines: int,
    pdfUrl: z.string(),
  })
  .meta({ id: 'StatementMonth' });

export type DocumentPaymentStatusValue = z.infer<typeof DocumentPaymentStatus>;
export type AgeingBucketsDto = z.infer<typeof AgeingBuckets>;
export type AccountSummaryDto = z.infer<typeof AccountSummary>;
export type AccountDocumentDto = z.infer<typeof AccountDocument>;
export type StatementDto = z.infer<typeof Statement>;
export type StatementLineDto = z.infer<typeof StatementLine>;
export type StatementMonthDto = z.infer<typeof StatementMonth>;
