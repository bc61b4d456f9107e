import type { Db, Queryable } from '../../db/pool.js';
import { badRequest, conflict, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type { PaymentSummaryDto, PaymentTotalsDto, RecordPaymentInput, RecordRefundInput, ServiceLineValue } from '../../contracts/payments.js';
import type { AuditService } from '../audit/audit.service.js';
import { estimateCleaning } from '../cleaning/cleaning-pricing.js';
import { balanceOf, netPaid, paymentStatus, splitPayment, type Due } from './payment-status.js';
import { PAYMENT_DATES, summaryColumns, type PaymentFilters, type PaymentRow, type PaymentsRepository, type Sums, type SummaryColumns, type TargetRef, type TargetRow } from './payments.repository.js';
import { jsonRows } from '../../lib/json-rows.js';
import { PAYMENT_VALUE_FIELDS, toPaymentDto } from './payments.mappers.js';

export interface PaymentsServiceDeps {
  db: Db;
  repo: PaymentsRepository;
  clock: Clock;
  audit: AuditService;
  /** The VAT rate in force, for the estimate of a job not priced yet. */
  vatRate(q: Queryable): Promise<number>;
  /** The receipt issued for a target, if any (the receipts module answers). */
  receiptOf?(q: Queryable, t: TargetRef): Promise<{ id: number; receiptNumber: string } | null>;
}

/** A phone a few minutes ahead of the server is not a payment from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

function targetOf(input: { laundryOrderId?: number | undefined; cleaningJobId?: number | undefined }): TargetRef {
  return input.laundryOrderId !== undefined ? { line: 'laundry', id: input.laundryOrderId } : { line: 'cleaning', id: input.cleaningJobId! };
}

const targetNotFound = (t: TargetRef) =>
  badRequest(t.line === 'laundry' ? 'UNKNOWN_ORDER' : 'UNKNOWN_JOB', t.line === 'laundry' ? 'No such laundry order.' : 'No such cleaning job.', [
    { path: `body.${t.line === 'laundry' ? 'laundryOrderId' : 'cleaningJobId'}`, message: 'not found', code: 'NOT_FOUND' },
  ]);

export function createPaymentsService({ db, repo, clock, audit, vatRate, receiptOf }: PaymentsServiceDeps) {
  /** What a target owes: its total once priced, else (a job) the estimate a deposit is measured against. */
  async function dueOf(q: Queryable, t: TargetRef, row: TargetRow, knownVatRate?: number): Promise<Due> {
    if (row.priced && row.total_cents !== null) return { basis: 'total', cents: row.total_cents };
    if (t.line === 'cleaning' && row.estimated_minutes && row.hourly_rate_cents !== null && row.worker_count) {
      const estimate = estimateCleaning({
        estimatedMinutes: row.estimated_minutes,
        workerCount: row.worker_count,
        hourlyRateCents: row.hourly_rate_cents,
        vatRateBasisPoints: knownVatRate ?? (await vatRate(q)),
      });
      return { basis: 'estimate', cents: estimate.totalCents };
    }
    return { basis: t.line === 'laundry' ? 'total' : 'estimate', cents: null };
  }

  /** What `repo.sums` adds up in SQL, over rows already read: unvoided payments net of tips, refunds, tips. */
  function sumsOf(rows: PaymentRow[]): Sums {
    const sums: Sums = { paid: 0, refunded: 0, tips: 0 };
    for (const r of rows) {
      if (r.voided_at !== null) continue;
      if (r.kind === 'payment') sums.paid += r.amount_cents - r.tip_cents;
      else sums.refunded += r.amount_cents;
      sums.tips += r.tip_cents;
    }
    return sums;
  }

  async function summaryOf(q: Queryable, t: TargetRef, row: TargetRow): Promise<PaymentSummaryDto> {
    // One after the other: q may be a transaction's single connection.
    const due = await dueOf(q, t, row);
    const history = await repo.history(q, t);
    const receipt = receiptOf ? await receiptOf(q, t) : null;
    return summaryFrom(due, history, receipt);
  }

  function summaryFrom(due: Due, history: PaymentRow[], receipt: { id: number; receiptNumber: string } | null): PaymentSummaryDto {
    // The history holds every record of the document, so its sums need no query of their own.
    const sums = sumsOf(history);
    return {
      status: paymentStatus(due, sums),
      basis: due.basis,
      dueCents: due.cents,
      paidCents: sums.paid,
      refundedCents: sums.refunded,
      tipCents: sums.tips,
      balanceCents: balanceOf(due, sums),
      receipt,
      history: history.map(toPaymentDto),
    };
  }

  function assertOpen(t: TargetRef, row: TargetRow) {
    if (row.status === 'cancelled') {
      throw conflict(
        t.line === 'laundry' ? 'ORDER_CANCELLED' : 'JOB_CANCELLED',
        t.line === 'laundry' ? 'This order was cancelled; it takes no payments.' : 'This job was cancelled; it takes no payments.',
      );
    }
  }

  function paidAtOf(paidAt: string | undefined): Date {
    const now = clock.now();
    if (!paidAt) return now;
    const at = new Date(paidAt);
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw badRequest('PAID_AT_IN_FUTURE', 'The payment date is in the future.', [{ path: 'body.paidAt', message: 'in the future', code: 'PAID_AT_IN_FUTURE' }]);
    }
    return at;
  }

  async function load(q: Queryable, t: TargetRef) {
    const row = await repo.findTarget(q, t, true);
    if (!row) throw targetNotFound(t);
    return row;
  }

  return {
    /** Records money received. The target row is locked first, so concurrent payments see each other. */
    async record(actor: Actor, input: RecordPaymentInput) {
      const t = targetOf(input);
      const paidAt = paidAtOf(input.paidAt);
      return db.transaction(async (tx) => {
        const row = await load(tx, t);
        assertOpen(t, row);
        const due = await dueOf(tx, t, row);
        const sums = await repo.sums(tx, t);
        const outstanding = balanceOf(due, sums);
        const split = splitPayment(input.amountCents, outstanding, input.asTip);
        if (!split) {
          throw conflict('PAYMENT_EXCEEDS_BALANCE', 'The amount is above the outstanding balance. Record the excess as a tip, or correct the amount.', {
            balanceCents: Math.max(outstanding ?? 0, 0),
            basis: due.basis,
          });
        }
        const id = await repo.insert(tx, {
          kind: 'payment',
          clientId: row.client_id,
          target: t,
          amountCents: input.amountCents,
          tipCents: split.tip,
          method: input.method,
          paidAt,
          notes: input.notes ?? null,
          reason: null,
          createdBy: actor.id,
          at: clock.now(),
        });
        const payment = toPaymentDto((await repo.find(tx, id))!);
        await audit.record(tx, { action: 'create', entity: 'payment', entityId: id, before: null, after: payment, valueFields: PAYMENT_VALUE_FIELDS });
        return { payment, summary: await summaryOf(tx, t, row) };
      });
    },

    /** Money going back to the client: its own record, never an edit of the payment. */
    async refund(actor: Actor, input: RecordRefundInput) {
      const t = targetOf(input);
      const paidAt = paidAtOf(input.paidAt);
      return db.transaction(async (tx) => {
        const row = await load(tx, t);
        const sums = await repo.sums(tx, t);
        const refundable = netPaid(sums);
        if (input.amountCents > refundable) {
          throw conflict('REFUND_EXCEEDS_PAID', 'A refund cannot return more than was paid.', { refundableCents: Math.max(refundable, 0) });
        }
        const id = await repo.insert(tx, {
          kind: 'refund',
          clientId: row.client_id,
          target: t,
          amountCents: input.amountCents,
          tipCents: 0,
          method: input.method,
          paidAt,
          notes: null,
          reason: input.reason,
          createdBy: actor.id,
          at: clock.now(),
        });
        const payment = toPaymentDto((await repo.find(tx, id))!);
        await audit.record(tx, { action: 'refund', entity: 'payment', entityId: id, before: null, after: payment, valueFields: PAYMENT_VALUE_FIELDS });
        return { payment, summary: await summaryOf(tx, t, row) };
      });
    },

    /** A wrong record stops counting, with the reason and who voided it; it is never deleted. */
    async void(actor: Actor, id: number, reason: string) {
      return db.transaction(async (tx) => {
        const peek = await repo.find(tx, id);
        if (!peek) throw notFound('Payment not found.');
        const t: TargetRef = peek.laundry_order_id !== null ? { line: 'laundry', id: peek.laundry_order_id } : { line: 'cleaning', id: peek.cleaning_job_id! };
        // Same lock order as recording (target, then payment), so a void and a payment never deadlock.
        const row = await load(tx, t);
        const before = (await repo.find(tx, id, true))!;
        if (before.voided_at) throw conflict('ALREADY_VOIDED', 'This record was already voided.');
        if (before.kind === 'payment') {
          const sums = await repo.sums(tx, t);
          const after = { paid: sums.paid - (before.amount_cents - before.tip_cents), refunded: sums.refunded };
          if (netPaid(after) < 0) {
            throw conflict('REFUNDS_EXCEED_PAYMENTS', 'Voiding this payment would leave more refunded than paid. Void the refund first.');
          }
        }
        await repo.voidPayment(tx, id, actor.id, reason, clock.now());
        const payment = toPaymentDto((await repo.find(tx, id))!);
        await audit.record(tx, { action: 'void', entity: 'payment', entityId: id, before: toPaymentDto(before), after: payment, valueFields: PAYMENT_VALUE_FIELDS });
        return { payment, summary: await summaryOf(tx, t, row) };
      });
    },

    async get(id: number) {
      const row = await repo.find(db, id);
      if (!row) throw notFound('Payment not found.');
      return toPaymentDto(row);
    },

    async list(filters: PaymentFilters, page: PageInput) {
      return mapPage(await repo.list(filters, page), toPaymentDto);
    },

    async totals(filters: PaymentFilters): Promise<PaymentTotalsDto> {
      const rows = await repo.totals(filters);
      const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((acc, r) => acc + f(r), 0);
      return {
        count: sum((r) => r.n),
        paymentsCents: sum((r) => r.payments),
        refundsCents: sum((r) => r.refunds),
        tipsCents: sum((r) => r.tips),
        netCents: sum((r) => r.payments - r.refunds),
        byMethod: rows.map((r) => ({ method: r.method, paymentsCents: r.payments, refundsCents: r.refunds, netCents: r.payments - r.refunds })),
      };
    },

    /**
     * The payments block of an order or job detail (staff views). Other modules call this from their
     * detail paths; it reads without locking.
     */
    async summary(q: Queryable, t: TargetRef): Promise<PaymentSummaryDto | null> {
      const row = await repo.findTarget(q, t, false);
      return row ? summaryOf(q, t, row) : null;
    },

    /** The select-list columns a detail adds to its own statement for `summaryFromColumns` (see `summaryColumns`). */
    summaryColumns,

    /**
     * The payments block from the columns `summaryColumns` added to the document's read: no query, except
     * the VAT rate for the estimate of an unpriced job when the caller does not pass it.
     */
    async summaryFromColumns(q: Queryable, line: ServiceLineValue, columns: SummaryColumns, knownVatRate?: number): Promise<PaymentSummaryDto | null> {
      const row = columns.pay_target as TargetRow | null;
      if (!row) return null;
      const due = await dueOf(q, { line, id: row.id }, row, knownVatRate);
      return summaryFrom(due, jsonRows<PaymentRow>(columns.pay_history, PAYMENT_DATES), columns.pay_receipt);
    },

    /** Sums only (no history), for documents printed from inside another transaction. */
    async settled(q: Queryable, t: TargetRef) {
      return repo.sums(q, t);
    },

    history: (q: Queryable, t: TargetRef) => repo.history(q, t).then((rows) => rows.map(toPaymentDto)),

    /** GDPR: the client's payments and refunds. */
    async exportClient(q: Queryable, clientId: number) {
      return (await repo.ofClient(q, clientId)).map(toPaymentDto);
    },

    anonymiseClient: (tx: Queryable, clientId: number) => repo.anonymiseClient(tx, clientId),
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
