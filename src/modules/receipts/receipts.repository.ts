import type { Queryable } from '../../db/pool.js';
import { fetchPage, sqlParams, type Page, type PageInput, type SortColumn } from '../../lib/paging.js';
import type { ReceiptSnapshotDto } from '../../contracts/receipts.js';
import type { TargetRef } from '../payments/payments.repository.js';

export interface ReceiptRow {
  id: number;
  receipt_number: string;
  month: string;
  client_id: number;
  client_name: string;
  laundry_order_id: number | null;
  cleaning_job_id: number | null;
  locale: 'pt' | 'en';
  total_cents: number;
  balance_cents: number;
  snapshot: ReceiptSnapshotDto;
  pdf_sha256: string;
  issued_by: number;
  issued_at: Date;
}

export interface LaundryDocRow {
  id: number;
  order_number: string;
  client_id: number;
  status: string;
  priced: boolean;
  line_count: number;
  delivery_requested: boolean;
  delivery_fee_cents: number;
  additional_charges_cents: number;
  discount_cents: number;
  vat_rate_bp: number;
  subtotal_cents: number;
  vat_cents: number;
  total_cents: number;
  accrued_at: Date | null;
}

export interface LaundryDocLine {
  service_name: string;
  service_name_en: string;
  pricing_unit: 'per_kg' | 'per_item';
  weight_grams: number | null;
  quantity: number | null;
  item_type: string | null;
  unit_price_cents: number;
  total_cents: number;
}

export interface CleaningDocRow {
  id: number;
  client_id: number;
  status: string;
  job_type: 'airbnb' | 'house';
  hourly_rate_cents: number;
  billable_minutes: number | null;
  vat_rate_bp: number | null;
  subtotal_cents: number | null;
  vat_cents: number | null;
  total_cents: number | null;
  completed_at: Date | null;
  property_address: string | null;
}

export interface ClientDocRow {
  name: string;
  company_name: string | null;
  is_enterprise: boolean;
  nif: string | null;
  locale: 'pt' | 'en';
  address: string | null;
}

export interface ReceiptFilters {
  clientId?: number | undefined;
  laundryOrderId?: number | undefined;
  cleaningJobId?: number | undefined;
  fromInstant?: Date | undefined;
  toInstant?: Date | undefined;
}

const COLUMNS = `r.id, r.receipt_number, r.month, r.client_id, c.name AS client_name, r.laundry_order_id, r.cleaning_job_id, r.locale,
  r.total_cents, r.balance_cents, r.snapshot, r.pdf_sha256, r.issued_by, r.issued_at`;
const FROM = `receipts r JOIN clients c ON c.id = r.client_id`;
const SORTS = { issuedAt: { sql: 'r.issued_at', type: 'timestamp' }, receiptNumber: { sql: 'r.receipt_number', type: 'text' } } satisfies Record<string, SortColumn>;

const ADDRESS = `concat_ws(', ', p.address_line1, p.address_line2, p.postal_code || ' ' || p.city)`;

export function createReceiptsRepository(db: Queryable) {
  return {
    /** Locks the order for the issue: two issues of one order queue here and the second finds the first. */
    async laundryOrder(tx: Queryable, id: number): Promise<LaundryDocRow | undefined> {
      const { rows } = await tx.query<LaundryDocRow>(
        `SELECT o.id, o.order_number, o.client_id, o.status, o.priced_at IS NOT NULL AS priced,
                (SELECT count(*)::int FROM laundry_order_lines l WHERE l.order_id = o.id) AS line_count,
                o.delivery_requested, o.delivery_fee_cents, o.additional_charges_cents, o.discount_cents, o.vat_rate_bp,
                o.subtotal_cents, o.vat_cents, o.total_cents, COALESCE(o.collected_at, o.delivered_at) AS accrued_at
           FROM laundry_orders o WHERE o.id = $1 FOR UPDATE OF o`,
        [id],
      );
      return rows[0];
    },

    async laundryLines(tx: Queryable, orderId: number): Promise<LaundryDocLine[]> {
      const { rows } = await tx.query<LaundryDocLine>(
        `SELECT service_name, service_name_en, pricing_unit, weight_grams, quantity, item_type, unit_price_cents, total_cents
           FROM laundry_order_lines WHERE order_id = $1 ORDER BY position, id`,
        [orderId],
      );
      return rows;
    },

    async cleaningJob(tx: Queryable, id: number): Promise<CleaningDocRow | undefined> {
      const { rows } = await tx.query<CleaningDocRow>(
        `SELECT j.id, j.client_id, j.status, j.job_type, j.hourly_rate_cents, j.billable_minutes, j.vat_rate_bp, j.subtotal_cents,
                j.vat_cents, j.total_cents, j.completed_at, ${ADDRESS} AS property_address
           FROM cleaning_jobs j JOIN properties p ON p.id = j.property_id WHERE j.id = $1 FOR UPDATE OF j`,
        [id],
      );
      return rows[0];
    },

    /** The client as printed: billing name, NIF, language and the primary property's address. */
    async client(q: Queryable, id: number): Promise<ClientDocRow | undefined> {
      const { rows } = await q.query<ClientDocRow>(
        `SELECT c.name, c.company_name, c.is_enterprise, c.nif, c.locale,
                (SELECT ${ADDRESS} FROM properties p WHERE p.client_id = c.id AND p.is_active ORDER BY p.is_primary DESC, p.id LIMIT 1) AS address
           FROM clients c WHERE c.id = $1`,
        [id],
      );
      return rows[0];
    },

    async forTarget(q: Queryable, t: TargetRef): Promise<ReceiptRow | undefined> {
      const column = t.line === 'laundry' ? 'laundry_order_id' : 'cleaning_job_id';
      const { rows } = await q.query<ReceiptRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.${column} = $1`, [t.id]);
      return rows[0];
    },

    /** The next number of a Lisbon month, under the counter row's lock in the caller's transaction. */
    async nextNumber(tx: Queryable, month: string): Promise<number> {
      const { rows } = await tx.query<{ last_number: number }>(
        `INSERT INTO receipt_counters (month, last_number) VALUES ($1, 1)
         ON CONFLICT (month) DO UPDATE SET last_number = receipt_counters.last_number + 1
         RETURNING last_number`,
        [month],
      );
      return rows[0]!.last_number;
    },

    async insert(
      tx: Queryable,
      r: {
        number: string;
        month: string;
        clientId: number;
        target: TargetRef;
        locale: 'pt' | 'en';
        totalCents: number;
        balanceCents: number;
        snapshot: ReceiptSnapshotDto;
        pdf: Buffer;
        sha256: string;
        issuedBy: number;
        at: Date;
      },
    ): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO receipts (receipt_number, month, client_id, ${r.target.line === 'laundry' ? 'laundry_order_id' : 'cleaning_job_id'}, locale,
            total_cents, balance_cents, snapshot, pdf, pdf_sha256, issued_by, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [r.number, r.month, r.clientId, r.target.id, r.locale, r.totalCents, r.balanceCents, JSON.stringify(r.snapshot), r.pdf, r.sha256, r.issuedBy, r.at],
      );
      return rows[0]!.id;
    },

    async find(q: Queryable, id: number): Promise<ReceiptRow | undefined> {
      const { rows } = await q.query<ReceiptRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1`, [id]);
      return rows[0];
    },

    async pdf(q: Queryable, id: number): Promise<{ client_id: number; receipt_number: string; pdf: Buffer } | undefined> {
      const { rows } = await q.query<{ client_id: number; receipt_number: string; pdf: Buffer }>(`SELECT client_id, receipt_number, pdf FROM receipts WHERE id = $1`, [id]);
      return rows[0];
    },

    async list(f: ReceiptFilters, page: PageInput): Promise<Page<ReceiptRow>> {
      const p = sqlParams();
      const where: string[] = [];
      if (f.clientId) where.push(`r.client_id = ${p.add(f.clientId)}`);
      if (f.laundryOrderId) where.push(`r.laundry_order_id = ${p.add(f.laundryOrderId)}`);
      if (f.cleaningJobId) where.push(`r.cleaning_job_id = ${p.add(f.cleaningJobId)}`);
      if (f.fromInstant) where.push(`r.issued_at >= ${p.add(f.fromInstant)}`);
      if (f.toInstant) where.push(`r.issued_at < ${p.add(f.toInstant)}`);
      return fetchPage<ReceiptRow, keyof typeof SORTS>(db, { columns: COLUMNS, from: FROM, where, params: p, sorts: SORTS, id: 'r.id' }, page);
    },

    async ofClient(q: Queryable, clientId: number): Promise<ReceiptRow[]> {
      const { rows } = await q.query<ReceiptRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.client_id = $1 ORDER BY r.issued_at, r.id`, [clientId]);
      return rows;
    },

    async replaceDocument(tx: Queryable, id: number, snapshot: ReceiptSnapshotDto, pdf: Buffer, sha256: string): Promise<void> {
      await tx.query(`UPDATE receipts SET snapshot = $2, pdf = $3, pdf_sha256 = $4 WHERE id = $1`, [id, JSON.stringify(snapshot), pdf, sha256]);
    },
  };
}

export type ReceiptsRepository = ReturnType<typeof createReceiptsRepository>;
