import { z } from 'zod';
import { Instant } from './primitives.js';

/**
 * Payments and refunds shared by the server and the web app. Amounts are integer cents, gross (VAT
 * included), always positive: the kind says whether money came in or went back. Pure: no Node imports.
 */

export const PAYMENT_METHODS = ['cash', 'card', 'transfer', 'mbway', 'other'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS).meta({ id: 'PaymentMethod' });
export const PaymentKind = z.enum(['payment', 'refund']).meta({ id: 'PaymentKind' });
export const PaymentStatus = z
  .enum(['pending', 'partial', 'paid'])
  .meta({ id: 'PaymentStatus', description: 'Derived from the records: nothing paid, part paid, or the total covered.' });
export const ServiceLine = z.enum(['laundry', 'cleaning']).meta({ id: 'ServiceLine' });

/** A single payment above this is a typo (€100 000). */
export const MAX_PAYMENT_CENTS = 10_000_000;

const cents = z.number().int('must be whole cents').positive('must be above zero').max(MAX_PAYMENT_CENTS, `must be at most ${MAX_PAYMENT_CENTS}`);
const instant = Instant;
const id = z.number().int().positive();
const note = (max: number) => z.string().trim().max(max).optional().nullable();

/** Exactly one of the two targets. */
const target = {
  laundryOrderId: id.optional(),
  cleaningJobId: id.optional(),
};
function oneTarget(v: { laundryOrderId?: number | undefined; cleaningJobId?: number | undefined }, ctx: z.RefinementCtx) {
  if ((v.laundryOrderId === undefined) === (v.cleaningJobId === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['laundryOrderId'], message: 'give exactly one of laundryOrderId and cleaningJobId' });
  }
}

export const RecordPaymentBody = z
  .object({
    ...target,
    amountCents: cents,
    method: PaymentMethod,
    paidAt: instant.optional().meta({ description: 'When the money was received; defaults to now. Not in the future.' }),
    notes: note(500),
    asTip: z
      .boolean()
      .default(false)
      .meta({ description: 'Accept an amount above the outstanding balance: the excess is recorded as a tip. Without it, 409 PAYMENT_EXCEEDS_BALANCE.' }),
  })
  .strict()
  .superRefine(oneTarget)
  .meta({ id: 'RecordPaymentBody', example: { laundryOrderId: 1, amountCents: 1000, method: 'mbway' } });

export const RecordRefundBody = z
  .object({
    ...target,
    amountCents: cents,
    method: PaymentMethod,
    reason: z.string().trim().min(3, 'say why').max(500),
    paidAt: instant.optional().meta({ description: 'When the money was returned; defaults to now.' }),
  })
  .strict()
  .superRefine(oneTarget)
  .meta({ id: 'RecordRefundBody' });

export const VoidPaymentBody = z
  .object({ reason: z.string().trim().min(3, 'say why').max(500) })
  .strict()
  .meta({ id: 'VoidPaymentBody' });

export const Payment = z
  .object({
    id: z.number().int(),
    kind: PaymentKind,
    serviceLine: ServiceLine,
    laundryOrderId: z.number().int().nullable(),
    cleaningJobId: z.number().int().nullable(),
    reference: z.string().meta({ description: 'Order number or job reference (CLN-<id>).' }),
    client: z.object({ id: z.number().int(), name: z.string() }),
    amountCents: z.number().int(),
    tipCents: z.number().int(),
    method: PaymentMethod,
    paidAt: z.string(),
    notes: z.string().nullable(),
    reason: z.string().nullable().meta({ description: 'Why money was refunded (refunds only).' }),
    voided: z.boolean(),
    voidedAt: z.string().nullable(),
    voidReason: z.string().nullable(),
    voidedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    createdBy: z.object({ id: z.number().int(), name: z.string() }),
    createdAt: z.string(),
    clientPaymentId: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'The payment across documents (GET /api/client-payments/:id) this record is one part of; null for a payment of this document alone.' }),
  })
  .meta({ id: 'Payment' });

/** The money side of one order or job, as its detail screen shows it (staff only). */
export const PaymentSummary = z
  .object({
    status: PaymentStatus,
    basis: z.enum(['total', 'estimate']).meta({ description: 'A job not completed yet is measured against its estimate (deposits).' }),
    dueCents: z.number().int().nullable().meta({ description: 'The total (or the estimate); null when neither is known.' }),
    paidCents: z.number().int().meta({ description: 'Payments applied to the amount due (tips excluded), voided ones excluded.' }),
    refundedCents: z.number().int(),
    tipCents: z.number().int(),
    balanceCents: z.number().int().nullable().meta({ description: 'Due − paid + refunded; negative means the client is owed money.' }),
    receipt: z.object({ id: z.number().int(), receiptNumber: z.string() }).nullable(),
    history: z.array(Payment),
  })
  .meta({ id: 'PaymentSummary' });

export const PaymentResult = z
  .object({ payment: Payment, summary: PaymentSummary })
  .meta({ id: 'PaymentResult' });

export const PaymentTotals = z
  .object({
    count: z.number().int(),
    paymentsCents: z.number().int(),
    refundsCents: z.number().int(),
    tipsCents: z.number().int(),
    netCents: z.number().int().meta({ description: 'Payments − refunds (cash basis).' }),
    byMethod: z.array(z.object({ method: PaymentMethod, paymentsCents: z.number().int(), refundsCents: z.number().int(), netCents: z.number().int() })),
  })
  .meta({ id: 'PaymentTotals' });

export type RecordPaymentInput = z.infer<typeof RecordPaymentBody>;
export type RecordRefundInput = z.infer<typeof RecordRefundBody>;
export type PaymentDto = z.infer<typeof Payment>;
export type PaymentSummaryDto = z.infer<typeof PaymentSummary>;
export type PaymentTotalsDto = z.infer<typeof PaymentTotals>;
export type PaymentMethodValue = z.infer<typeof PaymentMethod>;
export type ServiceLineValue = z.infer<typeof ServiceLine>;
export type PaymentStatusValue = z.infer<typeof PaymentStatus>;
