import type { PaymentDto } from '../../contracts/payments.js';
import type { PaymentRow } from './payments.repository.js';

export function toPaymentDto(r: PaymentRow): PaymentDto {
  return {
    id: r.id,
    kind: r.kind,
    serviceLine: r.laundry_order_id !== null ? 'laundry' : 'cleaning',
    laundryOrderId: r.laundry_order_id,
    cleaningJobId: r.cleaning_job_id,
    reference: r.reference,
    client: { id: r.client_id, name: r.client_name },
    amountCents: r.amount_cents,
    tipCents: r.tip_cents,
    method: r.method,
    paidAt: r.paid_at.toISOString(),
    notes: r.notes,
    reason: r.reason,
    voided: r.voided_at !== null,
    voidedAt: r.voided_at ? r.voided_at.toISOString() : null,
    voidReason: r.void_reason,
    voidedBy: r.voided_by ? { id: r.voided_by, name: r.voided_by_name ?? '' } : null,
    createdBy: { id: r.created_by, name: r.created_by_name },
    createdAt: r.created_at.toISOString(),
    clientPaymentId: r.client_payment_id === null || r.client_payment_id === undefined ? null : Number(r.client_payment_id),
  };
}

/** What the audit log may keep of a payment: amounts, method, dates, flags — no notes. */
export const PAYMENT_VALUE_FIELDS = [
  'kind',
  'serviceLine',
  'laundryOrderId',
  'cleaningJobId',
  'amountCents',
  'tipCents',
  'method',
  'paidAt',
  'voided',
  'voidedAt',
  'voidReason',
  'reason',
] as const;
