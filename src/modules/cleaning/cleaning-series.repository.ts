import type { Queryable } from '../../db/pool.js';
import type { Frequency } from './cleaning-schedule.js';
import { jobsWhere, type SeriesRow } from './cleaning-rows.js';

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

const SERIES_COLUMNS = `s.id, s.client_id, s.property_id, s.frequency, s.interval_count, s.anchor_date, s.day_of_month, s.until_date,
  s.job_type, to_char(s.start_time, 'HH24:MI') AS start_time, s.estimated_minutes, s.hourly_rate_cents, s.client_price, s.special_instructions,
  s.internal_notes, s.next_index, s.next_date, s.ended_at,
  ARRAY(SELECT sw.worker_id FROM cleaning_job_series_workers sw WHERE sw.series_id = s.id ORDER BY sw.position) AS worker_ids`;

/** Repeating jobs: the series, its workers and the cursor of occurrences still to create. */
export const cleaningSeriesRepository = {
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
};
