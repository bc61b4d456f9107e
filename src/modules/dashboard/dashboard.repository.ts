import type { Queryable } from '../../db/pool.js';
import { SUBJECT_COLUMNS, SUBJECT_JOINS, type SubjectRow } from '../audit/audit.repository.js';

/** Read-only queries of the home dashboard. Revenue and cash come from the reports module, what is owed from receivables. */

export interface CountsRow {
  active_clients: number;
  received: number;
  in_progress: number;
  ready: number;
  jobs_today: number;
  jobs_week: number;
}

export interface ActivityRow extends SubjectRow {
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

    /** The latest audit entries, without values, IP or actor, with what each is about: reads of protected data are left out. */
    async activity(q: Queryable, limit: number): Promise<ActivityRow[]> {
      const { rows } = await q.query<ActivityRow>(
        `SELECT a.at, a.action, a.entity, a.entity_id, a.actor_type, ${SUBJECT_COLUMNS}
           FROM (SELECT * FROM audit_log WHERE action NOT LIKE 'view%' ORDER BY at DESC, id DESC LIMIT $1) a ${SUBJECT_JOINS}
          ORDER BY a.at DESC, a.id DESC`,
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
