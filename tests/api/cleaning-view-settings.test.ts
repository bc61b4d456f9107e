import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, demoClientId, propertyOf, workerId } from '../helpers/money-fixtures.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;

/**
 * The list page and the detail read the settings they need (VAT rate of the estimate, access lead time)
 * inside their own statement. They must still follow a change the moment it commits, and fall back to
 * the defaults when nothing is stored.
 */
describe('cleaning list and detail read the settings with the job', { timeout: 120_000 }, () => {
  let t: TestApp;
  let admin: Agent;
  let master: Agent;
  let worker: Agent;
  let jobId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    master = await t.signIn('master');
    worker = await t.signIn('worker');
    const clientId = await demoClientId(t);
    const propertyId = await propertyOf(admin, clientId);
    const job = await bookJob(admin, { clientId, propertyId, workerIds: [await workerId(t)], scheduledDate: '2026-03-12', estimatedHours: 2, hourlyRateCents: 1500 });
    jobId = job.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const listed = async (who: Agent) => {
    const res = await who.get('/api/cleaning-jobs?limit=100').expect(200);
    const row = (res.body.data as Array<Record<string, unknown>>).find((j) => j.id === jobId);
    expect(row, 'the job is on the first page').toBeDefined();
    expect(Object.keys(row!)).not.toContain('view_settings');
    return row as { estimate?: { vatCents: number; totalCents: number }; accessInstructionsFrom?: string };
  };
  const detail = async (who: Agent) => {
    const res = await who.get(`/api/cleaning-jobs/${jobId}`).expect(200);
    expect(Object.keys(res.body.data)).not.toContain('view_settings');
    return res.body.data as { estimate?: { vatCents: number; totalCents: number }; accessInstructionsFrom?: string };
  };

  it('when nothing is stored, then the defaults apply (23 % VAT, instructions 24 hours ahead)', async () => {
    expect((await t.db.query(`SELECT 1 FROM settings WHERE key IN ('vatRateBasisPoints', 'accessInstructionsLeadHours')`)).rowCount).toBe(0);
    // 2 h × €15.00 = €30.00 + 23 % = €36.90.
    expect((await listed(admin)).estimate).toMatchObject({ vatCents: 690, totalCents: 3690 });
    expect((await detail(admin)).estimate).toMatchObject({ vatCents: 690, totalCents: 3690 });
    const scheduledAt = new Date('2026-03-12T10:00:00Z').getTime();
    const lead = (iso: string | undefined) => (scheduledAt - Date.parse(iso!)) / 3_600_000;
    expect(lead((await listed(worker)).accessInstructionsFrom)).toBe(24);
    expect(lead((await detail(worker)).accessInstructionsFrom)).toBe(24);
  });

  it('when the VAT rate and the lead time change, then the next list page and detail show them at once', async () => {
    await master
      .patch('/api/settings')
      .send({ vatRateBasisPoints: { value: 600, version: 0 }, accessInstructionsLeadHours: { value: 2, version: 0 } })
      .expect(200);
    try {
      expect((await listed(admin)).estimate).toMatchObject({ vatCents: 180, totalCents: 3180 });
      expect((await detail(admin)).estimate).toMatchObject({ vatCents: 180, totalCents: 3180 });
      const scheduledAt = new Date('2026-03-12T10:00:00Z').getTime();
      const lead = (iso: string | undefined) => (scheduledAt - Date.parse(iso!)) / 3_600_000;
      expect(lead((await listed(worker)).accessInstructionsFrom)).toBe(2);
      expect(lead((await detail(worker)).accessInstructionsFrom)).toBe(2);
    } finally {
      await master.patch('/api/settings').send({ vatRateBasisPoints: { value: 2300, version: 1 }, accessInstructionsLeadHours: { value: 24, version: 1 } }).expect(200);
    }
  });
});
