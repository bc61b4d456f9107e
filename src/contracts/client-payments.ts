import { z } from 'zod';
import { MAX_PAYMENT_CENTS, PaymentMethod, ServiceLine } from './payments.js';
import { Instant } from './primitives.js';

/**
 * One payment of a client across several of their open orders and jobs (issue 19 §3). Each allocation
 * becomes an ordinary payment of one document; the client payment groups them under one receipt number
 * (PAG-YYYY-MM-####). Amounts are integer cents. Pure: no Node imports.
 */

const cents = z.number().int('must be whole cents').positive('must be above zero').max(MAX_PAYMENT_CENTS, `must be at most ${MAX_PAYMENT_CENTS}`);
const id = z.number().int().positive();

export const PaymentAllocationInput = z
  .object({
    laundryOrderId: id.optional(),
    cleaningJobId: id.optional(),
    amountCents: cents,
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.laundryOrderId === undefined) === (v.cleaningJobId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['laundryOrderId'], message: 'give exactly one of laundryOrderId and cleaningJobId' });
    }
  })
  .meta({ id: 'PaymentAllocationInput' });

export const RecordClientPaymentBody = z
  .object({
    amountCents: cents,
    method: PaymentMethod,
    paidAt: Instant.optional().meta({ description: 'When the money was received; defaults to now. Not in the future.' }),
    notes: z.string().trim().max(500).optional().nullable(),
    allocations: z
      .array(PaymentAllocationInput)
      .min(1)
      .max(200)
      .optional()
      .meta({
        description:
          'Which documents the money goes against, each at most its outstanding, adding up to amountCents. ' +
          "Without it, the money goes to the client's open documents oldest accrual first.",
      }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.allocations?.forEach((a, i) => {
      const key = a.laundryOrderId !== undefined ? `l${a.laundryOrderId}` : `c${a.cleaningJobId}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['allocations', i], message: 'this document is already in the allocations' });
      seen.add(key);
    });
  })
  .meta({
    id: 'RecordClientPaymentBody',
    example: { amountCents: 5000, method: 'transfer', allocations: [{ laundryOrderId: 12, amountCents: 3000 }, { cleaningJobId: 7, amountCents: 2000 }] },
  });

export const ClientPaymentAllocation = z
  .object({
    serviceLine: ServiceLine,
    laundryOrderId: z.number().int().nullable(),
    cleaningJobId: z.number().int().nullable(),
    reference: z.string().meta({ description: 'Order number or job reference (CLN-<id>).' }),
    amountCents: z.number().int(),
    paymentId: z.number().int().meta({ description: 'The payment row of this document (GET /api/payments/:id; voided through its void route).' }),
    voided: z.boolean().meta({ description: 'The payment row was voided: this part no longer counts on the account.' }),
  })
  .meta({ id: 'ClientPaymentAllocation' });

export const ClientPayment = z
  .object({
    id: z.number().int(),
    number: z.string().meta({ example: 'PAG-2026-03-0001' }),
    clientId: z.number().int(),
    amountCents: z.number().int().meta({ description: 'The money received, as recorded.' }),
    keptCents: z.number().int().meta({ description: 'What still counts: amountCents less the voided allocations.' }),
    method: PaymentMethod,
    paidAt: z.string(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    pdfUrl: z.string(),
    allocations: z.array(ClientPaymentAllocation),
  })
  .meta({ id: 'ClientPayment' });

export const ClientPaymentResult = z.object({ clientPayment: ClientPayment }).meta({ id: 'ClientPaymentResult' });

export type RecordClientPaymentInput = z.infer<typeof RecordClientPaymentBody>;
export type ClientPaymentDto = z.infer<typeof ClientPayment>;
export type ClientPaymentAllocationDto = z.infer<typeof ClientPaymentAllocation>;
