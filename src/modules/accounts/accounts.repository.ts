import type { Queryable } from '../../db/pool.js';
import type { DocumentPaymentStatusValue } from '../../contracts/accounts.js';
import type { PaymentMethodValue, ServiceLineValue } from '../../contracts/payments.js';
import { fetchPage, sqlParams, type Page, type PageInput, type SortColumn } from '../../lib/paging.js';
import type { DocumentFact, PaymentFact } from './statement.js';
import { cleaningPaymentStatusSql, laundryPaymentStatusSql } from '../receivables/document-payment-status.js';

export interface AccountDocumentRow {
  line: ServiceLineValue;
  id: number;
  reference: string;
  status: string;
  payment_status: DocumentPaymentStatusValue;
  created_at: Date;
  accrued_at: Date | null;
  total: number | null;
  paid: number;
  outstanding: number;
}

export interface AccountDocumentFilters {
  clientId: number;
  /** Only documents that owe (outstanding > 0), the ones a payment can go against. */
  open?: boolean | undefined;
  serviceLine?: ServiceLineValue | undefined;
}

/**
 * Every order and job of a client, with what each adds to the outstanding from the one definition,
 * `receivable_balance` (migration client_receivables, equal to the receivables statement, ADR 0014).
 */
function documentsSql(clientParam: string): string {
  return `
    SELECT 'laundry'::text AS line, o.id, o.order_number AS reference, o.status, ${laundryPaymentStatusSql('o')} AS payment_status,
           o.created_at, COALESCE(o.collected_at, o.delivered_at) AS accrued_at,
           o.total_cents::bigint AS total, (o.paid_cents - o.refunded_cents)::bigint AS paid,
           COALESCE(receivable_balance('laundry', o.status, o.balance_cents, o.paid_cents, o.refunded_cents), 0)::bigint AS outstanding,
           o.id * 2 AS key
      FROM laundry_orders o WHERE o.client_id = ${clientParam}
    UNION ALL
    SELECT 'cleaning'::text, j.id, 'CLN-' || j.id, j.status, ${cleaningPaymentStatusSql('j')},
           j.created_at, j.completed_at,
           j.total_cents::bigint, (j.paid_cents - j.refunded_cents)::bigint,
           COALESCE(receivable_balance('cleaning', j.status, j.balance_cents, j.paid_cents, j.refunded_cents), 0)::bigint,
           j.id * 2 + 1
      FROM cleaning_jobs j WHERE j.client_id = ${clientParam}`;
}

export const ACCOUNT_DOCUMENT_SORTS = {
  createdAt: { sql: 'd.created_at', type: 'timestamp' },
  outstanding: { sql: 'd.outstanding', type: 'number' },
} satisfies Record<string, SortColumn>;

export function createAccountsRepository() {
  return {
    async clientName(q: Queryable, clientId: number): Promise<string | undefined> {
      const { rows } = await q.query<{ name: string }>(`SELECT name FROM clients WHERE id = $1`, [clientId]);
      return rows[0]?.name;
    },

    async documents(q: Queryable, f: AccountDocumentFilters, page: PageInput): Promise<Page<AccountDocumentRow>> {
      const p = sqlParams();
      const from = `(${documentsSql(p.add(f.clientId))}) d`;
      const where: string[] = [];
      if (f.open) where.push('d.outstanding > 0');
      if (f.serviceLine) where.push(`d.line = ${p.add(f.serviceLine)}`);
      return fetchPage<AccountDocumentRow, keyof typeof ACCOUNT_DOCUMENT_SORTS>(
        q,
        {
          columns: 'd.line, d.id, d.reference, d.status, d.payment_status, d.created_at, d.accrued_at, d.total, d.paid, d.outstanding',
          from,
          where,
          params: p,
          sorts: ACCOUNT_DOCUMENT_SORTS,
          id: 'd.key',
        },
        page,
      );
    },

    /** The latest payment kept, voided records left out. */
    async lastPayment(q: Queryable, clientId: number) {
      const { rows } = await q.query<{ paid_at: Date; amount: number; method: PaymentMethodValue }>(
        `SELECT p.paid_at, (p.amount_cents - p.tip_cents) AS amount, p.method FROM payments p
          WHERE p.client_id = $1 AND p.kind = 'payment' AND p.voided_at IS NULL AND p.amount_cents > p.tip_cents
          ORDER BY p.paid_at DESC, p.id DESC LIMIT 1`,
        [clientId],
      );
      return rows[0];
    },

    /**
     * The dated facts of a client's account before `end` (ADR 0015): each document with its charge,
     * accrual and cancellation instants, and each payment record kept against one of them.
     */
    async facts(q: Queryable, clientId: number, end: Date): Promise<{ docs: DocumentFact[]; payments: PaymentFact[] }> {
      const docs = await q.query<{ line: ServiceLineValue; id: number; reference: string; charged_at: Date | null; total: number; accrued_at: Date | null; cancelled_at: Date | null }>(
        `SELECT 'laundry' AS line, o.id, o.order_number AS reference, COALESCE(o.priced_at, o.created_at) AS charged_at, o.total_cents AS total,
                CASE WHEN o.status <> 'cancelled' THEN COALESCE(o.collected_at, o.delivered_at) END AS accrued_at,
                CASE WHEN o.status = 'cancelled' THEN COALESCE(o.cancelled_at, o.created_at) END AS cancelled_at
           FROM laundry_orders o WHERE o.client_id = $1 AND o.created_at < $2
         UNION ALL
         SELECT 'cleaning', j.id, 'CLN-' || j.id, CASE WHEN j.status = 'completed' THEN j.completed_at END, COALESCE(j.total_cents, 0),
                CASE WHEN j.status = 'completed' THEN j.completed_at END,
                CASE WHEN j.status = 'cancelled' THEN COALESCE(j.cancelled_at, j.created_at) END
           FROM cleaning_jobs j WHERE j.client_id = $1 AND (j.created_at < $2 OR EXISTS (SELECT 1 FROM payments p WHERE p.cleaning_job_id = j.id AND p.paid_at < $2))`,
        [clientId, end],
      );
      const payments = await q.query<{ id: number; line: ServiceLineValue; document_id: number; kind: 'payment' | 'refund'; amount: number; method: PaymentMethodValue; paid_at: Date; voided_at: Date | null }>(
        `SELECT p.id, 'laundry' AS line, p.laundry_order_id AS document_id, p.kind,
                CASE WHEN p.kind = 'payment' THEN p.amount_cents - p.tip_cents ELSE p.amount_cents END AS amount, p.method, p.paid_at, p.voided_at
           FROM payments p JOIN laundry_orders o ON o.id = p.laundry_order_id
          WHERE o.client_id = $1 AND p.paid_at < $2
         UNION ALL
         SELECT p.id, 'cleaning', p.cleaning_job_id, p.kind,
                CASE WHEN p.kind = 'payment' THEN p.amount_cents - p.tip_cents ELSE p.amount_cents END, p.method, p.paid_at, p.voided_at
           FROM payments p JOIN cleaning_jobs j ON j.id = p.cleaning_job_id
          WHERE j.client_id = $1 AND p.paid_at < $2`,
        [clientId, end],
      );
      return {
        docs: docs.rows.map((d) => ({
          line: d.line,
          id: Number(d.id),
          reference: d.reference,
          chargedAt: d.charged_at,
          totalCents: Number(d.total),
          accruedAt: d.accrued_at,
          cancelledAt: d.cancelled_at,
        })),
        payments: payments.rows.map((p) => ({
          id: Number(p.id),
          line: p.line,
          documentId: Number(p.document_id),
          kind: p.kind,
          amountCents: Number(p.amount),
          method: p.method,
          paidAt: p.paid_at,
          voidedAt: p.voided_at,
        })),
      };
    },

    /** The first instant the client's account has anything (its first order, job or payment). */
    async firstActivity(q: Queryable, clientId: number): Promise<Date | null> {
      const { rows } = await q.query<{ at: Date | null }>(
        `SELECT LEAST((SELECT min(created_at) FROM laundry_orders WHERE client_id = $1),
                      (SELECT min(LEAST(created_at, scheduled_start_at)) FROM cleaning_jobs WHERE client_id = $1),
                      (SELECT min(paid_at) FROM payments WHERE client_id = $1)) AS at`,
        [clientId],
      );
      return rows[0]?.at ?? null;
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
