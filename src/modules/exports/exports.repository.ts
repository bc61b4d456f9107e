import type { Queryable } from '../../db/pool.js';
import { sqlParams, type SqlParams } from '../../lib/paging.js';
import { PAYMENT_COLUMNS, PAYMENT_FROM, paymentConditions, type PaymentFilters, type PaymentRow } from '../payments/payments.repository.js';

/**
 * The rows of the CSV exports, read in keyset batches by id: each batch is its own short query, so no
 * cursor or transaction stays open while a slow reader drains the response.
 */

export const EXPORT_BATCH_SIZE = 2000;

const lisbon = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM-DD HH24:MI:SS')`;

interface Source {
  columns: string;
  from: string;
  /** The unique, indexed id the batches walk in order. */
  id: string;
  where: string[];
  params: SqlParams;
}

async function* batches<T>(db: Queryable, s: Source, batchSize: number): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const p = sqlParams(s.params.values);
    const where = [...s.where, `${s.id} > ${p.add(after)}`];
    const { rows } = await db.query<T & { _id: number }>(
      `SELECT ${s.columns}, ${s.id} AS "_id" FROM ${s.from} WHERE ${where.join(' AND ')} ORDER BY ${s.id} LIMIT ${batchSize}`,
      p.values,
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!._id;
  }
}

export interface ClientExportRow {
  id: number;
  name: string;
  phone: string;
  email: string | null;
  nif: string | null;
  company_name: string | null;
  is_enterprise: boolean;
  locale: string;
  is_active: boolean;
  created_at: string;
}

export interface OrderExportRow {
  id: number;
  order_number: string;
  order_day: string;
  client_id: number;
  client_name: string;
  order_type: string;
  status: string;
  expected_ready_date: string | null;
  delivery_requested: boolean;
  subtotal_cents: number;
  vat_cents: number;
  total_cents: number;
  paid_cents: number;
  collected_at: string | null;
  delivered_at: string | null;
}

export interface JobExportRow {
  id: number;
  scheduled_date: string;
  scheduled_time: string;
  client_id: number;
  client_name: string;
  property_name: string;
  city: string;
  job_type: string;
  status: string;
  workers: string | null;
  estimated_minutes: number;
  billable_minutes: number | null;
  subtotal_cents: number | null;
  vat_cents: number | null;
  total_cents: number | null;
  paid_cents: number;
  completed_at: string | null;
}

export interface TimeLogExportRow {
  id: number;
  worker_id: number;
  worker_name: string;
  job_id: number;
  scheduled_date: string;
  client_name: string;
  property_name: string;
  started_at: string;
  ended_at: string | null;
  duration_minutes: number | null;
  flagged_for_review: boolean;
  corrected_at: string | null;
}

export type PaymentExportRow = Omit<PaymentRow, 'paid_at' | 'voided_at' | 'created_at'> & { paid_at: string; voided_at: string | null; created_at: string };

/** Kept on a document: payments net of tips, minus refunds (the balances its payments' triggers keep). */
const kept = (alias: string) => `(${alias}.paid_cents - ${alias}.refunded_cents)::int`;

export interface DateBounds {
  from?: string | undefined;
  to?: string | undefined;
}
export interface InstantBounds {
  fromInstant?: Date | undefined;
  toInstant?: Date | undefined;
}

export function createExportsRepository(db: Queryable, batchSize = EXPORT_BATCH_SIZE) {
  return {
    clients(f: { active?: boolean | undefined }) {
      const params = sqlParams();
      const where = ['true'];
      if (f.active !== undefined) where.push(`c.is_active = ${params.add(f.active)}`);
      return batches<ClientExportRow>(
        db,
        {
          columns: `c.id, c.name, c.phone, c.email, c.nif, c.company_name, c.is_enterprise, c.locale, c.is_active, ${lisbon('c.created_at')} AS created_at`,
          from: 'clients c',
          id: 'c.id',
          where,
          params,
        },
        batchSize,
      );
    },

    laundryOrders(f: DateBounds & { status?: string[] | undefined; clientId?: number | undefined }) {
      const params = sqlParams();
      const where = ['true'];
      if (f.status?.length) where.push(`o.status = ANY(${params.add(f.status)}::text[])`);
      if (f.clientId) where.push(`o.client_id = ${params.add(f.clientId)}`);
      if (f.from) where.push(`o.order_day >= ${params.add(f.from)}::date`);
      if (f.to) where.push(`o.order_day <= ${params.add(f.to)}::date`);
      return batches<OrderExportRow>(
        db,
        {
          columns: `o.id, o.order_number, o.order_day::text AS order_day, o.client_id, c.name AS client_name, o.order_type, o.status,
            o.expected_ready_date::text AS expected_ready_date, o.delivery_requested, o.subtotal_cents, o.vat_cents, o.total_cents,
            ${kept('o')} AS paid_cents, ${lisbon('o.collected_at')} AS collected_at, ${lisbon('o.delivered_at')} AS delivered_at`,
          from: 'laundry_orders o JOIN clients c ON c.id = o.client_id',
          id: 'o.id',
          where,
          params,
        },
        batchSize,
      );
    },

    cleaningJobs(f: DateBounds & { status?: string[] | undefined; clientId?: number | undefined; workerId?: number | undefined }) {
      const params = sqlParams();
      const where = ['true'];
      if (f.status?.length) where.push(`j.status = ANY(${params.add(f.status)}::text[])`);
      if (f.clientId) where.push(`j.client_id = ${params.add(f.clientId)}`);
      if (f.workerId) where.push(`EXISTS (SELECT 1 FROM cleaning_job_workers w WHERE w.job_id = j.id AND w.worker_id = ${params.add(f.workerId)})`);
      if (f.from) where.push(`j.scheduled_date >= ${params.add(f.from)}::date`);
      if (f.to) where.push(`j.scheduled_date <= ${params.add(f.to)}::date`);
      return batches<JobExportRow>(
        db,
        {
          columns: `j.id, j.scheduled_date::text AS scheduled_date, to_char(j.scheduled_time, 'HH24:MI') AS scheduled_time, j.client_id,
            c.name AS client_name, pr.name AS property_name, pr.city, j.job_type, j.status,
            (SELECT string_agg(u.name, ', ' ORDER BY w.position) FROM cleaning_job_workers w JOIN users u ON u.id = w.worker_id WHERE w.job_id = j.id) AS workers,
            j.estimated_minutes, j.billable_minutes, j.subtotal_cents, j.vat_cents, j.total_cents, ${kept('j')} AS paid_cents,
            ${lisbon('j.completed_at')} AS completed_at`,
          from: 'cleaning_jobs j JOIN clients c ON c.id = j.client_id JOIN properties pr ON pr.id = j.property_id',
          id: 'j.id',
          where,
          params,
        },
        batchSize,
      );
    },

    /** The payment list's own filters and columns (payments.repository), the timestamps as Lisbon text. */
    payments(f: PaymentFilters) {
      const params = sqlParams();
      const where = ['true', ...paymentConditions(f, params)];
      const columns = PAYMENT_COLUMNS.replace(/p\.paid_at,/, `${lisbon('p.paid_at')} AS paid_at,`)
        .replace(/p\.voided_at,/, `${lisbon('p.voided_at')} AS voided_at,`)
        .replace(/p\.created_at$/, `${lisbon('p.created_at')} AS created_at`);
      return batches<PaymentExportRow>(db, { columns, from: PAYMENT_FROM, id: 'p.id', where, params }, batchSize);
    },

    timesheets(f: InstantBounds & { workerId?: number | undefined }) {
      const params = sqlParams();
      const where = ['true'];
      if (f.workerId) where.push(`l.worker_id = ${params.add(f.workerId)}`);
      if (f.fromInstant) where.push(`l.started_at >= ${params.add(f.fromInstant)}`);
      if (f.toInstant) where.push(`l.started_at < ${params.add(f.toInstant)}`);
      return batches<TimeLogExportRow>(
        db,
        {
          columns: `l.id, l.worker_id, u.name AS worker_name, l.job_id, j.scheduled_date::text AS scheduled_date, c.name AS client_name,
            pr.name AS property_name, ${lisbon('l.started_at')} AS started_at, ${lisbon('l.ended_at')} AS ended_at, l.duration_minutes,
            l.flagged_for_review, ${lisbon('l.corrected_at')} AS corrected_at`,
          from: `cleaning_time_logs l JOIN users u ON u.id = l.worker_id JOIN cleaning_jobs j ON j.id = l.job_id
            JOIN clients c ON c.id = j.client_id JOIN properties pr ON pr.id = j.property_id`,
          id: 'l.id',
          where,
          params,
        },
        batchSize,
      );
    },
  };
}

export type ExportsRepository = ReturnType<typeof createExportsRepository>;
