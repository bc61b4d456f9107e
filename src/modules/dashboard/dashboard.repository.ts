import type { Queryable } from '../../db/pool.js';
import type { ServiceLineValue } from '../../contracts/payments.js';
import { LAUNDRY_ACCRUAL } from '../reports/reports.repository.js';

/** Read-only queries of the home dashboard. Revenue and cash come from the reports module. */

export interface CountsRow {
  active_clients: number;
  received: number;
  in_progress: number;
  ready: number;
  jobs_today: number;
  jobs_week: number;
}

export interface UnpaidRow {
  line: ServiceLineValue;
  id: number;
  reference: string;
  client_id: number;
  client_name: string;
  accrued_at: Date;
  total: number;
  paid: number;
  balance: number;
}

export interface OutstandingRow {
  documents: number;
  balance_total: number;
}

export interface ActivityRow {
  at: Date;
  action: string;
  entity: string;
  entity_id: string | null;
  actor_type: 'user' | 'client' | 'system' | 'anonymous';
}

export interface JobRow {
  id: number;
  job_type: 'airbnb' | 'house';
  status: 'scheduled' | 'in_progress' | 'completed' | 'cancelled';
  scheduled_date: string;
  scheduled_time: string;
  estimated_minutes: number;
  property_id: number;
  property_name: string;
  address_line1: string;
  city: string;
}

export interface OpenOrderRow {
  id: number;
  order_number: string;
  status: 'received' | 'in_progress' | 'ready';
  expected_ready_date: string | null;
}

/**
 * Accrued documents still owing, from the balance kept on each document (migrations kept_balances and
 * owing_balance): the very predicates of the partial indexes laundry_orders_owing_idx and
 * cleaning_jobs_owing_idx, so both read only the few documents that owe.
 */
const LAUNDRY_OWING = `o.status IN ('collected', 'delivered') AND o.balance_cents > 0`;
const CLEANING_OWING = `j.status = 'completed' AND j.balance_cents > 0`;

const JOB_COLUMNS = `j.id, j.job_type, j.status, j.scheduled_date::text AS scheduled_date, to_char(j.scheduled_time, 'HH24:MI') AS scheduled_time,
  j.estimated_minutes, p.id AS property_id, p.name AS property_name, p.address_line1, p.city`;

export function createDashboardRepository() {
  return {
    async counts(q: Queryable, today: string, week: { from: string; to: string }): Promise<CountsRow> {
      const { rows } = await q.query<CountsRow>(
        `SELECT (SELECT count(*) FROM clients WHERE is_active)::int AS active_clients,
                count(*) FILTER (WHERE o.status = 'received')::int AS received,
                count(*) FILTER (WHERE o.status = 'in_progress')::int AS in_progress,
                count(*) FILTER (WHERE o.status = 'ready')::int AS ready,
                (SELECT count(*) FROM cleaning_jobs WHERE status <> 'cancelled' AND scheduled_date = $1)::int AS jobs_today,
                (SELECT count(*) FROM cleaning_jobs WHERE status <> 'cancelled' AND scheduled_date BETWEEN $2 AND $3)::int AS jobs_week
           FROM laundry_orders o WHERE o.status IN ('received', 'in_progress', 'ready')`,
        [today, week.from, week.to],
      );
      return rows[0]!;
    },

    async laundryQueue(q: Queryable): Promise<Pick<CountsRow, 'received' | 'in_progress' | 'ready'>> {
      const { rows } = await q.query<Pick<CountsRow, 'received' | 'in_progress' | 'ready'>>(
        `SELECT count(*) FILTER (WHERE status = 'received')::int AS received, count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
                count(*) FILTER (WHERE status = 'ready')::int AS ready
           FROM laundry_orders WHERE status IN ('received', 'in_progress', 'ready')`,
      );
      return rows[0]!;
    },

    /** How many accrued documents are not fully paid, and what they owe in all. */
    async outstanding(q: Queryable): Promise<OutstandingRow> {
      const { rows } = await q.query<OutstandingRow>(
        `SELECT count(*)::int AS documents, COALESCE(sum(b.balance_cents), 0)::bigint AS balance_total
           FROM (SELECT o.balance_cents FROM laundry_orders o WHERE ${LAUNDRY_OWING}
                 UNION ALL
                 SELECT j.balance_cents FROM cleaning_jobs j WHERE ${CLEANING_OWING}) b`,
      );
      return rows[0]!;
    },

    /**
     * The oldest work already done (accrued) that is not fully paid. A deposit on a job not completed yet
     * is not a debt, so only accrued documents count. Each side is an ordered read of its partial index.
     */
    async oldestUnpaid(q: Queryable, limit: number): Promise<UnpaidRow[]> {
      const { rows } = await q.query<UnpaidRow>(
        `SELECT u.line, u.id, u.reference, u.client_id, c.name AS client_name, u.accrued_at, u.total::int, (u.total - u.balance)::int AS paid, u.balance::int
           FROM ((SELECT 'laundry' AS line, o.id, o.order_number AS reference, o.client_id, ${LAUNDRY_ACCRUAL} AS accrued_at, o.total_cents AS total,
                         o.balance_cents AS balance
                    FROM laundry_orders o WHERE ${LAUNDRY_OWING} ORDER BY ${LAUNDRY_ACCRUAL}, o.id LIMIT $1)
                 UNION ALL
                 (SELECT 'cleaning', j.id, 'CLN-' || j.id, j.client_id, j.completed_at, j.total_cents, j.balance_cents
                    FROM cleaning_jobs j WHERE ${CLEANING_OWING} ORDER BY j.completed_at, j.id LIMIT $1)) u
           JOIN clients c ON c.id = u.client_id
          ORDER BY u.accrued_at, u.line, u.id LIMIT $1`,
        [limit],
      );
      return rows;
    },

    /** The latest audit entries, without values, IP or actor: reads of protected data are left out. */
    async activity(q: Queryable, limit: number): Promise<ActivityRow[]> {
      const { rows } = await q.query<ActivityRow>(
        `SELECT at, action, entity, entity_id, actor_type FROM audit_log WHERE action NOT LIKE 'view%' ORDER BY at DESC, id DESC LIMIT $1`,
        [limit],
      );
      return rows;
    },

    async workerJobsOn(q: Queryable, workerId: number, date: string): Promise<JobRow[]> {
      const { rows } = await q.query<JobRow>(
        `SELECT ${JOB_COLUMNS} FROM cleaning_jobs j JOIN cleaning_job_workers w ON w.job_id = j.id AND w.worker_id = $1
           JOIN properties p ON p.id = j.property_id
          WHERE j.scheduled_date = $2 AND j.status <> 'cancelled' ORDER BY j.scheduled_start_at, j.id`,
        [workerId, date],
      );
      return rows;
    },

    async workerJobsAfter(q: Queryable, workerId: number, date: string, limit: number): Promise<JobRow[]> {
      const { rows } = await q.query<JobRow>(
        `SELECT ${JOB_COLUMNS} FROM cleaning_jobs j JOIN cleaning_job_workers w ON w.job_id = j.id AND w.worker_id = $1
           JOIN properties p ON p.id = j.property_id
          WHERE j.scheduled_date > $2 AND j.status = 'scheduled' ORDER BY j.scheduled_start_at, j.id LIMIT $3`,
        [workerId, date, limit],
      );
      return rows;
    },

    async clientOpenOrders(q: Queryable, clientId: number): Promise<OpenOrderRow[]> {
      const { rows } = await q.query<OpenOrderRow>(
        `SELECT id, order_number, status, expected_ready_date::text AS expected_ready_date FROM laundry_orders
          WHERE client_id = $1 AND status IN ('received', 'in_progress', 'ready') ORDER BY created_at, id`,
        [clientId],
      );
      return rows;
    },

    async clientJobsFrom(q: Queryable, clientId: number, date: string, limit: number): Promise<JobRow[]> {
      const { rows } = await q.query<JobRow>(
        `SELECT ${JOB_COLUMNS} FROM cleaning_jobs j JOIN properties p ON p.id = j.property_id
          WHERE j.client_id = $1 AND j.scheduled_date >= $2 AND j.status IN ('scheduled', 'in_progress')
          ORDER BY j.scheduled_start_at, j.id LIMIT $3`,
        [clientId, date, limit],
      );
      return rows;
    },

    async unreadNotifications(q: Queryable, clientId: number): Promise<number> {
      const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE client_id = $1 AND read_at IS NULL`, [clientId]);
      return rows[0]!.n;
    },
  };
}

export type DashboardRepository = ReturnType<typeof createDashboardRepository>;
