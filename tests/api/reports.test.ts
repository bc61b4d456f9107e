import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, collectOrder, completeJob, demoClientId, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;
interface Doc {
  subtotalCents: number;
  vatCents: number;
  totalCents: number;
}

describe('reports', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let client: Agent;
  let services: Record<string, number>;
  let clientId: number;
  let propertyId: number;
  let workerOne: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    services = await serviceIds(t);
    clientId = await demoClientId(t);
    propertyId = await propertyOf(admin, clientId);
    workerOne = await workerId(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** An order taken and collected at `at` (the accrual instant), through the API. */
  async function soldAt(at: string, lines: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) {
    t.clock.set(at);
    try {
      const o = await takeOrder(admin, { clientId, lines, ...extra });
      await collectOrder(admin, o.id);
      return o;
    } finally {
      t.clock.set(new Date());
    }
  }

  async function jobDoneAt(at: string, price: { billableMinutes: number; subtotalCents: number; vatCents: number }, jobType = 'house') {
    const job = await bookJob(admin, { clientId, propertyId, workerIds: [workerOne] });
    await t.db.query(`UPDATE cleaning_jobs SET job_type = $2 WHERE id = $1`, [job.id, jobType]);
    await completeJob(t, job.id, { at, ...price });
    return { id: job.id, subtotalCents: price.subtotalCents, vatCents: price.vatCents, totalCents: price.subtotalCents + price.vatCents };
  }

  const sum = (docs: Doc[]) => ({
    documents: docs.length,
    subtotalCents: docs.reduce((s, d) => s + d.subtotalCents, 0),
    vatCents: docs.reduce((s, d) => s + d.vatCents, 0),
    totalCents: docs.reduce((s, d) => s + d.totalCents, 0),
  });

  describe('IVA', () => {
    it('when a quarter is asked for, then it equals the sum over that quarter’s documents, with Lisbon boundaries', async () => {
      const dry = (n: number) => [{ serviceId: services.DRY_CLEAN, quantity: n }];
      // 23:30 UTC on 31 March is 00:30 on 1 April in Lisbon (summer time): Q2, not Q1.
      const edgeQ2 = await soldAt('2024-03-31T23:30:00Z', dry(1));
      const lastQ1 = await soldAt('2024-03-31T22:30:00Z', dry(2));
      const midQ2 = await soldAt('2024-05-10T10:00:00Z', [{ serviceId: services.WASH_IRON, weightGrams: 5500 }]);
      // 23:30 UTC on 30 June is already July in Lisbon: Q3.
      const edgeQ3 = await soldAt('2024-06-30T23:30:00Z', dry(3));
      // Taken in Q2 but never collected: no revenue yet.
      t.clock.set('2024-05-11T10:00:00Z');
      await takeOrder(admin, { clientId, lines: dry(5) });
      t.clock.set(new Date());
      const jobQ2 = await jobDoneAt('2024-06-15T09:00:00Z', { billableMinutes: 150, subtotalCents: 3750, vatCents: 863 });
      const jobQ1 = await jobDoneAt('2024-01-05T09:00:00Z', { billableMinutes: 60, subtotalCents: 1500, vatCents: 345 });

      const q2 = await admin.get('/api/reports/vat/quarterly').query({ year: 2024, quarter: 2 });
      expect(q2.status).toBe(200);
      expect(q2.body.data.period).toEqual({ from: '2024-04-01', to: '2024-06-30', startsAt: '2024-03-31T23:00:00.000Z', endsAt: '2024-06-30T23:00:00.000Z' });
      expect(q2.body.data.laundry).toMatchObject(sum([edgeQ2, midQ2]));
      expect(q2.body.data.cleaning).toMatchObject(sum([jobQ2]));
      expect(q2.body.data.total).toMatchObject(sum([edgeQ2, midQ2, jobQ2]));
      expect(q2.body.data.total.byRate).toEqual([{ vatRateBasisPoints: 2300, ...sum([edgeQ2, midQ2, jobQ2]) }]);

      const q1 = await admin.get('/api/reports/vat/quarterly').query({ year: 2024, quarter: 1 });
      expect(q1.body.data.period.startsAt).toBe('2024-01-01T00:00:00.000Z');
      expect(q1.body.data.laundry).toMatchObject(sum([lastQ1]));
      expect(q1.body.data.cleaning).toMatchObject(sum([jobQ1]));

      const annual = await admin.get('/api/reports/vat/annual').query({ year: 2024 });
      expect(annual.status).toBe(200);
      expect(annual.body.data.quarters.map((q: { quarter: number; total: Doc }) => [q.quarter, q.total.totalCents])).toEqual([
        [1, lastQ1.totalCents + jobQ1.totalCents],
        [2, edgeQ2.totalCents + midQ2.totalCents + jobQ2.totalCents],
        [3, edgeQ3.totalCents],
        [4, 0],
      ]);
      expect(annual.body.data.total).toMatchObject(sum([edgeQ2, lastQ1, midQ2, edgeQ3, jobQ2, jobQ1]));
    });

    it('when a VAT rate changed mid-quarter, then each rate has its own line', async () => {
      const before = await soldAt('2023-01-10T10:00:00Z', [{ serviceId: services.DRY_CLEAN, quantity: 1 }]);
      await t.db.query(`INSERT INTO settings (key, value) VALUES ('vatRateBasisPoints', '600') ON CONFLICT (key) DO UPDATE SET value = '600'`);
      try {
        const after = await soldAt('2023-02-10T10:00:00Z', [{ serviceId: services.DRY_CLEAN, quantity: 1 }]);
        const q1 = await admin.get('/api/reports/vat/quarterly').query({ year: 2023, quarter: 1 });
        expect(q1.body.data.laundry.byRate).toEqual([
          { vatRateBasisPoints: 2300, ...sum([before]) },
          { vatRateBasisPoints: 600, ...sum([after]) },
        ]);
      } finally {
        await t.db.query(`DELETE FROM settings WHERE key = 'vatRateBasisPoints'`);
      }
    });

    it.each([
      ['quarter 5', { year: 2026, quarter: 5 }],
      ['quarter 0', { year: 2026, quarter: 0 }],
      ['no year', { quarter: 1 }],
      ['a year in words', { year: 'twenty', quarter: 1 }],
    ])('when the quarterly report gets %s, then 400', async (_label, query) => {
      const res = await admin.get('/api/reports/vat/quarterly').query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('revenue, cash and timesheet', () => {
    it('when revenue by service is asked for, then lines, fees and discounts add up to the subtotals', async () => {
      const a = await soldAt('2022-03-02T10:00:00Z', [{ serviceId: services.WASH_IRON, weightGrams: 5500 }, { serviceId: services.DRY_CLEAN, quantity: 2 }]);
      const b = await soldAt('2022-03-03T10:00:00Z', [{ serviceId: services.WASH_IRON, weightGrams: 2000 }], {
        deliveryRequested: true,
        deliveryAddress: 'Rua Augusta 10, 1100-053 Lisboa',
        discountCents: 100,
      });
      const job = await jobDoneAt('2022-03-04T12:00:00Z', { billableMinutes: 120, subtotalCents: 3000, vatCents: 690 }, 'airbnb');
      const res = await admin.get('/api/reports/revenue').query({ month: '2022-03' });
      expect(res.status).toBe(200);
      const r = res.body.data;
      expect(r.laundry).toMatchObject(sum([a, b]));
      expect(r.cleaning).toMatchObject(sum([job]));
      const byCode = Object.fromEntries(r.byService.map((l: { code: string }) => [l.code, l]));
      expect(byCode.WASH_IRON).toMatchObject({ documents: 2, quantity: 7.5, netCents: 1925 + 700 });
      expect(byCode.DRY_CLEAN).toMatchObject({ documents: 1, quantity: 2, netCents: 1600 });
      expect(byCode.DELIVERY).toMatchObject({ netCents: 500 });
      expect(byCode.DISCOUNT).toMatchObject({ netCents: -100 });
      expect(byCode.airbnb).toMatchObject({ serviceLine: 'cleaning', quantity: 2, netCents: 3000 });
      const laundryLines = r.byService.filter((l: { serviceLine: string }) => l.serviceLine === 'laundry');
      expect(laundryLines.reduce((s: number, l: { netCents: number }) => s + l.netCents, 0)).toBe(r.laundry.subtotalCents);
    });

    it('when cash by method is asked for, then payments and refunds of the period count and voided ones do not', async () => {
      t.clock.set('2021-04-30T12:00:00Z');
      try {
        const o = await takeOrder(admin, { clientId, lines: [{ serviceId: services.DRY_CLEAN, quantity: 3 }] });
        const pay = (amountCents: number, method: string, paidAt: string) => admin.post('/api/payments').send({ laundryOrderId: o.id, amountCents, method, paidAt });
        await pay(1000, 'cash', '2021-04-02T10:00:00Z');
        await pay(500, 'mbway', '2021-04-03T10:00:00Z');
        const wrong = (await pay(700, 'card', '2021-04-04T10:00:00Z')).body.data.payment;
        await admin.post(`/api/payments/${wrong.id}/void`).send({ reason: 'Duplicado' });
        await admin.post('/api/payments/refunds').send({ laundryOrderId: o.id, amountCents: 200, method: 'cash', reason: 'Acerto', paidAt: '2021-04-05T10:00:00Z' });
        // 23:30 UTC on 30 April is 1 May in Lisbon: not in April.
        await pay(300, 'cash', '2021-04-30T23:30:00Z');
      } finally {
        t.clock.set(new Date());
      }
      const res = await admin.get('/api/reports/cash').query({ from: '2021-04-01', to: '2021-04-30' });
      expect(res.status).toBe(200);
      expect(res.body.data.basis).toBe('cash');
      expect(res.body.data.byMethod).toEqual([
        { method: 'cash', count: 2, paymentsCents: 1000, refundsCents: 200, tipsCents: 0, netCents: 800 },
        { method: 'mbway', count: 1, paymentsCents: 500, refundsCents: 0, tipsCents: 0, netCents: 500 },
      ]);
      expect(res.body.data.total).toMatchObject({ paymentsCents: 1500, refundsCents: 200, netCents: 1300 });
    });

    it('when the timesheet is asked for, then closed logs add up per worker and open ones are counted apart', async () => {
      const job = await bookJob(admin, { clientId, propertyId, workerIds: [workerOne] });
      const log = (start: string, end: string | null) =>
        t.db.query(
          `INSERT INTO cleaning_time_logs (job_id, worker_id, started_at, start_received_at, started_by, ended_at, end_received_at, ended_by)
           VALUES ($1, $2, $3, $3, $2, $4, $4, CASE WHEN $4::timestamptz IS NULL THEN NULL ELSE $2::bigint END)`,
          [job.id, workerOne, start, end],
        );
      await log('2020-02-03T09:00:00Z', '2020-02-03T11:30:00Z');
      await log('2020-02-10T09:00:00Z', '2020-02-10T10:15:00Z');
      await log('2020-03-01T09:00:00Z', '2020-03-01T10:00:00Z');
      await log('2020-02-20T09:00:00Z', null);
      const res = await admin.get('/api/reports/timesheet').query({ month: '2020-02' });
      expect(res.status).toBe(200);
      expect(res.body.data.workers).toEqual([
        { worker: { id: workerOne, name: 'Ana Ferreira' }, jobs: 1, logs: 3, minutes: 225, hours: 3.75, openLogs: 1, flaggedLogs: 0 },
      ]);
      expect(res.body.data.totalMinutes).toBe(225);
    });

    it.each([
      ['month 13', { month: '2026-13' }],
      ['an end before the start', { from: '2026-03-10', to: '2026-03-01' }],
      ['a range longer than allowed', { from: '2025-01-01', to: '2026-03-01' }],
      ['a day that does not exist', { from: '2026-02-30', to: '2026-03-01' }],
      ['no period at all', {}],
      ['both a month and dates', { month: '2026-03', from: '2026-03-01', to: '2026-03-02' }],
    ])('when a range report gets %s, then 400 naming the field', async (_label, query) => {
      for (const path of ['/api/reports/revenue', '/api/reports/cash', '/api/reports/timesheet']) {
        const res = await admin.get(path).query(query);
        expect(res.status, path).toBe(400);
        expect(res.body.error.details.length).toBeGreaterThan(0);
      }
    });

    it('when a worker or a client asks for a report, then 403', async () => {
      expect((await worker.get('/api/reports/cash').query({ month: '2026-03' })).status).toBe(403);
      expect((await client.get('/api/reports/vat/annual').query({ year: 2026 })).status).toBe(403);
    });
  });
});
