import type { Queryable } from '../../db/pool.js';
import type { DocumentPaymentStatusValue } from '../../contracts/accounts.js';
import { cleaningPaymentStatusSql } from '../receivables/document-payment-status.js';
import type { CleaningStatus } from './cleaning-status.js';
import type { Frequency } from './cleaning-schedule.js';
import { userName } from '../../db/user-name.js';

// The rows a cleaning job is read as and the SQL that reads them, shared by the job, time-log and
// series repositories.

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
export const LIST_COLUMNS = `j.id, j.client_id, c.name AS client_name, c.phone AS client_phone, c.email AS client_email, c.billing AS client_billing,
  (SELECT max(r.sent_at) FROM document_reminders r WHERE r.line = 'cleaning' AND r.document_id = j.id) AS reminded_at,
  j.property_id, p.name AS property_name, p.address_line1 AS property_address_line1, p.address_line2 AS property_address_line2,
  p.city AS property_city, p.postal_code AS property_postal_code, p.district AS property_district,
  j.job_type, j.status, j.scheduled_date, to_char(j.scheduled_time, 'HH24:MI') AS scheduled_time, j.scheduled_start_at,
  j.scheduled_end_at, j.estimated_minutes, j.hourly_rate_cents, j.client_price, j.special_instructions, j.internal_notes, j.series_id,
  j.series_index, s.frequency AS series_frequency, s.interval_count AS series_interval, s.until_date AS series_until,
  (s.ended_at IS NOT NULL) AS series_ended, j.started_at, j.completed_at, j.cancelled_at, j.cancel_reason,
  j.billing_increment_minutes, j.vat_rate_bp, j.labour_minutes, j.labour_seconds, j.billable_minutes, j.subtotal_cents, j.vat_cents,
  j.total_cents, j.priced_at, j.back_to_back, j.deadline_at, j.version, j.created_at, j.updated_at, j.request_id,
  COALESCE((SELECT json_agg(json_build_object('id', w.worker_id, 'name', ${userName('w.worker_id')}, 'position', w.position) ORDER BY w.position)
              FROM cleaning_job_workers w WHERE w.job_id = j.id), '[]'::json) AS workers,
  (SELECT count(*) FROM cleaning_time_logs l WHERE l.job_id = j.id AND l.ended_at IS NULL)::int AS open_logs,
  ${cleaningPaymentStatusSql('j')} AS payment_status`;

export const JOB_COLUMNS = `${LIST_COLUMNS}, p.access_instructions_enc`;

export const JOB_JOINS = `JOIN clients c ON c.id = j.client_id JOIN properties p ON p.id = j.property_id
  LEFT JOIN cleaning_job_series s ON s.id = j.series_id`;
export const JOB_FROM = `cleaning_jobs j ${JOB_JOINS}`;

export const LOG_COLUMNS = `l.id, l.job_id, l.worker_id, ${userName('l.worker_id')} AS worker_name, l.started_at, l.start_received_at,
  l.start_occurred_at, l.start_latitude, l.start_longitude, l.start_note, l.started_by, ${userName('l.started_by')} AS started_by_name,
  l.ended_at, l.end_received_at, l.end_occurred_at, l.end_latitude, l.end_longitude, l.end_note, l.ended_by,
  ${userName('l.ended_by')} AS ended_by_name, l.duration_minutes, l.duration_seconds, l.flagged_for_review, l.corrected_at, l.corrected_by,
  ${userName('l.corrected_by')} AS corrected_by_name, l.correction_reason`;

/** Timestamp fields of a time log row (revived when the logs come JSON-aggregated in a detail). */
export const LOG_DATES = ['started_at', 'start_received_at', 'start_occurred_at', 'ended_at', 'end_received_at', 'end_occurred_at', 'corrected_at'] as const;

export const HISTORY_COLUMNS = `h.id, h.from_status, h.to_status, h.changed_by, ${userName('h.changed_by')} AS changed_by_name, h.note, h.changed_at`;
export const HISTORY_FROM = `cleaning_job_status_history h`;

export const LOG_FROM = `cleaning_time_logs l`;

export async function jobsWhere(q: Queryable, condition: string, values: unknown[], order = 'j.scheduled_start_at, j.id'): Promise<JobRow[]> {
  const { rows } = await q.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM ${JOB_FROM} WHERE ${condition} ORDER BY ${order}`, values);
  return rows;
}
