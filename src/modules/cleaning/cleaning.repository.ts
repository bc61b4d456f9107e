import type { Queryable } from '../../db/pool.js';
import { jsonRow, jsonRows } from '../../lib/json-rows.js';
import { containsPattern, fetchPage, oneOf, sqlParams, type Page, type PageInput, type SortColumn } from '../../lib/paging.js';
import type { CleaningStatus } from './cleaning-status.js';
import type { Frequency } from './cleaning-schedule.js';
import { cleaningPaymentStatusSql } from '../receivables/document-payment-status.js';
import type { DocumentPaymentStatusValue } from '../../contracts/accounts.js';

export interface JobWorkerRow {
  id: number;
  name: string;
  position: number;
}

export interface JobRow {
  id: number;
  client_id: number;
  client_name: string;
  client_phone: string;
  client_email: string | null;
  client_billing: 'per_document' | 'monthly';
  /** The last payment reminder sent for this job (issue 19 §6). */
  reminded_at: Date | null;
  property_id: number;
  property_name: string;
  property_address_line1: string;
  property_address_line2: string | null;
  property_city: string;
  property_postal_code: string;
  property_district: string;
  access_instructions_enc: string | null;
  job_type: 'airbnb' | 'house';
  status: CleaningStatus;
  scheduled_date: string;
  scheduled_time: string;
  scheduled_start_at: Date;
  scheduled_end_at: Date;
  estimated_minutes: number;
  hourly_rate_cents: number;
  client_price: boolean;
  special_instructions: string | null;
  internal_notes: string | null;
  series_id: number | null;
  series_index: number | null;
  series_frequency: Frequency | null;
  series_interval: number | null;
  series_until: string | null;
  series_ended: boolean | null;
  started_at: Date | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  billing_increment_minutes: number | null;
  vat_rate_bp: number | null;
  labour_minutes: number | null;
  labour_seconds: number | null;
  billable_minutes: number | null;
  subtotal_cents: number | null;
  vat_cents: number | null;
  total_cents: number | null;
  priced_at: Date | null;
  back_to_back: boolean;
  deadline_at: Date | null;
  request_id: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  workers: JobWorkerRow[];
  open_logs: number;
  /** unpaid / partial / paid / not_priced, the account's definition (issue 19). */
  payment_status: DocumentPaymentStatusValue;
}

/** A worker's open log (on whichever job) and the jobs they have logged time on. */
export interface WorkerLogState {
  open: { id: number; job_id: number; started_at: Date } | undefined;
  loggedJobIds: Set<number>;
}

/** A job as a list reads it: without the encrypted access instructions. */
export type JobListRow = Omit<JobRow, 'access_instructions_enc'>;

/** A job read with its detail in one statement (`findJobDetail`), plus the columns the caller added. */
export type JobDetailRow<Extra extends object = object> = JobRow &
  Extra & {
    time_logs: TimeLogRow[];
    history: HistoryRow[];
    photo_counts: { before: number; after: number; detail: number };
    /** Whether the worker asked about is on this job (false when none was). */
    worker_assigned: boolean;
    /** That worker's open log, on whichever job. */
    worker_open_log: { id: number; job_id: number; started_at: Date } | undefined;
  };

export interface TimeLogRow {
  id: number;
  job_id: number;
  worker_id: number;
  worker_name: string;
  started_at: Date;
  start_received_at: Date;
  start_occurred_at: Date | null;
  start_latitude: string | null;
  start_longitude: string | null;
  start_note: string | null;
  started_by: number;
  started_by_name: string;
  ended_at: Date | null;
  end_received_at: Date | null;
  end_occurred_at: Date | null;
  end_latitude: string | null;
  end_longitude: string | null;
  end_note: string | null;
  ended_by: number | null;
  ended_by_name: string | null;
  duration_minutes: number | null;
  duration_seconds: number | null;
  flagged_for_review: boolean;
  corrected_at: Date | null;
  corrected_by: number | null;
  corrected_by_name: string | null;
  correction_reason: string | null;
}

export interface HistoryRow {
  id: number;
  from_status: CleaningStatus | null;
  to_status: CleaningStatus;
  changed_by: number | null;
  changed_by_name: string | null;
  note: string | null;
  changed_at: Date;
}

export interface SeriesRow {
  id: number;
  client_id: number;
  property_id: number;
  frequency: Frequency;
  interval_count: number;
  anchor_date: string;
  day_of_month: number | null;
  until_date: string;
  job_type: 'airbnb' | 'house';
  start_time: string;
  estimated_minutes: number;
  hourly_rate_cents: number;
  client_price: boolean;
  special_instructions: string | null;
  internal_notes: string | null;
  next_index: number;
  next_date: string;
  ended_at: Date | null;
  worker_ids: number[];
}

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

export interface NewSeries {
  clientId: number;
  propertyId: number;
  frequency: Frequency;
  interval: number;
  anchorDate: string;
  dayOfMonth: number | null;
  untilDate: string;
  jobType: 'airbnb' | 'house';
  startTime: string;
  estimatedMinutes: number;
  hourlyRateCents: number;
  clientPrice?: boolean;
  specialInstructions: string | null;
  internalNotes: string | null;
  nextIndex: number;
  nextDate: string;
  createdBy: number | null;
  at: Date;
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

export interface LogEnd {
  endedAt: Date;
  receivedAt: Date;
  occurredAt: Date | null;
  latitude: number | null;
  longitude: number | null;
  note: string | null;
  by: number;
  flagged: boolean;
}

export interface OverlapRow {
  job_id: number;
  worker_id: number;
  worker_name: string;
  conflicting_job_id: number;
  conflicting_start_at: Date;
  conflicting_end_at: Date;
}

/**
 * The columns of a job in a list: everything its views show, but not the encrypted access instructions
 * (a few hundred bytes per row, read only by a detail).
 */
const LIST_COLUMNS = `j.id, j.client_id, c.name AS client_name, c.phone AS client_phone, c.email AS client_email, c.billing AS client_billing,
  (SELECT max(r.sent_at) FROM document_reminders r WHERE r.line = 'cleaning' AND r.document_id = j.id) AS reminded_at,
  j.property_id, p.name AS property_name, p.address_line1 AS property_address_line1, p.address_line2 AS property_address_line2,
  p.city AS property_city, p.postal_code AS property_postal_code, p.district AS property_district,
  j.job_type, j.status, j.scheduled_date, to_char(j.scheduled_time, 'HH24:MI') AS scheduled_time, j.scheduled_start_at,
  j.scheduled_end_at, j.estimated_minutes, j.hourly_rate_cents, j.client_price, j.special_instructions, j.internal_notes, j.series_id,
  j.series_index, s.frequency AS series_frequency, s.interval_count AS series_interval, s.until_date AS series_until,
  (s.ended_at IS NOT NULL) AS series_ended, j.started_at, j.completed_at, j.cancelled_at, j.cancel_reason,
  j.billing_increment_minutes, j.vat_rate_bp, j.labour_minutes, j.labour_seconds, j.billable_minutes, j.subtotal_cents, j.vat_cents,
  j.total_cents, j.priced_at, j.back_to_back, j.deadline_at, j.version, j.created_at, j.updated_at, j.request_id,
  COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'position', w.position) ORDER BY w.position)
              FROM cleaning_job_workers w JOIN users u ON u.id = w.worker_id WHERE w.job_id = j.id), '[]'::json) AS workers,
  (SELECT count(*) FROM cleaning_time_logs l WHERE l.job_id = j.id AND l.ended_at IS NULL)::int AS open_logs,
  ${cleaningPaymentStatusSql('j')} AS payment_status`;

const JOB_COLUMNS = `${LIST_COLUMNS}, p.access_instructions_enc`;

const JOB_JOINS = `JOIN clients c ON c.id = j.client_id JOIN properties p ON p.id = j.property_id
  LEFT JOIN cleaning_job_series s ON s.id = j.series_id`;
const JOB_FROM = `cleaning_jobs j ${JOB_JOINS}`;

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

const LOG_COLUMNS = `l.id, l.job_id, l.worker_id, wu.name AS worker_name, l.started_at, l.start_received_at, l.start_occurred_at,
  l.start_latitude, l.start_longitude, l.start_note, l.started_by, sb.name AS started_by_name, l.ended_at, l.end_received_at,
  l.end_occurred_at, l.end_latitude, l.end_longitude, l.end_note, l.ended_by, eb.name AS ended_by_name, l.duration_minutes, l.duration_seconds,
  l.flagged_for_review, l.corrected_at, l.corrected_by, cb.name AS corrected_by_name, l.correction_reason`;

/** Timestamp fields of a time log row (revived when the logs come JSON-aggregated in a detail). */
const LOG_DATES = ['started_at', 'start_received_at', 'start_occurred_at', 'ended_at', 'end_received_at', 'end_occurred_at', 'corrected_at'] as const;

const HISTORY_COLUMNS = `h.id, h.from_status, h.to_status, h.changed_by, u.name AS changed_by_name, h.note, h.changed_at`;
const HISTORY_FROM = `cleaning_job_status_history h LEFT JOIN users u ON u.id = h.changed_by`;

const LOG_FROM = `cleaning_time_logs l JOIN users wu ON wu.id = l.worker_id JOIN users sb ON sb.id = l.started_by
  LEFT JOIN users eb ON eb.id = l.ended_by LEFT JOIN users cb ON cb.id = l.corrected_by`;

const SERIES_COLUMNS = `s.id, s.client_id, s.property_id, s.frequency, s.interval_count, s.anchor_date, s.day_of_month, s.until_date,
  s.job_type, to_char(s.start_time, 'HH24:MI') AS start_time, s.estimated_minutes, s.hourly_rate_cents, s.client_price, s.special_instructions,
  s.internal_notes, s.next_index, s.next_date, s.ended_at,
  ARRAY(SELECT sw.worker_id FROM cleaning_job_series_workers sw WHERE sw.series_id = s.id ORDER BY sw.position) AS worker_ids`;

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

export function createCleaningRepository(db: Queryable) {
  async function jobsWhere(q: Queryable, condition: string, values: unknown[], order = 'j.scheduled_start_at, j.id'): Promise<JobRow[]> {
    const { rows } = await q.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM ${JOB_FROM} WHERE ${condition} ORDER BY ${order}`, values);
    return rows;
  }

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

    async listJobs(filters: JobFilters, scope: { workerId?: number; clientId?: number }, page: PageInput): Promise<Page<JobListRow>> {
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
      return fetchPage<JobListRow, JobSortKey>(
        db,
        {
          columns: LIST_COLUMNS,
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

    async timeLogs(q: Queryable, jobId: number): Promise<TimeLogRow[]> {
      const { rows } = await q.query<TimeLogRow>(`SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE l.job_id = $1 ORDER BY l.started_at, l.id`, [jobId]);
      return rows;
    },

    async findLog(q: Queryable, jobId: number, logId: number): Promise<TimeLogRow | undefined> {
      const { rows } = await q.query<TimeLogRow>(`SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE l.job_id = $1 AND l.id = $2`, [jobId, logId]);
      return rows[0];
    },

    /**
     * Where a worker stands: their one open log (on whichever job) and which of the given jobs they have
     * logged time on, in one statement — the worker's screens show Start only before their first Start.
     */
    async logStateOf(q: Queryable, workerId: number, jobIds: number[]): Promise<WorkerLogState> {
      const { rows } = await q.query<{ id: number; job_id: number; started_at: Date; open: boolean }>(
        `SELECT id, job_id, started_at, ended_at IS NULL AS open FROM cleaning_time_logs
          WHERE worker_id = $1 AND (ended_at IS NULL OR job_id = ANY($2::bigint[]))`,
        [workerId, jobIds],
      );
      const open = rows.find((r) => r.open);
      return { open: open && { id: open.id, job_id: open.job_id, started_at: open.started_at }, loggedJobIds: new Set(rows.map((r) => r.job_id)) };
    },

    /** The worker's one open log, on whichever job. */
    async openLogOf(q: Queryable, workerId: number): Promise<{ id: number; job_id: number; started_at: Date } | undefined> {
      const { rows } = await q.query<{ id: number; job_id: number; started_at: Date }>(
        `SELECT id, job_id, started_at FROM cleaning_time_logs WHERE worker_id = $1 AND ended_at IS NULL`,
        [workerId],
      );
      return rows[0];
    },

    /** Another log of this worker covering part of [from, to) (an open log covers everything after its start). */
    async overlappingLog(q: Queryable, workerId: number, from: Date, to: Date | null, exceptLogId: number | null): Promise<{ id: number; job_id: number; open: boolean } | undefined> {
      const { rows } = await q.query<{ id: number; job_id: number; open: boolean }>(
        `SELECT id, job_id, ended_at IS NULL AS open FROM cleaning_time_logs
          WHERE worker_id = $1 AND id <> COALESCE($4, 0)
            AND started_at < COALESCE($3, 'infinity'::timestamptz) AND COALESCE(ended_at, 'infinity'::timestamptz) > $2
          ORDER BY ended_at IS NULL DESC
          LIMIT 1`,
        [workerId, from, to, exceptLogId],
      );
      return rows[0];
    },

    async hasLogOnJob(q: Queryable, jobId: number, workerId: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM cleaning_time_logs WHERE job_id = $1 AND worker_id = $2`, [jobId, workerId]);
      return (rowCount ?? 0) > 0;
    },

    async insertLog(
      tx: Queryable,
      l: { jobId: number; workerId: number; startedAt: Date; receivedAt: Date; occurredAt: Date | null; latitude: number | null; longitude: number | null; note: string | null; by: number },
    ): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO cleaning_time_logs (job_id, worker_id, started_at, start_received_at, start_occurred_at, start_latitude, start_longitude, start_note, started_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [l.jobId, l.workerId, l.startedAt, l.receivedAt, l.occurredAt, l.latitude, l.longitude, l.note, l.by],
      );
      return rows[0]!.id;
    },

    async endLog(tx: Queryable, logId: number, e: LogEnd): Promise<void> {
      await tx.query(
        `UPDATE cleaning_time_logs SET ended_at = $2, end_received_at = $3, end_occurred_at = $4, end_latitude = $5, end_longitude = $6,
            end_note = $7, ended_by = $8, flagged_for_review = $9
          WHERE id = $1 AND ended_at IS NULL`,
        [logId, e.endedAt, e.receivedAt, e.occurredAt, e.latitude, e.longitude, e.note, e.by, e.flagged],
      );
    },

    async correctLog(tx: Queryable, logId: number, c: { startedAt: Date; endedAt: Date; flagged: boolean; reason: string; by: number; at: Date; closing: boolean }): Promise<void> {
      await tx.query(
        `UPDATE cleaning_time_logs SET started_at = $2, ended_at = $3, flagged_for_review = $4, correction_reason = $5, corrected_by = $6,
            corrected_at = $7,
            end_received_at = CASE WHEN $8::boolean THEN $7 ELSE end_received_at END,
            ended_by = CASE WHEN $8::boolean THEN $6 ELSE ended_by END
          WHERE id = $1`,
        [logId, c.startedAt, c.endedAt, c.flagged, c.reason, c.by, c.at, c.closing],
      );
    },

    /** Closes every open log of a job (a cancellation) and returns their ids. */
    async closeOpenLogs(tx: Queryable, jobId: number, at: Date, by: number): Promise<number[]> {
      const { rows } = await tx.query<{ id: number }>(
        `UPDATE cleaning_time_logs SET ended_at = greatest(started_at, $2), end_received_at = $2, ended_by = $3
          WHERE job_id = $1 AND ended_at IS NULL RETURNING id`,
        [jobId, at, by],
      );
      return rows.map((r) => r.id);
    },

    /** Each closed time log's exact seconds on a job: pricing sums them and rounds once (PRODUCT §4). */
    async loggedSeconds(q: Queryable, jobId: number): Promise<number[]> {
      const { rows } = await q.query<{ seconds: number }>(
        `SELECT duration_seconds AS seconds FROM cleaning_time_logs WHERE job_id = $1 AND ended_at IS NOT NULL ORDER BY id`,
        [jobId],
      );
      return rows.map((r) => r.seconds);
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

    // --- Series -------------------------------------------------------------------------------------

    async insertSeries(tx: Queryable, s: NewSeries, workerIds: number[]): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO cleaning_job_series (client_id, property_id, frequency, interval_count, anchor_date, day_of_month, until_date, job_type,
           start_time, estimated_minutes, hourly_rate_cents, special_instructions, internal_notes, next_index, next_date, created_by,
           created_at, updated_at, client_price)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, $18) RETURNING id`,
        [
          s.clientId,
          s.propertyId,
          s.frequency,
          s.interval,
          s.anchorDate,
          s.dayOfMonth,
          s.untilDate,
          s.jobType,
          s.startTime,
          s.estimatedMinutes,
          s.hourlyRateCents,
          s.specialInstructions,
          s.internalNotes,
          s.nextIndex,
          s.nextDate,
          s.createdBy,
          s.at,
          s.clientPrice ?? false,
        ],
      );
      const id = rows[0]!.id;
      await this.setSeriesWorkers(tx, id, workerIds);
      return id;
    },

    async setSeriesWorkers(tx: Queryable, seriesId: number, workerIds: number[]): Promise<void> {
      await tx.query(`DELETE FROM cleaning_job_series_workers WHERE series_id = $1`, [seriesId]);
      await tx.query(
        `INSERT INTO cleaning_job_series_workers (series_id, worker_id, position)
         SELECT $1, w, n FROM unnest($2::bigint[]) WITH ORDINALITY AS t (w, n)`,
        [seriesId, workerIds],
      );
    },

    async findSeries(q: Queryable, id: number, forUpdate = false): Promise<SeriesRow | undefined> {
      const { rows } = await q.query<SeriesRow>(`SELECT ${SERIES_COLUMNS} FROM cleaning_job_series s WHERE s.id = $1 ${forUpdate ? 'FOR UPDATE OF s' : ''}`, [id]);
      // pg returns bigint arrays as strings (only scalar int8 has a number parser).
      return rows[0] ? { ...rows[0], worker_ids: rows[0].worker_ids.map(Number) } : undefined;
    },

    async updateSeries(tx: Queryable, id: number, s: Omit<NewSeries, 'clientId' | 'createdBy' | 'at'> & { endedAt: Date | null }, at: Date): Promise<void> {
      await tx.query(
        `UPDATE cleaning_job_series SET property_id = $2, frequency = $3, interval_count = $4, anchor_date = $5, day_of_month = $6,
            until_date = $7, job_type = $8, start_time = $9, estimated_minutes = $10, hourly_rate_cents = $11, special_instructions = $12,
            internal_notes = $13, next_index = $14, next_date = $15, ended_at = $16, updated_at = $17,
            client_price = COALESCE($18, client_price)
          WHERE id = $1`,
        [
          id,
          s.propertyId,
          s.frequency,
          s.interval,
          s.anchorDate,
          s.dayOfMonth,
          s.untilDate,
          s.jobType,
          s.startTime,
          s.estimatedMinutes,
          s.hourlyRateCents,
          s.specialInstructions,
          s.internalNotes,
          s.nextIndex,
          s.nextDate,
          s.endedAt,
          at,
          s.clientPrice ?? null,
        ],
      );
    },

    async advanceSeries(tx: Queryable, id: number, nextIndex: number, nextDate: string, at: Date): Promise<void> {
      await tx.query(`UPDATE cleaning_job_series SET next_index = $2, next_date = $3, updated_at = $4 WHERE id = $1 AND next_index < $2`, [id, nextIndex, nextDate, at]);
    },

    async endSeries(tx: Queryable, id: number, at: Date): Promise<void> {
      await tx.query(`UPDATE cleaning_job_series SET ended_at = $2, updated_at = $2 WHERE id = $1 AND ended_at IS NULL`, [id, at]);
    },

    /** Series with occurrences still to create up to `through`, oldest cursor first. */
    async dueSeries(q: Queryable, through: string): Promise<number[]> {
      const { rows } = await q.query<{ id: number }>(
        `SELECT id FROM cleaning_job_series WHERE ended_at IS NULL AND next_date <= LEAST(until_date, $1::date) ORDER BY next_date, id`,
        [through],
      );
      return rows.map((r) => r.id);
    },

    /** Later occurrences not started yet (this one excluded). */
    laterScheduled: (q: Queryable, seriesId: number, afterIndex: number) =>
      jobsWhere(q, `j.series_id = $1 AND j.series_index > $2 AND j.status = 'scheduled'`, [seriesId, afterIndex], 'j.series_index'),

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

    async logsOfJobs(q: Queryable, jobIds: number[]): Promise<TimeLogRow[]> {
      const { rows } = await q.query<TimeLogRow>(`SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE l.job_id = ANY($1::bigint[]) ORDER BY l.started_at, l.id`, [jobIds]);
      return rows;
    },

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

export type CleaningRepository = ReturnType<typeof createCleaningRepository>;
