import type { Queryable } from '../../db/pool.js';
import { fetchPage, sqlParams, type Page, type PageInput, type SortColumn, type SqlParams } from '../../lib/paging.js';
import type { ReceivableStageValue } from '../../contracts/receivables.js';
import type { ServiceLineValue } from '../../contracts/payments.js';

/**
 * The one definition of what clients owe (ADR 0014, PRODUCT §9), in one SQL statement: the receivables
 * (unpaid) list reads it page by page, and the summary (the staff dashboard, a client's own balance) reads
 * its per-client sums, kept in step with the documents by migration client_receivables, whose
 * `receivable_balance` states these same cases (tested equal to this statement, client by client).
 *
 * Each row is a document that moves the outstanding, with `balance` the amount it adds:
 * - a laundry order not cancelled (every order is priced when taken): total − paid;
 * - a completed cleaning job: total − paid;
 * - a cleaning job booked or in progress (no price yet) with money kept on it: −(that deposit).
 * "Paid" is what the kept balances hold (migration kept_balances): payments net of tips, less refunds,
 * voided records left out. A negative balance is the client's credit (a deposit or an overpayment).
 * Documents whose balance is zero are left out: they move nothing.
 *
 * The conditions are exactly the predicates of the partial indexes of migration receivables, so the
 * statement reads only the few documents that owe or hold credit, whatever the size of the tables.
 */
function documentsSql(clientFilter: (column: string) => string): string {
  return `
    SELECT 'laundry'::text AS line, o.id, o.order_number AS reference, o.client_id, o.status,
           COALESCE(o.collected_at, o.delivered_at, o.created_at) AS dated_at,
           o.total_cents::bigint AS total, (o.paid_cents - o.refunded_cents)::bigint AS paid, o.balance_cents::bigint AS balance
      FROM laundry_orders o
     WHERE o.status <> 'cancelled' AND o.balance_cents <> 0 ${clientFilter('o.client_id')}
    UNION ALL
    SELECT 'cleaning'::text, j.id, 'CLN-' || j.id, j.client_id, j.status,
           COALESCE(j.completed_at, j.scheduled_start_at),
           j.total_cents::bigint, (j.paid_cents - j.refunded_cents)::bigint, COALESCE(j.balance_cents, j.refunded_cents - j.paid_cents)::bigint
      FROM cleaning_jobs j
     WHERE ((j.status = 'completed' AND j.balance_cents <> 0) OR (j.status IN ('scheduled', 'in_progress') AND j.paid_cents <> j.refunded_cents))
       ${clientFilter('j.client_id')}`;
}

/** Accrued work (PRODUCT §4: revenue on collection, delivery, completion), work in progress, or credit. */
const STAGE = `CASE WHEN d.balance < 0 THEN 'credit' WHEN d.status IN ('collected', 'delivered', 'completed') THEN 'accrued' ELSE 'in_progress' END`;

/** One number per document across both tables, for the list's stable order and its cursor. */
const KEY = `(d.id * 2 + CASE d.line WHEN 'cleaning' THEN 1 ELSE 0 END)`;

export interface ReceivableRow {
  line: ServiceLineValue;
  id: number;
  reference: string;
  client_id: number;
  client_name: string;
  status: string;
  stage: ReceivableStageValue;
  dated_at: Date;
  total: number | null;
  paid: number;
  balance: number;
}

export interface ReceivablesSummaryRow {
  documents: number;
  balance: number;
  accrued: number;
  in_progress: number;
  credit: number;
}

export interface ReceivableFilters {
  clientId?: number | undefined;
  stage?: ReceivableStageValue[] | undefined;
}

export const RECEIVABLE_SORTS = {
  datedAt: { sql: 'd.dated_at', type: 'timestamp' },
  balance: { sql: 'd.balance', type: 'number' },
} satisfies Record<string, SortColumn>;

function documentsFor(clientId: number | undefined, p: SqlParams): string {
  if (clientId === undefined) return documentsSql(() => '');
  const param = p.add(clientId);
  return documentsSql((column) => `AND ${column} = ${param}`);
}

/**
 * The summary computed from the documents, per client: the definition the kept rows of migration
 * client_receivables must always equal (tests/helpers/kept-amounts.ts checks it after random operations).
 * Too slow for a request with a long history of open documents; the summary reads the kept rows instead.
 */
export const SUMMARY_BY_CLIENT_FROM_DOCUMENTS_SQL = `
  SELECT d.client_id,
         count(*) FILTER (WHERE d.balance > 0)::int AS documents,
         COALESCE(sum(d.balance), 0)::bigint AS balance,
         COALESCE(sum(d.balance) FILTER (WHERE d.balance > 0 AND d.status IN ('collected', 'delivered', 'completed')), 0)::bigint AS accrued,
         COALESCE(sum(d.balance) FILTER (WHERE d.balance > 0 AND d.status NOT IN ('collected', 'delivered', 'completed')), 0)::bigint AS in_progress,
         COALESCE(-sum(d.balance) FILTER (WHERE d.balance < 0), 0)::bigint AS credit
    FROM (${documentsSql(() => '')}) d
   GROUP BY d.client_id`;

export function createReceivablesRepository() {
  return {
    /**
     * The outstanding and its parts, over every client or one, from the per-client rows kept in step with
     * the documents (migration client_receivables): one row per client, so the dashboard sums a narrow
     * table of one row per client rather than every open document.
     */
    async summary(q: Queryable, clientId?: number): Promise<ReceivablesSummaryRow> {
      const { rows } = await q.query<ReceivablesSummaryRow>(
        `SELECT COALESCE(sum(documents), 0)::int AS documents, COALESCE(sum(balance_cents), 0)::bigint AS balance,
                COALESCE(sum(accrued_cents), 0)::bigint AS accrued, COALESCE(sum(in_progress_cents), 0)::bigint AS in_progress,
                COALESCE(sum(credit_cents), 0)::bigint AS credit
           FROM client_receivables ${clientId === undefined ? '' : 'WHERE client_id = $1'}`,
        clientId === undefined ? [] : [clientId],
      );
      return rows[0]!;
    },

    /**
     * The oldest accrued documents still owed, for the dashboard: the list's first page filtered to the
     * `accrued` stage and sorted by date, without its count, read from the owing indexes (migration
     * owing_balance, whose predicates are these: accrued and balance > 0 is what that stage holds) so it
     * reads `limit` entries of each table rather than every open document.
     */
    async oldestAccrued(q: Queryable, limit: number): Promise<ReceivableRow[]> {
      const { rows } = await q.query<ReceivableRow>(
        `SELECT d.line, d.id, d.reference, d.client_id, c.name AS client_name, d.status, 'accrued' AS stage, d.dated_at, d.total, d.paid, d.balance
           FROM ((SELECT 'laundry'::text AS line, o.id, o.order_number AS reference, o.client_id, o.status, COALESCE(o.collected_at, o.delivered_at) AS dated_at,
                         o.total_cents::bigint AS total, (o.paid_cents - o.refunded_cents)::bigint AS paid, o.balance_cents::bigint AS balance
                    FROM laundry_orders o
                   WHERE o.status IN ('collected', 'delivered') AND o.balance_cents > 0
                   ORDER BY COALESCE(o.collected_at, o.delivered_at), o.id LIMIT $1)
                 UNION ALL
                 (SELECT 'cleaning'::text, j.id, 'CLN-' || j.id, j.client_id, j.status, j.completed_at,
                         j.total_cents::bigint, (j.paid_cents - j.refunded_cents)::bigint, j.balance_cents::bigint
                    FROM cleaning_jobs j
                   WHERE j.status = 'completed' AND j.balance_cents > 0
                   ORDER BY j.completed_at, j.id LIMIT $1)) d
           JOIN clients c ON c.id = d.client_id
          ORDER BY d.dated_at, ${KEY}
          LIMIT $1`,
        [limit],
      );
      return rows;
    },

    /**
     * One client's documents owed on accrued work (the summary's accruedCents, document by document), with
     * the accrual date: what the account's ageing buckets are counted from (issue 19).
     */
    async accruedOf(q: Queryable, clientId: number): Promise<{ dated_at: Date; balance: number }[]> {
      const p = sqlParams();
      const { rows } = await q.query<{ dated_at: Date; balance: number }>(
        `SELECT d.dated_at, d.balance FROM (${documentsFor(clientId, p)}) d
          WHERE d.balance > 0 AND d.status IN ('collected', 'delivered', 'completed') ORDER BY d.dated_at`,
        p.values,
      );
      return rows;
    },

    /**
     * Every accrued document still owed whose accrual date is before `accruedBefore`, over all clients, for
     * the reminders (issue 19 §6): the list's `accrued` stage by the same statement, not a second definition
     * of what is owed or when it accrued. Read once a day by one worker of the cluster.
     */
    async accruedOwedBefore(q: Queryable, accruedBefore: Date): Promise<ReceivableRow[]> {
      const { rows } = await q.query<ReceivableRow>(
        `SELECT d.line, d.id, d.reference, d.client_id, c.name AS client_name, d.status, d.stage, d.dated_at, d.total, d.paid, d.balance
           FROM (SELECT d.*, ${STAGE} AS stage FROM (${documentsSql(() => '')}) d) d JOIN clients c ON c.id = d.client_id
          WHERE d.stage = 'accrued' AND d.dated_at < $1
          ORDER BY d.dated_at, ${KEY}`,
        [accruedBefore],
      );
      return rows;
    },

    /** The documents behind the summary, one page at a time; their balances add up to it. */
    async list(q: Queryable, f: ReceivableFilters, page: PageInput): Promise<Page<ReceivableRow>> {
      const p = sqlParams();
      const from = `(SELECT d.*, ${STAGE} AS stage, ${KEY} AS key FROM (${documentsFor(f.clientId, p)}) d) d JOIN clients c ON c.id = d.client_id`;
      const where = f.stage?.length ? [`d.stage = ANY(${p.add(f.stage)}::text[])`] : [];
      return fetchPage<ReceivableRow, keyof typeof RECEIVABLE_SORTS>(
        q,
        {
          columns: `d.line, d.id, d.reference, d.client_id, c.name AS client_name, d.status, d.stage, d.dated_at, d.total, d.paid, d.balance`,
          from,
          where,
          params: p,
          sorts: RECEIVABLE_SORTS,
          id: 'd.key',
        },
        page,
      );
    },
  };
}

export type ReceivablesRepository = ReturnType<typeof createReceivablesRepository>;
