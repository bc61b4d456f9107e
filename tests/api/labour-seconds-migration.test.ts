import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { migrationNames, runMigrations } from '../../src/db/migrate.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, completeJob, demoClientId, propertyOf, workerId } from '../helpers/money-fixtures.js';

const MIGRATION = '1796567020526_labour_seconds';

/**
 * Jobs completed before labour was billed by the second: the migration reprices those nobody has paid
 * anything on, and leaves the ones with payments as billed.
 */
describe('labour-seconds migration', () => {
  let t: TestApp;
  let unpaidId: number;
  let paidId: number;
  let openId: number;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-01T08:00:00Z');
    const admin = await t.signIn('admin');
    const clientId = await demoClientId(t);
    const propertyId = await propertyOf(admin, clientId);
    const worker = await workerId(t);
    const log = (jobId: number, start: string, end: string) =>
      t.db.query(
        `INSERT INTO cleaning_time_logs (job_id, worker_id, started_at, start_received_at, started_by, ended_at, end_received_at, ended_by)
         VALUES ($1, $2, $3, $3, $2, $4, $4, $2)`,
        [jobId, worker, start, end],
      );

    unpaidId = (await bookJob(admin, { clientId, propertyId, workerIds: [worker], scheduledDate: '2026-03-10' })).id;
    paidId = (await bookJob(admin, { clientId, propertyId, workerIds: [worker], scheduledDate: '2026-03-11' })).id;
    openId = (await bookJob(admin, { clientId, propertyId, workerIds: [worker], scheduledDate: '2026-03-12' })).id;

    // The schema as the previous release left it, and jobs priced by its rule (whole minutes, floored per log).
    const all = migrationNames();
    await runMigrations(t.connection, pino({ level: 'silent' }), 'down', all.length - all.indexOf(MIGRATION));

    await log(unpaidId, '2026-03-10T09:00:00Z', '2026-03-10T09:00:40Z');
    await log(unpaidId, '2026-03-10T10:00:00Z', '2026-03-10T10:00:50Z');
    await completeJob(t, unpaidId, { at: '2026-03-10T11:00:00Z', billableMinutes: 0, subtotalCents: 0, vatCents: 0 });

    await log(paidId, '2026-03-11T09:00:00Z', '2026-03-11T11:00:30Z');
    await completeJob(t, paidId, { at: '2026-03-11T12:00:00Z', billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
    await t.db.query(
      `INSERT INTO payments (kind, client_id, cleaning_job_id, amount_cents, method, paid_at, created_by, created_at)
       VALUES ('payment', $1, $2, 1000, 'cash', '2026-03-11T12:00:00Z', (SELECT id FROM users WHERE role = 'master'), '2026-03-11T12:00:00Z')`,
      [clientId, paidId],
    );

    await log(openId, '2026-03-12T09:00:00Z', '2026-03-12T09:00:30Z');

    await runMigrations(t.connection, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await t.close();
  });

  const jobOf = async (id: number) =>
    (
      await t.db.query<{ labour_seconds: number | null; labour_minutes: number | null; billable_minutes: number | null; total_cents: number | null; balance_cents: number | null }>(
        `SELECT labour_seconds, labour_minutes, billable_minutes, total_cents, balance_cents FROM cleaning_jobs WHERE id = $1`,
        [id],
      )
    ).rows[0]!;

  it('when a completed job has no payment, then it is repriced from the exact seconds: 40 s + 50 s bill one 30-minute block, 923 cents', async () => {
    expect(await jobOf(unpaidId)).toEqual({ labour_seconds: 90, labour_minutes: 1, billable_minutes: 30, total_cents: 923, balance_cents: 923 });
    const { rows } = await t.db.query<{ total: number }>(`SELECT total_cents::int AS total FROM revenue_months WHERE month = '2026-03' AND line = 'cleaning'`);
    expect(rows[0]!.total).toBe(923 + 3690);
  });

  it('when a completed job has a payment recorded, then it keeps the total it was billed and paid on', async () => {
    expect(await jobOf(paidId)).toEqual({ labour_seconds: 7200, labour_minutes: 120, billable_minutes: 120, total_cents: 3690, balance_cents: 2690 });
  });

  it('when a job is not completed, then it has no price; its logs carry their exact seconds', async () => {
    expect(await jobOf(openId)).toMatchObject({ labour_seconds: null, total_cents: null });
    const { rows } = await t.db.query<{ job_id: number; duration_seconds: number }>(
      `SELECT job_id::int, duration_seconds FROM cleaning_time_logs WHERE job_id = ANY($1) ORDER BY id`,
      [[unpaidId, paidId, openId]],
    );
    expect(rows.map((r) => r.duration_seconds)).toEqual([40, 50, 7230, 30]);
  });
});
