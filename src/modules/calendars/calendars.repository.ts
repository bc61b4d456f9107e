import type { Queryable } from '../../db/pool.js';

export interface TurnoverRuleRow {
  property_id: number;
  clean_time: string;
  estimated_minutes: number;
  check_in_time: string;
  worker_ids: number[];
  checklist_template_id: number | null;
  version: number;
}

export interface CalendarRow {
  id: number;
  property_id: number;
  label: string;
  url_enc: string;
  url_host: string;
  source: 'airbnb' | 'booking' | 'vrbo' | 'other';
  include_blocked: boolean;
  is_active: boolean;
  etag: string | null;
  last_modified: string | null;
  last_attempt_at: Date | null;
  last_success_at: Date | null;
  last_error_code: string | null;
  last_error_at: Date | null;
  failing_since: Date | null;
  consecutive_failures: number;
  failure_alerted_at: Date | null;
  next_sync_at: Date;
  last_event_count: number | null;
  last_skipped_count: number | null;
  created_at: Date;
  version: number;
}

export interface ReservationRow {
  id: number;
  calendar_id: number;
  calendar_label: string;
  property_id: number;
  uid: string;
  source: CalendarRow['source'];
  check_in: string;
  check_out: string;
  check_in_at: Date | null;
  status: 'confirmed' | 'cancelled';
  job_id: number | null;
  job_status: string | null;
  job_start_at: Date | null;
  job_back_to_back: boolean | null;
  job_deadline_at: Date | null;
}

export interface PropertyOwnerRow {
  id: number;
  client_id: number;
  name: string;
  city: string;
  is_active: boolean;
}

const CALENDAR_COLUMNS = `c.id, c.property_id, c.label, c.url_enc, c.url_host, c.source, c.include_blocked, c.is_active, c.etag, c.last_modified,
  c.last_attempt_at, c.last_success_at, c.last_error_code, c.last_error_at, c.failing_since, c.consecutive_failures, c.failure_alerted_at,
  c.next_sync_at, c.last_event_count, c.last_skipped_count, c.created_at, c.version`;

const RESERVATION_COLUMNS = `r.id, r.calendar_id, c.label AS calendar_label, r.property_id, r.uid, r.source, to_char(r.check_in, 'YYYY-MM-DD') AS check_in,
  to_char(r.check_out, 'YYYY-MM-DD') AS check_out, r.check_in_at, r.status, r.job_id, j.status AS job_status, j.scheduled_start_at AS job_start_at,
  j.back_to_back AS job_back_to_back, j.deadline_at AS job_deadline_at`;
const RESERVATION_FROM = `reservations r JOIN property_calendars c ON c.id = r.calendar_id LEFT JOIN cleaning_jobs j ON j.id = r.job_id`;

export interface NewCalendar {
  propertyId: number;
  label: string;
  urlEnc: string;
  urlHost: string;
  source: CalendarRow['source'];
  includeBlocked: boolean;
  createdBy: number | null;
  at: Date;
  nextSyncAt: Date;
}

export interface SyncOutcome {
  at: Date;
  nextSyncAt: Date;
  etag?: string | null;
  lastModified?: string | null;
  eventCount?: number;
  skippedCount?: number;
}

export function createCalendarsRepository() {
  return {
    async property(q: Queryable, id: number): Promise<PropertyOwnerRow | undefined> {
      const { rows } = await q.query<PropertyOwnerRow>(`SELECT id, client_id, name, city, is_active FROM properties WHERE id = $1`, [id]);
      return rows[0];
    },

    async rule(q: Queryable, propertyId: number): Promise<TurnoverRuleRow | undefined> {
      const { rows } = await q.query<TurnoverRuleRow>(
        `SELECT property_id, to_char(clean_time, 'HH24:MI') AS clean_time, estimated_minutes, to_char(check_in_time, 'HH24:MI') AS check_in_time,
                worker_ids::int8[] AS worker_ids, checklist_template_id, version
           FROM property_turnover_rules WHERE property_id = $1`,
        [propertyId],
      );
      return rows[0];
    },

    /** Writes the rule when it is still at `version` (0: never saved); false when someone changed it first. */
    async saveRule(tx: Queryable, propertyId: number, r: { cleanTime: string; estimatedMinutes: number; checkInTime: string; workerIds: number[]; checklistTemplateId: number | null }, version: number, at: Date): Promise<boolean> {
      const { rowCount } = await tx.query(
        version === 0
          ? `INSERT INTO property_turnover_rules (property_id, clean_time, estimated_minutes, check_in_time, worker_ids, updated_at, checklist_template_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (property_id) DO NOTHING`
          : `UPDATE property_turnover_rules SET clean_time = $2, estimated_minutes = $3, check_in_time = $4, worker_ids = $5, updated_at = $6,
                    checklist_template_id = $7, version = version + 1
              WHERE property_id = $1 AND version = $8`,
        [propertyId, r.cleanTime, r.estimatedMinutes, r.checkInTime, r.workerIds, at, r.checklistTemplateId, ...(version === 0 ? [] : [version])],
      );
      return (rowCount ?? 0) > 0;
    },

    /** A template that may be chosen as a property's default (exists and is switched on). */
    async templateExists(q: Queryable, id: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM checklist_templates WHERE id = $1 AND is_active`, [id]);
      return (rowCount ?? 0) > 0;
    },

    async activeWorkerIds(q: Queryable, ids: number[]): Promise<number[]> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM users WHERE id = ANY($1::bigint[]) AND role = 'worker' AND is_active`, [ids]);
      return rows.map((r) => r.id);
    },

    async calendars(q: Queryable, propertyId: number): Promise<CalendarRow[]> {
      const { rows } = await q.query<CalendarRow>(`SELECT ${CALENDAR_COLUMNS} FROM property_calendars c WHERE c.property_id = $1 ORDER BY c.id`, [propertyId]);
      return rows;
    },

    async calendar(q: Queryable, id: number, forUpdate = false): Promise<CalendarRow | undefined> {
      const { rows } = await q.query<CalendarRow>(`SELECT ${CALENDAR_COLUMNS} FROM property_calendars c WHERE c.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
      return rows[0];
    },

    async insertCalendar(tx: Queryable, c: NewCalendar): Promise<CalendarRow> {
      const { rows } = await tx.query<CalendarRow>(
        `INSERT INTO property_calendars AS c (property_id, label, url_enc, url_host, source, include_blocked, next_sync_at, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${CALENDAR_COLUMNS}`,
        [c.propertyId, c.label, c.urlEnc, c.urlHost, c.source, c.includeBlocked, c.nextSyncAt, c.createdBy, c.at],
      );
      return rows[0]!;
    },

    async updateCalendar(tx: Queryable, id: number, version: number, f: { label?: string; includeBlocked?: boolean; isActive?: boolean }, at: Date): Promise<CalendarRow | undefined> {
      const { rows } = await tx.query<CalendarRow>(
        `UPDATE property_calendars AS c SET label = COALESCE($3, c.label), include_blocked = COALESCE($4, c.include_blocked),
                is_active = COALESCE($5, c.is_active), updated_at = $6, version = c.version + 1,
                -- A changed blocked-dates choice must be read again, not answered with 304.
                etag = CASE WHEN $4::boolean IS NULL THEN c.etag END, last_modified = CASE WHEN $4::boolean IS NULL THEN c.last_modified END
          WHERE c.id = $1 AND c.version = $2 RETURNING ${CALENDAR_COLUMNS}`,
        [id, version, f.label ?? null, f.includeBlocked ?? null, f.isActive ?? null, at],
      );
      return rows[0];
    },

    async deleteCalendar(tx: Queryable, id: number): Promise<void> {
      await tx.query(`DELETE FROM property_calendars WHERE id = $1`, [id]);
    },

    /** Claims calendars due for a sync (pushing their next sync out, so a second tick does not take them too). */
    async claimDue(tx: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<number[]> {
      const { rows } = await tx.query<{ id: number }>(
        `UPDATE property_calendars SET next_sync_at = $2
          WHERE id IN (SELECT id FROM property_calendars WHERE is_active AND next_sync_at <= $1 ORDER BY next_sync_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [now, leaseUntil, limit],
      );
      return rows.map((r) => r.id);
    },

    async recordSuccess(tx: Queryable, id: number, o: SyncOutcome): Promise<void> {
      await tx.query(
        `UPDATE property_calendars SET last_attempt_at = $2, last_success_at = $2, next_sync_at = $3,
                etag = CASE WHEN $4::boolean THEN $5 ELSE etag END, last_modified = CASE WHEN $4::boolean THEN $6 ELSE last_modified END,
                last_event_count = COALESCE($7, last_event_count), last_skipped_count = COALESCE($8, last_skipped_count),
                last_error_code = NULL, last_error_at = NULL, failing_since = NULL, consecutive_failures = 0, failure_alerted_at = NULL
          WHERE id = $1`,
        [id, o.at, o.nextSyncAt, o.etag !== undefined, o.etag ?? null, o.lastModified ?? null, o.eventCount ?? null, o.skippedCount ?? null],
      );
    },

    async recordFailure(tx: Queryable, id: number, code: string, at: Date, nextSyncAt: Date): Promise<CalendarRow> {
      const { rows } = await tx.query<CalendarRow>(
        `UPDATE property_calendars AS c SET last_attempt_at = $3, last_error_code = $2, last_error_at = $3, failing_since = COALESCE(c.failing_since, $3),
                consecutive_failures = c.consecutive_failures + 1, next_sync_at = $4
          WHERE c.id = $1 RETURNING ${CALENDAR_COLUMNS}`,
        [id, code, at, nextSyncAt],
      );
      return rows[0]!;
    },

    async markAlerted(tx: Queryable, id: number, at: Date): Promise<void> {
      await tx.query(`UPDATE property_calendars SET failure_alerted_at = $2 WHERE id = $1`, [id, at]);
    },

    async reservationsOfCalendar(q: Queryable, calendarId: number): Promise<ReservationRow[]> {
      const { rows } = await q.query<ReservationRow>(`SELECT ${RESERVATION_COLUMNS} FROM ${RESERVATION_FROM} WHERE r.calendar_id = $1 ORDER BY r.check_in, r.id`, [calendarId]);
      return rows;
    },

    async reservationsOfProperty(q: Queryable, propertyId: number, from: string | null): Promise<ReservationRow[]> {
      const { rows } = await q.query<ReservationRow>(
        `SELECT ${RESERVATION_COLUMNS} FROM ${RESERVATION_FROM} WHERE r.property_id = $1 AND ($2::date IS NULL OR r.check_out >= $2::date)
          ORDER BY r.check_in, r.id LIMIT 500`,
        [propertyId, from],
      );
      return rows;
    },

    async insertReservation(
      tx: Queryable,
      r: { calendarId: number; propertyId: number; uid: string; source: string; checkIn: string; checkOut: string; checkInAt: Date | null; at: Date },
    ): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO reservations (calendar_id, property_id, uid, source, check_in, check_out, check_in_at, first_seen_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
        [r.calendarId, r.propertyId, r.uid, r.source, r.checkIn, r.checkOut, r.checkInAt, r.at],
      );
      return rows[0]!.id;
    },

    async updateReservation(tx: Queryable, id: number, r: { checkIn: string; checkOut: string; checkInAt: Date | null; status: 'confirmed' | 'cancelled'; at: Date }): Promise<void> {
      await tx.query(
        `UPDATE reservations SET check_in = $2, check_out = $3, check_in_at = $4, status = $5, last_seen_at = $6,
                cancelled_at = CASE WHEN $5 = 'cancelled' THEN COALESCE(cancelled_at, $6) END
          WHERE id = $1`,
        [id, r.checkIn, r.checkOut, r.checkInAt, r.status, r.at],
      );
    },

    async linkJob(tx: Queryable, reservationId: number, jobId: number | null): Promise<void> {
      await tx.query(`UPDATE reservations SET job_id = $2 WHERE id = $1`, [reservationId, jobId]);
    },

    async staffIds(q: Queryable): Promise<number[]> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM users WHERE role IN ('master', 'admin') AND is_active ORDER BY id`);
      return rows.map((r) => r.id);
    },
  };
}

export type CalendarsRepository = ReturnType<typeof createCalendarsRepository>;
