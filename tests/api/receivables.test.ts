import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_LIST_SIZE } from '../../src/contracts/dashboard.js';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, collectOrder, cancelOrder, completeJob, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';
import { signedInClient } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;
interface Doc {
  serviceLine: string;
  id: number;
  reference: string;
  client: { id: number };
  stage: string;
  totalCents: number | null;
  paidCents: number;
  balanceCents: number;
}

/**
 * One definition of what is owed (ADR 0014) behind the dashboard, the receivables list and a client's
 * own balance: a fixture with each kind of document, and the figures compared to the cent.
 */
describe('receivables', () => {
  let t: TestApp;
  let admin: Agent;
  let mine: Agent;
  let mineId: number;
  let otherId: number;
  const expected: Record<string, { stage: string; balanceCents: number } | null> = {};

  /** Every row of the list, page after page by the cursor. */
  async function wholeList(agent: Agent, query: Record<string, string | number> = {}): Promise<Doc[]> {
    const rows: Doc[] = [];
    let cursor: string | null = null;
    do {
      const res = await agent.get('/api/receivables').query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body._meta).toMatchObject({ limit: 2, count: res.body.data.length });
      rows.push(...res.body.data);
      cursor = res.body._meta.nextCursor;
    } while (cursor);
    return rows;
  }
  const sum = (docs: Doc[]) => docs.reduce((s, d) => s + d.balanceCents, 0);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2025-09-10T09:00:00Z');
    admin = await t.signIn('admin');
    const services = await serviceIds(t);
    const dry = (quantity: number) => [{ serviceId: services.DRY_CLEAN, quantity }];
    const me = await signedInClient(t, admin, { name: 'Cliente com Contas' });
    mine = me.agent;
    mineId = me.client.id;
    otherId = (await signedInClient(t, admin, { name: 'Outra Cliente' })).client.id;
    const pay = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/payments').send({ method: 'cash', ...body });
      if (res.status !== 201) throw new Error(`payment failed: ${res.status} ${JSON.stringify(res.body)}`);
    };

    // Taken and priced, nothing paid: owed, in progress.
    const received = await takeOrder(admin, { clientId: mineId, lines: dry(1) });
    expected[received.orderNumber] = { stage: 'in_progress', balanceCents: received.totalCents };
    // Ready on the shelf, 5 € paid: the rest owed, still in progress (the €138 the dashboard once hid).
    const ready = await takeOrder(admin, { clientId: mineId, lines: dry(3) });
    await admin.post(`/api/laundry-orders/${ready.id}/status`).send({ status: 'in_progress' }).expect(200);
    await admin.post(`/api/laundry-orders/${ready.id}/mark-ready`).send({}).expect(200);
    await pay({ laundryOrderId: ready.id, amountCents: 500 });
    expected[ready.orderNumber] = { stage: 'in_progress', balanceCents: ready.totalCents - 500 };
    // Collected, unpaid: accrued.
    const collected = await takeOrder(admin, { clientId: mineId, lines: dry(2) });
    await collectOrder(admin, collected.id);
    expected[collected.orderNumber] = { stage: 'accrued', balanceCents: collected.totalCents };
    // Collected and paid in full: owes nothing, not listed.
    const settled = await takeOrder(admin, { clientId: mineId, lines: dry(1) });
    await collectOrder(admin, settled.id);
    await pay({ laundryOrderId: settled.id, amountCents: settled.totalCents });
    expected[settled.orderNumber] = null;
    // Cancelled: never owed.
    const cancelled = await takeOrder(admin, { clientId: mineId, lines: dry(4) });
    await cancelOrder(admin, cancelled.id);
    expected[cancelled.orderNumber] = null;

    const propertyId = await propertyOf(admin, mineId);
    const worker = await workerId(t);
    // Completed, 10 € paid and 2 € of it refunded: 36.90 − 8 owed, accrued.
    const done = await bookJob(admin, { clientId: mineId, propertyId, workerIds: [worker], scheduledDate: '2025-09-01' });
    await completeJob(t, done.id, { at: '2025-09-01T12:00:00Z', billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
    await pay({ cleaningJobId: done.id, amountCents: 1000 });
    const refund = await admin.post('/api/payments/refunds').send({ cleaningJobId: done.id, amountCents: 200, method: 'cash', reason: 'Acerto' });
    expect(refund.status).toBe(201);
    expected[`CLN-${done.id}`] = { stage: 'accrued', balanceCents: 3690 - 800 };
    // Booked, 20 € paid ahead: a deposit, the client's credit.
    const booked = await bookJob(admin, { clientId: mineId, propertyId, workerIds: [worker], scheduledDate: '2025-09-20' });
    await pay({ cleaningJobId: booked.id, amountCents: 2000 });
    expected[`CLN-${booked.id}`] = { stage: 'credit', balanceCents: -2000 };
    // Booked, nothing paid: no price, no credit, not listed.
    const notYet = await bookJob(admin, { clientId: mineId, propertyId, workerIds: [worker], scheduledDate: '2025-09-21' });
    expected[`CLN-${notYet.id}`] = null;

    // Someone else's debt, which the client must never see.
    const others = await takeOrder(admin, { clientId: otherId, lines: dry(5) });
    await collectOrder(admin, others.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it("when a client has each kind of document, then each counts by the definition and the list adds up to the client's summary", async () => {
    const docs = await wholeList(admin, { clientId: mineId });
    const byRef = Object.fromEntries(docs.map((d) => [d.reference, { stage: d.stage, balanceCents: d.balanceCents }]));
    for (const [reference, want] of Object.entries(expected)) expect(byRef[reference] ?? null, reference).toEqual(want);
    expect(docs.every((d) => d.client.id === mineId)).toBe(true);

    const owed = Object.values(expected).filter((e) => e !== null);
    const part = (stage: string) => owed.filter((e) => e.stage === stage).reduce((s, e) => s + e.balanceCents, 0);
    const summary = (await admin.get('/api/receivables/summary').query({ clientId: mineId })).body.data;
    expect(summary).toEqual({
      documents: 4,
      accruedCents: part('accrued'),
      inProgressCents: part('in_progress'),
      creditCents: 2000,
      balanceCents: part('accrued') + part('in_progress') - 2000,
    });
    expect(sum(docs)).toBe(summary.balanceCents);
  });

  it('when a client asks, then they get their own summary and documents, whatever client they name', async () => {
    const staffView = (await admin.get('/api/receivables/summary').query({ clientId: mineId })).body.data;
    expect((await mine.get('/api/receivables/summary')).body.data).toEqual(staffView);
    expect((await mine.get('/api/receivables/summary').query({ clientId: otherId })).body.data).toEqual(staffView);
    const own = await wholeList(mine, { clientId: otherId });
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((d) => d.client.id === mineId)).toBe(true);
    expect(sum(own)).toBe(staffView.balanceCents);
  });

  it("when the staff dashboard shows what is owed, then it equals the sum of the whole unpaid list, to the cent", async () => {
    const dashboard = (await admin.get('/api/dashboard')).body.data;
    const all = await wholeList(admin);
    expect(all.some((d) => d.client.id === otherId)).toBe(true);
    expect(dashboard.outstanding.balanceCents).toBe(sum(all));
    expect(dashboard.outstanding.accruedCents + dashboard.outstanding.inProgressCents - dashboard.outstanding.creditCents).toBe(dashboard.outstanding.balanceCents);
    expect(dashboard.outstanding.documents).toBe(all.filter((d) => d.balanceCents > 0).length);
    expect(dashboard.outstanding.oldest.every((d: Doc) => d.balanceCents > 0 && d.stage === 'accrued')).toBe(true);
    // The dashboard's oldest debts (read from the owing indexes) are the accrued list's first documents by date.
    const accrued = await wholeList(admin, { stage: 'accrued', sort: 'datedAt' });
    expect(accrued.length).toBeGreaterThan(0);
    const key = (d: { serviceLine: string; id: number }) => `${d.serviceLine}:${d.id}`;
    expect(dashboard.outstanding.oldest.map(key)).toEqual(accrued.slice(0, DASHBOARD_LIST_SIZE).map(key));
  });

  it('when the list is filtered by stage, then only that stage comes back', async () => {
    const credits = await wholeList(admin, { clientId: mineId, stage: 'credit' });
    expect(credits.map((d) => d.balanceCents)).toEqual([-2000]);
    const bad = await admin.get('/api/receivables').query({ stage: 'owed' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});
