import { z } from 'zod';
import { ServiceLine } from './payments.js';

/**
 * Receivables: what clients owe, one definition for every view (ADR 0014). Outstanding = total − paid for
 * every priced document not cancelled (laundry orders, completed cleaning jobs), less the client's
 * credit (deposits on jobs not priced yet, overpayments). Pure: no Node imports.
 */

const int = z.number().int();

export const RECEIVABLE_STAGES = ['accrued', 'in_progress', 'credit'] as const;
export const ReceivableStage = z.enum(RECEIVABLE_STAGES).meta({
  id: 'ReceivableStage',
  description: 'accrued: collected, delivered or completed work owed; in_progress: a priced order not handed over yet; credit: a deposit or an overpayment.',
});

export const ReceivableDocument = z
  .object({
    serviceLine: ServiceLine,
    id: int.meta({ description: 'The laundry order or cleaning job id.' }),
    reference: z.string().meta({ description: 'Order number, or CLN-<id> for a cleaning job.' }),
    client: z.object({ id: int, name: z.string() }),
    status: z.string().meta({ description: "The document's own status." }),
    stage: ReceivableStage,
    datedAt: z.string().meta({ description: 'Accrual (collection, delivery, completion); else when the order was taken or the job is booked.' }),
    totalCents: int.nullable().meta({ description: 'Null for a deposit on a job not priced yet.' }),
    paidCents: int.meta({ description: 'Payments kept (tips and voided records left out), net of refunds.' }),
    balanceCents: int.meta({ description: 'What the document adds to the outstanding: total − paid; negative for a credit.' }),
  })
  .meta({ id: 'ReceivableDocument' });

export const ReceivablesSummary = z
  .object({
    documents: int.meta({ description: 'Documents that owe (accrued or in progress).' }),
    balanceCents: int.meta({ description: 'Outstanding: accruedCents + inProgressCents − creditCents; equals the sum of the receivables list.' }),
    accruedCents: int.meta({ description: 'Owed on collected, delivered and completed work.' }),
    inProgressCents: int.meta({ description: 'Owed on priced orders not handed over yet.' }),
    creditCents: int.meta({ description: 'Deposits on jobs not priced yet and overpayments, which the client has to their credit.' }),
  })
  .meta({ id: 'ReceivablesSummary' });

export type ReceivableDocumentDto = z.infer<typeof ReceivableDocument>;
export type ReceivablesSummaryDto = z.infer<typeof ReceivablesSummary>;
export type ReceivableStageValue = z.infer<typeof ReceivableStage>;
