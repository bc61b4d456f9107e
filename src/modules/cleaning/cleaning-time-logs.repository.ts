import type { Queryable } from '../../db/pool.js';
import { LOG_COLUMNS, LOG_FROM, type TimeLogRow, type WorkerLogState } from './cleaning-rows.js';

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

/** The time workers log on site: starts, ends, corrections and the seconds pricing reads. */
export const cleaningTimeLogsRepository = {
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

  async logsOfJobs(q: Queryable, jobIds: number[]): Promise<TimeLogRow[]> {
    const { rows } = await q.query<TimeLogRow>(`SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE l.job_id = ANY($1::bigint[]) ORDER BY l.started_at, l.id`, [jobIds]);
    return rows;
  },
};
