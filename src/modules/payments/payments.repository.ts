import type { Queryable } from '../../db/pool.js';
import { fetchPage, sqlParams, type Page, type PageInput, type SortColumn, type SqlParams } from '../../lib/paging.js';
import type { PaymentMethodValue, ServiceLineValue } from '../../contracts/payments.js';

/** The one order or job a payment belongs to. */
export type TargetRef = { line: 'laundry'; id: number } | { line: 'cleaning'; id: number };

export const targetColumn = (line: ServiceLineValue) => (line === 'laundry' ? 'laundry_order_id' : 'cleaning_job_id');

export interface TargetRow {
  id: number;
  client_id: number;
  status: string;
  total_cents: number | null;
  priced: boolean;
  /** Cleaning only: the pricing inputs of the estimate (time on site × workers × rate). */
  estimated_minutes: number | null;
  hourly_rate_cents: number | null;
  worker_count: number | null;
}

export interface PaymentRow {
  id: number;
  kind: 'payment' | 'refund';
  client_id: number;
  client_name: string;
  laundry_order_id: number | null;
  cleaning_job_id: number | null;
  reference: string;
  amount_cents: number;
  tip_cents: number;
  method: PaymentMethodValue;
  paid_at: Date;
  notes: string | null;
  reason: string | null;
  voided_at: Date | null;
  voided_by: number | null;
  voided_by_name: string | null;
  void_reason: string | null;
  created_by: number;
  created_by_name: string;
  created_at: Date;
  /** The client payment across documents this record is one part of, if any. */
  client_payment_id: number | null;
}

export interface Sums {
  /** Payments net of their tips. */
  paid: number;
  refunded: number;
  tips: number;
}

export interface NewPayment {
  kind: 'payment' | 'refund';
  clientId: number;
  target: TargetRef;
  amountCents: number;
  tipCents: number;
  method: PaymentMethodValue;
  paidAt: Date;
  notes: string | null;
  reason: string | null;
  createdBy: number;
  at: Date;
  /** The client payment (several documents at once) this record is one part of. */
  clientPaymentId?: number | undefined;
}

export interface PaymentFilters {
  clientId?: number | undefined;
  method?: PaymentMethodValue[] | undefined;
  serviceLine?: ServiceLineValue | undefined;
  kind?: 'payment' | 'refund' | undefined;
  voided?: boolean | undefined;
  /** Instants bounding paid_at: [from, to). */
  fromInstant?: Date | undefined;
  toInstant?: Date | undefined;
  laundryOrderId?: number | undefined;
  cleaningJobId?: number | undefined;
}

export const PAYMENT_COLUMNS = `p.id, p.kind, p.client_id, c.name AS client_name, p.laundry_order_id, p.cleaning_job_id,
  COALESCE(lo.order_number, 'CLN-' || p.cleaning_job_id) AS reference, p.amount_cents, p.tip_cents, p.method, p.paid_at,
  p.notes, p.reason, p.voided_at, p.voided_by, vu.name AS voided_by_name, p.void_reason, p.created_by,
  cu.name AS created_by_name, p.created_at, p.client_payment_id`;

export const PAYMENT_FROM = `payments p JOIN clients c ON c.id = p.client_id JOIN users cu ON cu.id = p.created_by
  LEFT JOIN users vu ON vu.id = p.voided_by LEFT JOIN laundry_orders lo ON lo.id = p.laundry_order_id`;

export const PAYMENT_SORTS = {
  paidAt: { sql: 'p.paid_at', type: 'timestamp' },
  createdAt: { sql: 'p.created_at', type: 'timestamp' },
  amount: { sql: 'p.amount_cents', type: 'number' },
} satisfies Record<string, SortColumn>;

/** WHERE conditions of the payment list, shared by the list, its totals and the CSV export. */
export function paymentConditions(f: PaymentFilters, p: SqlParams): string[] {
  const where: string[] = [];
  if (f.clientId) where.push(`p.client_id = ${p.add(f.clientId)}`);
  if (f.method?.length) where.push(`p.method = ANY(${p.add(f.method)}::text[])`);
  if (f.serviceLine) where.push(`p.${targetColumn(f.serviceLine)} IS NOT NULL`);
  if (f.kind) where.push(`p.kind = ${p.add(f.kind)}`);
  if (f.voided !== undefined) where.push(f.voided ? 'p.voided_at IS NOT NULL' : 'p.voided_at IS NULL');
  if (f.fromInstant) where.push(`p.paid_at >= ${p.add(f.fromInstant)}`);
  if (f.toInstant) where.push(`p.paid_at < ${p.add(f.toInstant)}`);
  if (f.laundryOrderId) where.push(`p.laundry_order_id = ${p.add(f.laundryOrderId)}`);
  if (f.cleaningJobId) where.push(`p.cleaning_job_id = ${p.add(f.cleaningJobId)}`);
  return where;
}

/**
 * The columns of the target row of `findTarget`, read from the document row aliased `alias` (an alias
 * unusual enough not to shadow an outer query's own, or the outer query's alias when the row is already there).
 */
function targetFields(line: ServiceLineValue, alias: string): string {
  return line === 'laundry'
    ? `${alias}.id, ${alias}.client_id, ${alias}.status, ${alias}.total_cents, ${alias}.priced_at IS NOT NULL AS priced,
       NULL::int AS estimated_minutes, NULL::int AS hourly_rate_cents, NULL::int AS worker_count`
    : `${alias}.id, ${alias}.client_id, ${alias}.status, ${alias}.total_cents, ${alias}.total_cents IS NOT NULL AS priced,
       ${alias}.estimated_minutes, ${alias}.hourly_rate_cents,
       (SELECT count(*)::int FROM cleaning_job_workers tw WHERE tw.job_id = ${alias}.id) AS worker_count`;
}

/** The target row of `findTarget`, for the document whose id is the SQL expression `id`. */
function targetSelect(line: ServiceLineValue, id: string): string {
  const [table, alias] = line === 'laundry' ? ['laundry_orders', 'tl'] : ['cleaning_jobs', 'tj'];
  return `SELECT ${targetFields(line, alias)} FROM ${table} ${alias} WHERE ${alias}.id = ${id}`;
}

/** Timestamp fields of a payment row, revived from JSON. */
export const PAYMENT_DATES = ['paid_at', 'voided_at', 'created_at'] as const;

/** The columns `summaryColumns` adds to a document's own read. */
export interface SummaryColumns {
  pay_target: unknown;
  pay_history: unknown;
  pay_receipt: { id: number; receiptNumber: string } | null;
}

/**
 * What the payments block of a detail needs — the target row, the payment history (JSON aggregated)
 * and the receipt — as select-list columns for the document's own statement, where `alias` is that
 * statement's alias of the order or job row (e.g. `o`): the detail reads its payments without a round trip
 * of its own, and the target fields come from the row the statement has already read.
 */
export function summaryColumns(line: ServiceLineValue, alias: string): string {
  const column = targetColumn(line);
  const id = `${alias}.id`;
  return `(SELECT row_to_json(t) FROM (SELECT ${targetFields(line, alias)}) t) AS pay_target,
    (SELECT COALESCE(json_agg(x ORDER BY x.paid_at, x.id), '[]'::json)
       FROM (SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.${column} = ${id}) x) AS pay_history,
    (SELECT json_build_object('id', r.id, 'receiptNumber', r.receipt_number) FROM receipts r WHERE r.${column} = ${id}) AS pay_receipt`;
}

export function createPaymentsRepository(db: Queryable) {
  return {
    /**
     * The order or job with what its balance needs. With `lock`, the row stays locked for the rest of the
     * transaction: two payments on the same target queue here, so the second sees the first in its
     * balance check.
     */
    async findTarget(q: Queryable, t: TargetRef, lock: boolean): Promise<TargetRow | undefined> {
      const sql = `${targetSelect(t.line, '$1')} ${lock ? `FOR UPDATE OF ${t.line === 'laundry' ? 'tl' : 'tj'}` : ''}`;
      const { rows } = await q.query<TargetRow>(sql, [t.id]);
      return rows[0];
    },

    async sums(q: Queryable, t: TargetRef): Promise<Sums> {
      const { rows } = await q.query<Sums>(
        `SELECT COALESCE(sum(amount_cents - tip_cents) FILTER (WHERE kind = 'payment'), 0)::int AS paid,
                COALESCE(sum(amount_cents) FILTER (WHERE kind = 'refund'), 0)::int AS refunded,
                COALESCE(sum(tip_cents), 0)::int AS tips
           FROM payments WHERE ${targetColumn(t.line)} = $1 AND voided_at IS NULL`,
        [t.id],
      );
      return rows[0]!;
    },

    async insert(tx: Queryable, n: NewPayment): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO payments (kind, client_id, ${targetColumn(n.target.line)}, amount_cents, tip_cents, method, paid_at, notes, reason,
            created_by, created_at, client_payment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [n.kind, n.clientId, n.target.id, n.amountCents, n.tipCents, n.method, n.paidAt, n.notes, n.reason, n.createdBy, n.at, n.clientPaymentId ?? null],
      );
      return rows[0]!.id;
    },

    async find(q: Queryable, id: number, forUpdate = false): Promise<PaymentRow | undefined> {
      const { rows } = await q.query<PaymentRow>(
        `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.id = $1 ${forUpdate ? 'FOR UPDATE OF p' : ''}`,
        [id],
      );
      return rows[0];
    },

    async history(q: Queryable, t: TargetRef): Promise<PaymentRow[]> {
      const { rows } = await q.query<PaymentRow>(
        `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.${targetColumn(t.line)} = $1 ORDER BY p.paid_at, p.id`,
        [t.id],
      );
      return rows;
    },

    async voidPayment(tx: Queryable, id: number, by: number, reason: string, at: Date): Promise<void> {
      await tx.query(`UPDATE payments SET voided_at = $2, voided_by = $3, void_reason = $4 WHERE id = $1`, [id, at, by, reason]);
    },

    async list(f: PaymentFilters, page: PageInput): Promise<Page<PaymentRow>> {
      const p = sqlParams();
      const where = paymentConditions(f, p);
      return fetchPage<PaymentRow, keyof typeof PAYMENT_SORTS>(db, { columns: PAYMENT_COLUMNS, from: PAYMENT_FROM, where, params: p, sorts: PAYMENT_SORTS, id: 'p.id' }, page);
    },

    /** Totals of the filtered list, voided records left out (they never moved money). */
    async totals(f: PaymentFilters) {
      const p = sqlParams();
      const where = [...paymentConditions({ ...f, voided: false }, p), 'TRUE'];
      const { rows } = await db.query<{ method: PaymentMethodValue; n: number; payments: number; refunds: number; tips: number }>(
        `SELECT p.method, count(*)::int AS n,
                COALESCE(sum(p.amount_cents) FILTER (WHERE p.kind = 'payment'), 0)::int AS payments,
                COALESCE(sum(p.amount_cents) FILTER (WHERE p.kind = 'refund'), 0)::int AS refunds,
                COALESCE(sum(p.tip_cents), 0)::int AS tips
           FROM payments p WHERE ${where.join(' AND ')} GROUP BY p.method ORDER BY p.method`,
        p.values,
      );
      return rows;
    },

    async ofClient(q: Queryable, clientId: number): Promise<PaymentRow[]> {
      const { rows } = await q.query<PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.client_id = $1 ORDER BY p.paid_at, p.id`, [clientId]);
      return rows;
    },

    /** GDPR: notes are free text that may name people; the amounts stay for the books. */
    async anonymiseClient(tx: Queryable, clientId: number): Promise<void> {
      await tx.query(`UPDATE payments SET notes = NULL WHERE client_id = $1`, [clientId]);
      await tx.query(`UPDATE client_payments SET notes = NULL WHERE client_id = $1`, [clientId]);
    },
  };
}

export type PaymentsRepository = ReturnType<typeof createPaymentsRepository>;
