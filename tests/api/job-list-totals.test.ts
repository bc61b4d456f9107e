import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, completeJob, demoClientId, propertyOf, workerId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

const STATUSES = ['cancelled', 'completed', 'in_progress', 'scheduled'] as const;
type Status = (typeof STATUSES)[number];
const CAP = 10_000;

/**
 * The cleaning job list's `total` for the whole list and for a status filter is read from per-status
 * counts kept by triggers (migration job_status_counts), as the laundry list's is. Whatever writes the
 * jobs — the API, multi-row SQL updates, deletes, a truncate — the kept counts must equal the rows, and the
 * list's totals (exact up to the cap, `totalCapped` beyond) must say what the rows say.
 */
describe('cleaning job list totals from kept counts', { timeout: 120_000 }, () => {
  let t: TestApp;
  let admin: Agent;
  let clientId: number;
  let propertyId: number;
  let worker: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    clientId = await demoClientId(t);
    propertyId = await propertyOf(admin, clientId);
    worker = await workerId(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function jobsByStatus(): Promise<Record<Status, number>> {
    const { rows } = await t.db.query<{ status: Status; n: number }>(`SELECT status, count(*)::int AS n FROM cleaning_jobs GROUP BY status`);
    const truth = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const r of rows) truth[r.status] = r.n;
    return truth;
  }

  async function expectKeptCounts(step: string) {
    const truth = await jobsByStatus();
    const { rows } = await t.db.query<{ status: string; jobs: number }>(`SELECT status, jobs::int AS jobs FROM cleaning_job_status_counts ORDER BY status`);
    expect(Object.fromEntries(rows.map((r) => [r.status, r.jobs])), step).toEqual(truth);
    const all = Object.values(truth).reduce((a, b) => a + b, 0);
    const whole = await admin.get('/api/cleaning-jobs?limit=1');
    expect(whole.status, step).toBe(200);
    expect({ total: whole.body._meta.total, totalCapped: whole.body._meta.totalCapped }, `${step}: unfiltered`).toEqual({ total: Math.min(all, CAP), totalCapped: all > CAP });
    for (const s of STATUSES) {
      const res = await admin.get(`/api/cleaning-jobs?status=${s}&limit=1`);
      expect(res.status, `${step}: ${s}`).toBe(200);
      expect(res.body._meta.total, `${step}: ${s}`).toBe(Math.min(truth[s], CAP));
    }
    const two = await admin.get('/api/cleaning-jobs?status=completed,cancelled&limit=1');
    expect(two.body._meta.total, `${step}: two statuses`).toBe(Math.min(truth.completed + truth.cancelled, CAP));
    return truth;
  }

  it('when jobs are booked, moved, cancelled, updated and deleted in bulk, then the kept counts and list totals follow', async () => {
    await expectKeptCounts('before any job');
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await bookJob(admin, { clientId, propertyId, workerIds: [worker], scheduledDate: `2026-03-1${i}` })).id);
    expect((await expectKeptCounts('booked')).scheduled).toBeGreaterThanOrEqual(4);

    const cancelled = await admin.post(`/api/cleaning-jobs/${ids[0]}/cancel`).send({ reason: 'Cliente desistiu' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await completeJob(t, ids[1]!, { at: '2026-03-11T13:00:00Z', billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
    await expectKeptCounts('one cancelled, one completed');

    // One statement moving several jobs to several statuses, and one that changes no status.
    await t.db.query(`UPDATE cleaning_jobs SET status = CASE WHEN id = $1 THEN 'in_progress' ELSE status END, started_at = COALESCE(started_at, now()) WHERE id = ANY($2::bigint[])`, [ids[2], ids]);
    await t.db.query(`UPDATE cleaning_jobs SET internal_notes = 'nota' WHERE id = ANY($1::bigint[])`, [ids]);
    await expectKeptCounts('bulk updates');

    await t.db.query(`DELETE FROM cleaning_job_status_history WHERE job_id = $1`, [ids[3]]);
    await t.db.query(`DELETE FROM cleaning_job_workers WHERE job_id = $1`, [ids[3]]);
    await t.db.query(`DELETE FROM cleaning_jobs WHERE id = $1`, [ids[3]]);
    await expectKeptCounts('a delete');
  });

  it('when the list grows past the cap, then the total is capped from the kept counts; a truncate leaves zero', async () => {
    await t.db.query(
      `INSERT INTO cleaning_jobs (client_id, property_id, job_type, scheduled_date, scheduled_time, scheduled_start_at, scheduled_end_at,
          estimated_minutes, hourly_rate_cents, created_at, updated_at)
       SELECT $1, $2, 'house', DATE '2027-01-01' + (g % 300), '10:00', TIMESTAMPTZ '2027-01-01 10:00Z' + g * interval '1 minute',
              TIMESTAMPTZ '2027-01-01 12:00Z' + g * interval '1 minute', 120, 1500, now(), now()
         FROM generate_series(1, $3::int) g`,
      [clientId, propertyId, CAP + 20],
    );
    const truth = await expectKeptCounts('past the cap');
    expect(truth.scheduled).toBeGreaterThan(CAP);

    await t.db.query(`TRUNCATE cleaning_jobs CASCADE`);
    const empty = await expectKeptCounts('truncated');
    expect(Object.values(empty).every((n) => n === 0)).toBe(true);
  });
});
