import type { Queryable } from '../../db/pool.js';
import { jsonRow, jsonRows } from '../../lib/json-rows.js';
import { containsPattern, fetchPage, oneOf, sqlParams, type Page, type PageInput, type SortColumn } from '../../lib/paging.js';
import type { DocumentPaymentStatusValue } from '../../contracts/accounts.js';
import { cleaningPaymentStatusSql } from '../receivables/document-payment-status.js';
import type { CleaningStatus } from './cleaning-status.js';
import {
  HISTORY_COLUMNS,
  HISTORY_FROM,
  JOB_COLUMNS,
  JOB_FROM,
  JOB_JOINS,
  LIST_COLUMNS,
  LOG_COLUMNS,
  LOG_DATES,
  LOG_FROM,
  jobsWhere,
  type HistoryRow,
  type JobDetailRow,
  type JobListRow,
  type JobRow,
  type OverlapRow,
  type TimeLogRow,
} from './cleaning-rows.js';

/** The schedule and template of a job (or of a series' occurrences). */
export interface JobFields {
  propertyId: number;
  jobType: 'airbnb' | 'house';
  scheduledDate: string;
  scheduledTime: string;
  scheduledStartAt: Date;
  scheduledEndAt: Date;
  estimatedMinutes: number;
  hourlyRateCents: number;
  /** The hourly rate is the client's own (issue 19 §7). */
  clientPrice?: boolean;
  specialInstructions: string | null;
  internalNotes: string | null;
}

export interface NewJob extends JobFields {
  clientId: number;
  seriesId: number | null;
  seriesIndex: number | null;
  createdBy: number | null;
  at: Date;
  /** The client request the job was made from (issue 23). */
  requestId?: number | null;
}

export interface PriceSnapshot {
  billingIncrementMinutes: number;
  vatRateBasisPoints: number;
  labourSeconds: number;
  labourMinutes: number;
  billableMinutes: number;
  subtotalCents: number;
  vatCents: number;
  totalCents: number;
}

export interface JobFilters {
  status?: CleaningStatus[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  workerId?: number | undefined;
  clientId?: number | undefined;
  propertyId?: number | undefined;
  jobType?: 'airbnb' | 'house' | undefined;
  seriesId?: number | undefined;
  q?: string | undefined;
  paymentStatus?: DocumentPaymentStatusValue[] | undefined;
}

/**
 * The whole list, or a status filter alone, is answered from the kept per-status counts
 * (migration job_status_counts) instead of counting up to the cap on every page.
 */
function keptJobTotal(filters: JobFilters, scope: { workerId?: number; clientId?: number }): { sql: string; values: unknown[] } | undefined {
  const { status, ...others } = filters;
  if (scope.workerId || scope.clientId) return undefined;
  if (Object.values(others).some((v) => v !== undefined && v !== null && v !== '')) return undefined;
  return status?.length
    ? { sql: `SELECT COALESCE(sum(jobs), 0)::bigint AS n FROM cleaning_job_status_counts WHERE status = ANY($1::text[])`, values: [status] }
    : { sql: `SELECT COALESCE(sum(jobs), 0)::bigint AS n FROM cleaning_job_status_counts`, values: [] };
}

export const JOB_SORTS = {
  scheduledAt: { sql: 'j.scheduled_start_at', type: 'timestamp' },
  createdAt: { sql: 'j.created_at', type: 'timestamp' },
  updatedAt: { sql: 'j.updated_at', type: 'timestamp' },
} satisfies Record<string, SortColumn>;
export type JobSortKey = keyof typeof JOB_SORTS;

/** Column of each editable job field. */
const FIELD_COLUMNS: Record<keyof JobFields, string> = {
  propertyId: 'property_id',
  jobType: 'job_type',
  scheduledDate: 'scheduled_date',
  scheduledTime: 'scheduled_time',
  scheduledStartAt: 'scheduled_start_at',
  scheduledEndAt: 'scheduled_end_at',
  estimatedMinutes: 'estimated_minutes',
  hourlyRateCents: 'hourly_rate_cents',
  clientPrice: 'client_price',
  specialInstructions: 'special_instructions',
  internalNotes: 'internal_notes',
};

/** Scheduling and reading cleaning jobs: the job, its workers, status, price, lists and who may see it. */
export function createCleaningJobsRepository(db: Queryable) {
  return {
    async findJob(q: Queryable, id: number, forUpdate = false): Promise<JobRow | undefined> {
      if (forUpdate) await q.query(`SELECT 1 FROM cleaning_jobs WHERE id = $1 FOR UPDATE`, [id]);
      return (await jobsWhere(q, 'j.id = $1', [id]))[0];
    },

    /**
     * A job with its time logs, status history and photo counts in one statement (JSON aggregates), with
     * — for a worker — whether they are assigned and their open log on any job, plus the caller's
     * `extraColumns` about the same job (the payments block, written against `j.id`): the detail is one
     * round trip instead of one per part.
     */
    async findJobDetail<Extra extends object = object>(
      q: Queryable,
      id: number,
      opts: { workerId?: number | undefined; extraColumns?: string | undefined } = {},
    ): Promise<JobDetailRow<Extra> | undefined> {
      const { rows } = await q.query<JobDetailRow<Extra> & { time_logs: unknown; history: unknown; worker_open_log: unknown }>(
        `SELECT ${JOB_COLUMNS},
           (SELECT COALESCE(json_agg(x ORDER BY x.started_at, x.id), '[]'::json)
              FROM (SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE l.job_id = j.id) x) AS time_logs,
           (SELECT COALESCE(json_agg(x ORDER BY x.changed_at, x.id), '[]'::json)
              FROM (SELECT ${HISTORY_COLUMNS} FROM ${HISTORY_FROM} WHERE h.job_id = j.id) x) AS history,
           (SELECT json_build_object('before', count(*) FILTER (WHERE ph.photo_type = 'before'),
                     'after', count(*) FILTER (WHERE ph.photo_type = 'after'), 'detail', count(*) FILTER (WHERE ph.photo_type = 'detail'))
              FROM cleaning_job_photos ph WHERE ph.job_id = j.id) AS photo_counts,
           EXISTS (SELECT 1 FROM cleaning_job_workers aw WHERE aw.job_id = j.id AND aw.worker_id = $2) AS worker_assigned,
           (SELECT row_to_json(x) FROM (SELECT ol.id, ol.job_id, ol.started_at FROM cleaning_time_logs ol
                                          WHERE ol.worker_id = $2 AND ol.ended_at IS NULL LIMIT 1) x) AS worker_open_log
           ${opts.extraColumns ? `, ${opts.extraColumns}` : ''}
         FROM ${JOB_FROM} WHERE j.id = $1`,
        [id, opts.workerId ?? null],
        { prepare: true },
      );
      const row = rows[0];
      if (!row) return undefined;
      row.time_logs = jsonRows<TimeLogRow>(row.time_logs, LOG_DATES);
      row.history = jsonRows<HistoryRow>(row.history, ['changed_at']);
      row.worker_open_log = jsonRow<{ id: number; job_id: number; started_at: Date }>(row.worker_open_log, ['started_at']);
      return row;
    },

    jobsByIds: (q: Queryable, ids: number[]) => jobsWhere(q, 'j.id = ANY($1::bigint[])', [ids]),

    async isAssigned(q: Queryable, jobId: number, workerId: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM cleaning_job_workers WHERE job_id = $1 AND worker_id = $2`, [jobId, workerId]);
      return (rowCount ?? 0) > 0;
    },

    async insertJob(tx: Queryable, j: NewJob): Promise<number | null> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO cleaning_jobs (client_id, property_id, job_type, scheduled_date, scheduled_time, scheduled_start_at, scheduled_end_at,
           estimated_minutes, hourly_rate_cents, special_instructions, internal_notes, series_id, series_index, created_by, created_at, updated_at,
           client_price, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17)
         ON CONFLICT (series_id, series_index) WHERE series_id IS NOT NULL DO NOTHING
         RETURNING id`,
        [
          j.clientId,
          j.propertyId,
          j.jobType,
          j.scheduledDate,
          j.scheduledTime,
          j.scheduledStartAt,
          j.scheduledEndAt,
          j.estimatedMinutes,
          j.hourlyRateCents,
          j.specialInstructions,
          j.internalNotes,
          j.seriesId,
          j.seriesIndex,
          j.createdBy,
          j.at,
          j.clientPrice ?? false,
          j.requestId ?? null,
        ],
      );
      return rows[0]?.id ?? null;
    },

    /** Replaces the ordered worker list (position 1 = primary), keeping the first assignment time of those who stay. */
    async setWorkers(tx: Queryable, jobId: number, workerIds: number[], at: Date): Promise<void> {
      const { rows } = await tx.query<{ worker_id: number; assigned_at: Date }>(
        `DELETE FROM cleaning_job_workers WHERE job_id = $1 RETURNING worker_id, assigned_at`,
        [jobId],
      );
      const since = new Map(rows.map((r) => [r.worker_id, r.assigned_at]));
      const p = sqlParams([jobId]);
      const tuples = workerIds.map((w, i) => `($1, ${p.add(w)}, ${p.add(i + 1)}, ${p.add(since.get(w) ?? at)})`);
      await tx.query(`INSERT INTO cleaning_job_workers (job_id, worker_id, position, assigned_at) VALUES ${tuples.join(', ')}`, p.values);
    },

    async updateJob(tx: Queryable, id: number, fields: Partial<JobFields>, at: Date): Promise<void> {
      const p = sqlParams([id, at]);
      const sets = ['updated_at = $2', 'version = version + 1'];
      for (const [field, value] of Object.entries(fields)) {
        if (value !== undefined) sets.push(`${FIELD_COLUMNS[field as keyof JobFields]} = ${p.add(value)}`);
      }
      await tx.query(`UPDATE cleaning_jobs SET ${sets.join(', ')} WHERE id = $1`, p.values);
    },

    async setStatus(
      tx: Queryable,
      id: number,
      status: CleaningStatus,
      stamps: Partial<Record<'started_at' | 'completed_at' | 'cancelled_at', Date>>,
      cancelReason: string | null | undefined,
      at: Date,
    ): Promise<void> {
      const p = sqlParams([id, status, at]);
      const sets = ['status = $2', 'updated_at = $3', 'version = version + 1'];
      for (const [column, value] of Object.entries(stamps)) sets.push(`${column} = ${p.add(value)}`);
      if (cancelReason !== undefined) sets.push(`cancel_reason = ${p.add(cancelReason)}`);
      await tx.query(`UPDATE cleaning_jobs SET ${sets.join(', ')} WHERE id = $1`, p.values);
    },

    async setPrice(tx: Queryable, id: number, hourlyRateCents: number, price: PriceSnapshot, at: Date): Promise<void> {
      await tx.query(
        `UPDATE cleaning_jobs SET hourly_rate_cents = $2, billing_increment_minutes = $3, vat_rate_bp = $4, labour_minutes = $5,
            billable_minutes = $6, subtotal_cents = $7, vat_cents = $8, total_cents = $9, priced_at = $10, updated_at = $10,
            labour_seconds = $11, version = version + 1
          WHERE id = $1`,
        [id, hourlyRateCents, price.billingIncrementMinutes, price.vatRateBasisPoints, price.labourMinutes, price.billableMinutes, price.subtotalCents, price.vatCents, price.totalCents, at, price.labourSeconds],
      );
    },

    async history(q: Queryable, jobId: number): Promise<HistoryRow[]> {
      const { rows } = await q.query<HistoryRow>(
        `SELECT ${HISTORY_COLUMNS} FROM ${HISTORY_FROM} WHERE h.job_id = $1 ORDER BY h.changed_at, h.id`,
        [jobId],
      );
      return rows;
    },

    async addHistory(tx: Queryable, h: { jobIds: number[]; from: CleaningStatus | null; to: CleaningStatus; by: number | null; note: string | null; at: Date }): Promise<void> {
      if (h.jobIds.length === 0) return;
      await tx.query(
        `INSERT INTO cleaning_job_status_history (job_id, from_status, to_status, changed_by, note, changed_at)
         SELECT unnest($1::bigint[]), $2, $3, $4, $5, $6`,
        [h.jobIds, h.from, h.to, h.by, h.note, h.at],
      );
    },

    /** One page of jobs; `extraColumn` is a select-list expression the caller reads from every row (`view_settings`). */
    async listJobs(filters: JobFilters, scope: { workerId?: number; clientId?: number }, page: PageInput, extraColumn?: string): Promise<Page<JobListRow & { view_settings?: unknown }>> {
      const params = sqlParams();
      const where: string[] = [];
      if (scope.workerId) where.push(`EXISTS (SELECT 1 FROM cleaning_job_workers sw WHERE sw.job_id = j.id AND sw.worker_id = ${params.add(scope.workerId)})`);
      if (scope.clientId) where.push(`j.client_id = ${params.add(scope.clientId)}`);
      if (filters.status?.length) where.push(oneOf('j.status', filters.status, params));
      if (filters.from) where.push(`j.scheduled_date >= ${params.add(filters.from)}::date`);
      if (filters.to) where.push(`j.scheduled_date <= ${params.add(filters.to)}::date`);
      if (filters.workerId) where.push(`EXISTS (SELECT 1 FROM cleaning_job_workers fw WHERE fw.job_id = j.id AND fw.worker_id = ${params.add(filters.workerId)})`);
      if (filters.clientId) where.push(`j.client_id = ${params.add(filters.clientId)}`);
      if (filters.propertyId) where.push(`j.property_id = ${params.add(filters.propertyId)}`);
      if (filters.jobType) where.push(`j.job_type = ${params.add(filters.jobType)}`);
      if (filters.seriesId) where.push(`j.series_id = ${params.add(filters.seriesId)}`);
      if (filters.paymentStatus?.length) where.push(oneOf(cleaningPaymentStatusSql('j'), filters.paymentStatus, params));
      if (filters.q) {
        // Client name, property name or address contains the text: the matching clients and properties are
        // found first (arrays, so the planner sees short lists), and the filter never needs the joins.
        const pattern = params.add(containsPattern(filters.q));
        where.push(
          `(j.client_id = ANY (ARRAY(SELECT id FROM clients WHERE name ILIKE ${pattern}))
            OR j.property_id = ANY (ARRAY(SELECT id FROM properties WHERE name ILIKE ${pattern} OR address_line1 ILIKE ${pattern})))`,
        );
      }
      // The page is picked from cleaning_jobs alone and the client, property and series joined to its rows
      // only; workers and open logs are sub-selects of the same statement, run for those rows; the count
      // (when one is needed) reads cleaning_jobs alone, or the kept per-status counts.
      return fetchPage<JobListRow & { view_settings?: unknown }, JobSortKey>(
        db,
        {
          columns: extraColumn ? `${LIST_COLUMNS}, ${extraColumn}` : LIST_COLUMNS,
          from: JOB_FROM,
          countFrom: 'cleaning_jobs j',
          lateJoins: JOB_JOINS,
          where,
          params,
          sorts: JOB_SORTS,
          id: 'j.id',
          keptTotal: keptJobTotal(filters, scope),
        },
        page,
      );
    },

    /** A worker's day: their jobs on that Lisbon date, plus any job where they are still clocked in. */
    workerDay: (q: Queryable, workerId: number, day: string) =>
      jobsWhere(
        q,
        `(j.scheduled_date = $2 AND j.status <> 'cancelled' AND EXISTS (SELECT 1 FROM cleaning_job_workers w WHERE w.job_id = j.id AND w.worker_id = $1))
          OR EXISTS (SELECT 1 FROM cleaning_time_logs l WHERE l.job_id = j.id AND l.worker_id = $1 AND l.ended_at IS NULL)`,
        [workerId, day],
        // Back-to-back turnovers first: the next guests arrive the same day.
        'j.back_to_back DESC, j.scheduled_start_at, j.id',
      ),

    /** The job's photos per type, for its detail (the photos module owns the table; this only counts). */
    async photoCounts(q: Queryable, jobId: number): Promise<{ before: number; after: number; detail: number }> {
      const { rows } = await q.query<{ before: number; after: number; detail: number }>(
        `SELECT count(*) FILTER (WHERE photo_type = 'before')::int AS before, count(*) FILTER (WHERE photo_type = 'after')::int AS after,
                count(*) FILTER (WHERE photo_type = 'detail')::int AS detail
           FROM cleaning_job_photos WHERE job_id = $1`,
        [jobId],
      );
      return rows[0]!;
    },

    async activeWorkers(q: Queryable, ids: number[]): Promise<Array<{ id: number; name: string }>> {
      const { rows } = await q.query<{ id: number; name: string }>(`SELECT id, name FROM users WHERE id = ANY($1::bigint[]) AND role = 'worker' AND is_active`, [ids]);
      return rows;
    },

    async client(q: Queryable, id: number): Promise<{ id: number; is_active: boolean; anonymized: boolean } | undefined> {
      const { rows } = await q.query<{ id: number; is_active: boolean; anonymized: boolean }>(
        `SELECT id, is_active, anonymized_at IS NOT NULL AS anonymized FROM clients WHERE id = $1`,
        [id],
      );
      return rows[0];
    },

    async property(q: Queryable, id: number): Promise<{ id: number; client_id: number; is_active: boolean; name: string; city: string } | undefined> {
      const { rows } = await q.query<{ id: number; client_id: number; is_active: boolean; name: string; city: string }>(
        `SELECT id, client_id, is_active, name, city FROM properties WHERE id = $1`,
        [id],
      );
      return rows[0];
    },

    /** Other open jobs of the same workers whose estimated windows overlap these jobs' windows. */
    async overlaps(q: Queryable, jobIds: number[]): Promise<OverlapRow[]> {
      const { rows } = await q.query<OverlapRow>(
        `SELECT a.job_id, a.worker_id, u.name AS worker_name, j2.id AS conflicting_job_id,
                j2.scheduled_start_at AS conflicting_start_at, j2.scheduled_end_at AS conflicting_end_at
           FROM cleaning_job_workers a
           JOIN cleaning_jobs j1 ON j1.id = a.job_id
           JOIN cleaning_job_workers b ON b.worker_id = a.worker_id AND b.job_id <> a.job_id
           JOIN cleaning_jobs j2 ON j2.id = b.job_id
           JOIN users u ON u.id = a.worker_id
          WHERE a.job_id = ANY($1::bigint[]) AND j1.status IN ('scheduled', 'in_progress') AND j2.status IN ('scheduled', 'in_progress')
            AND j2.scheduled_start_at < j1.scheduled_end_at AND j2.scheduled_end_at > j1.scheduled_start_at
          ORDER BY j1.scheduled_start_at, a.position, j2.scheduled_start_at
          LIMIT 50`,
        [jobIds],
      );
      return rows;
    },

    // --- Worker access ------------------------------------------------------------------------------

    async workerOnClient(q: Queryable, workerId: number, clientId: number): Promise<boolean> {
      const { rowCount } = await q.query(
        `SELECT 1 FROM cleaning_jobs j JOIN cleaning_job_workers w ON w.job_id = j.id
          WHERE w.worker_id = $1 AND j.client_id = $2 AND j.status <> 'cancelled' LIMIT 1`,
        [workerId, clientId],
      );
      return (rowCount ?? 0) > 0;
    },

    async workerOnProperty(q: Queryable, workerId: number, propertyId: number): Promise<boolean> {
      const { rowCount } = await q.query(
        `SELECT 1 FROM cleaning_jobs j JOIN cleaning_job_workers w ON w.job_id = j.id
          WHERE w.worker_id = $1 AND j.property_id = $2 AND j.status <> 'cancelled' LIMIT 1`,
        [workerId, propertyId],
      );
      return (rowCount ?? 0) > 0;
    },

    /** A job of this worker at this property whose access window is open now (from `lead` before the start until completion). */
    async openAccessJob(q: Queryable, workerId: number, propertyId: number, now: Date, leadHours: number): Promise<number | null> {
      const { rows } = await q.query<{ id: number }>(
        `SELECT j.id FROM cleaning_jobs j JOIN cleaning_job_workers w ON w.job_id = j.id
          WHERE w.worker_id = $1 AND j.property_id = $2 AND j.status IN ('scheduled', 'in_progress')
            AND j.scheduled_start_at - make_interval(hours => $4) <= $3
          ORDER BY j.scheduled_start_at LIMIT 1`,
        [workerId, propertyId, now, leadHours],
      );
      return rows[0]?.id ?? null;
    },

    // --- GDPR ---------------------------------------------------------------------------------------

    jobsOfClient: (q: Queryable, clientId: number) => jobsWhere(q, 'j.client_id = $1', [clientId], 'j.created_at, j.id'),

    /** Free text may hold personal data and GPS points locate the client's home; times, statuses and money stay for the books. */
    async anonymiseClientJobs(tx: Queryable, clientId: number): Promise<void> {
      await tx.query(`UPDATE cleaning_jobs SET special_instructions = NULL, internal_notes = NULL, cancel_reason = NULL WHERE client_id = $1`, [clientId]);
      await tx.query(`UPDATE cleaning_job_series SET special_instructions = NULL, internal_notes = NULL WHERE client_id = $1`, [clientId]);
      await tx.query(
        `UPDATE cleaning_time_logs l SET start_latitude = NULL, start_longitude = NULL, end_latitude = NULL, end_longitude = NULL,
            start_note = NULL, end_note = NULL, correction_reason = CASE WHEN l.correction_reason IS NULL THEN NULL ELSE '-' END
           FROM cleaning_jobs j WHERE j.id = l.job_id AND j.client_id = $1`,
        [clientId],
      );
      await tx.query(
        `UPDATE cleaning_job_status_history h SET note = NULL FROM cleaning_jobs j WHERE j.id = h.job_id AND j.client_id = $1`,
        [clientId],
      );
    },
  };
}
