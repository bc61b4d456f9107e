import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, cancelOrder, collectOrder, completeJob, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';
import { signedInClient } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;
type Row = { id: number; paymentStatus?: string };

/**
 * The laundry and cleaning lists show each document's money state (issue 19 §2) and filter on it, with
 * the values the client account gives the same document (one definition).
 */
describe('payment status on the laundry and cleaning lists', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let mine: Agent;
  let clientId: number;
  const orders: Record<string, number> = {};
  const jobs: Record<string, number> = {};

  const pay = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/payments').send({ method: 'cash', ...body });
    if (res.status !== 201) throw new Error(`payment failed: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const statusById = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.id, r.paymentStatus]));

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2025-09-10T09:00:00Z');
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    const services = await serviceIds(t);
    const dry = (quantity: number) => [{ serviceId: services.DRY_CLEAN, quantity }];
    const me = await signedInClient(t, admin, { name: 'Cliente dos Estados' });
    mine = me.agent;
    clientId = me.client.id;

    const unpaid = await takeOrder(admin, { clientId, lines: dry(2) });
    orders.unpaid = unpaid.id;
    const partial = await takeOrder(admin, { clientId, lines: dry(3) });
    orders.partial = partial.id;
    await pay({ laundryOrderId: partial.id, amountCents: 500 });
    const paid = await takeOrder(admin, { clientId, lines: dry(1) });
    orders.paid = paid.id;
    await collectOrder(admin, paid.id);
    await pay({ laundryOrderId: paid.id, amountCents: paid.totalCents });
    const cancelled = await takeOrder(admin, { clientId, lines: dry(4) });
    orders.not_priced = cancelled.id;
    await cancelOrder(admin, cancelled.id);

    const propertyId = await propertyOf(admin, clientId);
    const w = await workerId(t);
    const done = await bookJob(admin, { clientId, propertyId, workerIds: [w], scheduledDate: '2025-09-01' });
    await completeJob(t, done.id, { at: '2025-09-01T12:00:00Z', billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
    await pay({ cleaningJobId: done.id, amountCents: 1000 });
    jobs.partial = done.id;
    const doneUnpaid = await bookJob(admin, { clientId, propertyId, workerIds: [w], scheduledDate: '2025-09-02' });
    await completeJob(t, doneUnpaid.id, { at: '2025-09-02T12:00:00Z', billableMinutes: 60, subtotalCents: 1500, vatCents: 345 });
    jobs.unpaid = doneUnpaid.id;
    const donePaid = await bookJob(admin, { clientId, propertyId, workerIds: [w], scheduledDate: '2025-09-03' });
    await completeJob(t, donePaid.id, { at: '2025-09-03T12:00:00Z', billableMinutes: 60, subtotalCents: 1500, vatCents: 345 });
    await pay({ cleaningJobId: donePaid.id, amountCents: 1845 });
    jobs.paid = donePaid.id;
    const booked = await bookJob(admin, { clientId, propertyId, workerIds: [w], scheduledDate: '2025-10-20' });
    await pay({ cleaningJobId: booked.id, amountCents: 2000 });
    jobs.not_priced = booked.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('when staff list orders and jobs, then each shows the payment status the client account gives the same document', async () => {
    const laundry = (await admin.get('/api/laundry-orders').query({ clientId, limit: 50 })).body.data as Row[];
    const cleaning = (await admin.get('/api/cleaning-jobs').query({ clientId, limit: 50 })).body.data as Row[];
    expect(statusById(laundry)).toEqual({ [orders.unpaid!]: 'unpaid', [orders.partial!]: 'partial', [orders.paid!]: 'paid', [orders.not_priced!]: 'not_priced' });
    expect(statusById(cleaning)).toEqual({ [jobs.unpaid!]: 'unpaid', [jobs.partial!]: 'partial', [jobs.paid!]: 'paid', [jobs.not_priced!]: 'not_priced' });

    const documents = (await admin.get(`/api/clients/${clientId}/account/documents`).query({ limit: 50 })).body.data as {
      serviceLine: string;
      id: number;
      paymentStatus: string;
    }[];
    expect(documents).toHaveLength(8);
    for (const d of documents) {
      const listed = d.serviceLine === 'laundry' ? laundry : cleaning;
      expect(listed.find((r) => r.id === d.id)?.paymentStatus, `${d.serviceLine} ${d.id}`).toBe(d.paymentStatus);
    }
  });

  it('when a detail is read, then it carries the same payment status', async () => {
    for (const [status, id] of Object.entries(orders)) {
      expect((await admin.get(`/api/laundry-orders/${id}`)).body.data.paymentStatus).toBe(status);
      expect((await mine.get(`/api/laundry-orders/${id}`)).body.data.paymentStatus).toBe(status);
    }
    for (const [status, id] of Object.entries(jobs)) {
      expect((await admin.get(`/api/cleaning-jobs/${id}`)).body.data.paymentStatus).toBe(status);
      expect((await mine.get(`/api/cleaning-jobs/${id}`)).body.data.paymentStatus).toBe(status);
    }
  });

  it('when the lists are filtered on one status or several, then only those documents come, counted right', async () => {
    const partial = await admin.get('/api/laundry-orders').query({ clientId, paymentStatus: 'partial' });
    expect(partial.status).toBe(200);
    expect(partial.body.data.map((r: Row) => r.id)).toEqual([orders.partial]);
    expect(partial.body._meta.total).toBe(1);

    const open = await admin.get('/api/laundry-orders').query({ clientId, paymentStatus: 'unpaid,partial' });
    expect(open.body.data.map((r: Row) => r.id).sort()).toEqual([orders.unpaid, orders.partial].sort());
    expect(open.body._meta.total).toBe(2);

    const jobsOpen = await admin.get('/api/cleaning-jobs').query({ clientId, paymentStatus: 'unpaid, partial' });
    expect(jobsOpen.status).toBe(200);
    expect(jobsOpen.body.data.map((r: Row) => r.id).sort()).toEqual([jobs.unpaid, jobs.partial].sort());
    const notPriced = await admin.get('/api/cleaning-jobs').query({ clientId, paymentStatus: 'not_priced' });
    expect(notPriced.body.data.map((r: Row) => r.id)).toEqual([jobs.not_priced]);
    const paid = await admin.get('/api/cleaning-jobs').query({ clientId, paymentStatus: 'paid' });
    expect(paid.body.data.map((r: Row) => r.id)).toEqual([jobs.paid]);

    // Without a client filter the status filter reaches across every client's documents.
    const everyUnpaid = (await admin.get('/api/laundry-orders').query({ paymentStatus: 'unpaid', limit: 100 })).body.data as Row[];
    expect(everyUnpaid.length).toBeGreaterThan(0);
    expect(everyUnpaid.every((r) => r.paymentStatus === 'unpaid')).toBe(true);
  });

  it('when a client filters their own list, then they get their own documents in that state', async () => {
    const res = await mine.get('/api/laundry-orders').query({ paymentStatus: 'paid' });
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: Row) => r.id)).toEqual([orders.paid]);
    const jobsRes = await mine.get('/api/cleaning-jobs').query({ paymentStatus: 'unpaid' });
    expect(jobsRes.body.data.map((r: Row) => r.id)).toEqual([jobs.unpaid]);
  });

  it('when the filter is not a payment status, then it is a 400 VALIDATION_FAILED; a worker may not filter on money', async () => {
    for (const url of ['/api/laundry-orders', '/api/cleaning-jobs']) {
      for (const bad of ['owing', 'unpaid,owing', 'PAID']) {
        const res = await admin.get(url).query({ paymentStatus: bad });
        expect(res.status, `${url} ${bad}`).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
      const byWorker = await worker.get(url).query({ paymentStatus: 'unpaid' });
      expect(byWorker.status).toBe(400);
      expect(byWorker.body.error.code).toBe('INVALID_FILTER');
    }
    const workerList = (await worker.get('/api/laundry-orders').query({ clientId })).body.data as Row[];
    expect(workerList.length).toBeGreaterThan(0);
    expect(workerList.every((r) => !('paymentStatus' in r))).toBe(true);
  });
});
