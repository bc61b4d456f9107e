import type { Queryable } from '../../db/pool.js';
import type { PaymentMethodValue, ServiceLineValue } from '../../contracts/payments.js';
import { fetchPage, sqlParams, type Page, type PageInput, type SortColumn } from '../../lib/paging.js';

/** An order or job a client payment can go against, read under its row lock. */
export interface LockedDocument {
  line: ServiceLineValue;
  id: number;
  client_id: number;
  reference: string;
  status: string;
  /** What it adds to the outstanding (ADR 0014, `receivable_balance`); 0 when it adds nothing. */
  outstanding: number;
  accrued_at: Date | null;
  created_at: Date;
}

export interface AllocationRow {
  payment_id: number;
  laundry_order_id: number | null;
  cleaning_job_id: number | null;
  reference: string;
  amount_cents: number;
  voided: boolean;
}

export interface ClientPaymentRow {
  id: number;
  payment_number: string;
  client_id: number;
  amount_cents: number;
  method: PaymentMethodValue;
  paid_at: Date;
  notes: string | null;
  created_at: Date;
  allocations: AllocationRow[];
}

/**
 * The columns of one document under the one definition of outstanding (`receivable_balance`, migration
 * client_receivables, the same the account and the receivables read).
 */
const LAUNDRY = `SELECT 'laundry'::text AS line, o.id, o.client_id, o.order_number AS reference, o.status,
    COALESCE(receivable_balance('laundry', o.status, o.balance_cents, o.paid_cents, o.refunded_cents), 0)::bigint AS outstanding,
    COALESCE(o.collected_at, o.delivered_at) AS accrued_at, o.created_at
  FROM laundry_orders o`;
const CLEANING = `SELECT 'cleaning'::text AS line, j.id, j.client_id, 'CLN-' || j.id AS reference, j.status,
    COALESCE(receivable_balance('cleaning', j.status, j.balance_cents, j.paid_cents, j.refunded_cents), 0)::bigint AS outstanding,
    j.completed_at AS accrued_at, j.created_at
  FROM cleaning_jobs j`;

const COLUMNS = `cp.id, cp.payment_number, cp.client_id, cp.amount_cents, cp.method, cp.paid_at, cp.notes, cp.created_at,
  (SELECT COALESCE(json_agg(json_build_object(
            'payment_id', p.id, 'laundry_order_id', p.laundry_order_id, 'cleaning_job_id', p.cleaning_job_id,
            'reference', COALESCE(lo.order_number, 'CLN-' || p.cleaning_job_id), 'amount_cents', p.amount_cents,
            'voided', p.voided_at IS NOT NULL) ORDER BY p.id), '[]'::json)
     FROM payments p LEFT JOIN laundry_orders lo ON lo.id = p.laundry_order_id WHERE p.client_payment_id = cp.id) AS allocations`;

const SORTS = {
  paidAt: { sql: 'cp.paid_at', type: 'timestamp' },
  createdAt: { sql: 'cp.created_at', type: 'timestamp' },
} satisfies Record<string, SortColumn>;
export type ClientPaymentSortKey = keyof typeof SORTS;

const asDocument = (r: LockedDocument): LockedDocument => ({ ...r, id: Number(r.id), client_id: Number(r.client_id), outstanding: Number(r.outstanding) });

export function createClientPaymentsRepository(db: Queryable) {
  return {
    async clientExists(q: Queryable, clientId: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM clients WHERE id = $1`, [clientId]);
      return (rowCount ?? 0) > 0;
    },

    /**
     * Locks the named documents, laundry orders then cleaning jobs, each in id order: every client payment
     * takes its locks in this one order, so two of them never deadlock, and a payment of one document
     * (which locks that document alone) waits its turn. The rows read are the latest committed ones.
     */
    async lockDocuments(tx: Queryable, laundryIds: number[], cleaningIds: number[]): Promise<LockedDocument[]> {
      const out: LockedDocument[] = [];
      if (laundryIds.length) {
        const { rows } = await tx.query<LockedDocument>(`${LAUNDRY} WHERE o.id = ANY($1::bigint[]) ORDER BY o.id FOR UPDATE OF o`, [laundryIds]);
        out.push(...rows.map(asDocument));
      }
      if (cleaningIds.length) {
        const { rows } = await tx.query<LockedDocument>(`${CLEANING} WHERE j.id = ANY($1::bigint[]) ORDER BY j.id FOR UPDATE OF j`, [cleaningIds]);
        out.push(...rows.map(asDocument));
      }
      return out;
    },

    /** Locks every document of the client that owes (outstanding > 0), in the same order as `lockDocuments`. */
    async lockOpenDocuments(tx: Queryable, clientId: number): Promise<LockedDocument[]> {
      const laundry = await tx.query<LockedDocument>(
        `${LAUNDRY} WHERE o.client_id = $1 AND o.status <> 'cancelled' AND o.balance_cents > 0
            AND receivable_balance('laundry', o.status, o.balance_cents, o.paid_cents, o.refunded_cents) > 0
          ORDER BY o.id FOR UPDATE OF o`,
        [clientId],
      );
      const cleaning = await tx.query<LockedDocument>(
        `${CLEANING} WHERE j.client_id = $1 AND j.status = 'completed' AND j.balance_cents > 0
            AND receivable_balance('cleaning', j.status, j.balance_cents, j.paid_cents, j.refunded_cents) > 0
          ORDER BY j.id FOR UPDATE OF j`,
        [clientId],
      );
      return [...laundry.rows, ...cleaning.rows].map(asDocument);
    },

    /** The next number of a Lisbon month, under the counter row's lock in the caller's transaction (no gaps). */
    async nextNumber(tx: Queryable, month: string): Promise<number> {
      const { rows } = await tx.query<{ last_number: number }>(
        `INSERT INTO client_payment_counters (month, last_number) VALUES ($1, 1)
         ON CONFLICT (month) DO UPDATE SET last_number = client_payment_counters.last_number + 1
         RETURNING last_number`,
        [month],
      );
      return rows[0]!.last_number;
    },

    async insert(
      tx: Queryable,
      n: { number: string; month: string; clientId: number; amountCents: number; method: PaymentMethodValue; paidAt: Date; notes: string | null; createdBy: number; at: Date },
    ): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO client_payments (payment_number, month, client_id, amount_cents, method, paid_at, notes, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [n.number, n.month, n.clientId, n.amountCents, n.method, n.paidAt, n.notes, n.createdBy, n.at],
      );
      return Number(rows[0]!.id);
    },

    async find(q: Queryable, id: number): Promise<ClientPaymentRow | undefined> {
      const { rows } = await q.query<ClientPaymentRow>(`SELECT ${COLUMNS} FROM client_payments cp WHERE cp.id = $1`, [id]);
      return rows[0];
    },

    async list(clientId: number, page: PageInput): Promise<Page<ClientPaymentRow>> {
      const p = sqlParams();
      const where = [`cp.client_id = ${p.add(clientId)}`];
      return fetchPage<ClientPaymentRow, ClientPaymentSortKey>(db, { columns: COLUMNS, from: 'client_payments cp', where, params: p, sorts: SORTS, id: 'cp.id' }, page);
    },

    async ofClient(q: Queryable, clientId: number): Promise<ClientPaymentRow[]> {
      const { rows } = await q.query<ClientPaymentRow>(`SELECT ${COLUMNS} FROM client_payments cp WHERE cp.client_id = $1 ORDER BY cp.paid_at, cp.id`, [clientId]);
      return rows;
    },
  };
}

export type ClientPaymentsRepository = ReturnType<typeof createClientPaymentsRepository>;
