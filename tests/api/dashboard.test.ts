import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, collectOrder, completeJob, demoClientId, keysOf, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

interface Month {
  month: string;
  laundryNetCents: number;
  cleaningNetCents: number;
  netCents: number;
  totalCents: number;
  previousYear?: Month;
}

// Sunday 15 June 2025, 11:00 in Lisbon: the week runs Monday 9 to Sunday 15.
const NOW = '2025-06-15T10:00:00Z';

describe('dashboard', () => {
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

  const dry = (n: number) => [{ serviceId: services.DRY_CLEAN, quantity: n }];

  async function soldAt(at: string, quantity: number) {
    t.clock.set(at);
    const o = await takeOrder(admin, { clientId, lines: dry(quantity) });
    await collectOrder(admin, o.id);
    return o;
  }

  async function dashboard(agent: Agent) {
    t.clock.set(NOW);
    const res = await agent.get('/api/dashboard');
    expect(res.status).toBe(200);
    return res.body.data;
  }

  it('when master or admin asks, then revenue is on the accrual date, cash on the payment date, and the unpaid list shows the balance', async () => {
    const before = await dashboard(admin);
    expect(before.view).toBe('finance');

    // Sold this month (paid in part), last month, and in June of the year before.
    const june = await soldAt('2025-06-03T23:30:00Z', 2);
    const may = await soldAt('2025-05-31T22:30:00Z', 1);
    // 00:30 on 1 June in Lisbon is already June, however late in May it is in UTC.
    const juneEdge = await soldAt('2025-05-31T23:30:00Z', 3);
    const lastYear = await soldAt('2024-06-20T10:00:00Z', 4);
    const job = await bookJob(admin, { clientId, propertyId, workerIds: [workerOne], scheduledDate: '2025-06-10' });
    await completeJob(t, job.id, { at: '2025-06-10T12:00:00Z', billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
    // Money received this month for an order sold in May: cash, not revenue, of June.
    t.clock.set(NOW);
    expect((await admin.post('/api/payments').send({ laundryOrderId: may.id, amountCents: may.totalCents, method: 'card' })).status).toBe(201);
    expect((await admin.post('/api/payments').send({ laundryOrderId: june.id, amountCents: 500, method: 'cash' })).status).toBe(201);
    // Still open: counted in the queue, not in revenue.
    t.clock.set('2025-06-14T09:00:00Z');
    const open = await takeOrder(admin, { clientId, lines: dry(1) });

    const after = await dashboard(admin);
    const delta = (pick: (d: typeof after) => number) => pick(after) - pick(before);
    expect(after.today).toBe('2025-06-15');
    expect(after.revenue.basis).toBe('accrual');
    expect(after.revenue.thisMonth.month).toBe('2025-06');
    expect(delta((d) => d.revenue.thisMonth.laundryNetCents)).toBe(june.subtotalCents + juneEdge.subtotalCents);
    expect(delta((d) => d.revenue.thisMonth.cleaningNetCents)).toBe(3000);
    expect(delta((d) => d.revenue.thisMonth.totalCents)).toBe(june.totalCents + juneEdge.totalCents + 3690);
    expect(after.revenue.lastMonth.month).toBe('2025-05');
    expect(delta((d) => d.revenue.lastMonth.laundryNetCents)).toBe(may.subtotalCents);

    expect(after.received).toMatchObject({ basis: 'cash', month: '2025-06' });
    expect(delta((d) => d.received.paymentsCents)).toBe(may.totalCents + 500);

    const months = after.revenueByMonth as Month[];
    expect(months).toHaveLength(12);
    expect(months[0]!.month).toBe('2024-07');
    const last = months[11]!;
    expect(last.month).toBe('2025-06');
    expect(last.netCents).toBe(after.revenue.thisMonth.netCents);
    expect(last.previousYear!.month).toBe('2024-06');
    const beforeJune = (before.revenueByMonth as Month[])[11]!.previousYear!;
    expect(last.previousYear!.laundryNetCents - beforeJune.laundryNetCents).toBe(lastYear.subtotalCents);

    // May is paid in full; June is owed less the 5 € received; the oldest debt comes first.
    const oldest = after.outstanding.oldest as Array<{ reference: string; balanceCents: number; paidCents: number; ageDays: number; datedAt: string }>;
    expect(oldest.find((u) => u.reference === may.orderNumber)).toBeUndefined();
    expect(oldest.find((u) => u.reference === june.orderNumber)).toMatchObject({ paidCents: 500, balanceCents: june.totalCents - 500, ageDays: 11 });
    expect(oldest.map((u) => u.datedAt)).toEqual([...oldest.map((u) => u.datedAt)].sort());
    // Owed: the accrued work, and the order taken on the 14th, priced but still in progress (ADR 0014).
    expect(delta((d) => d.outstanding.balanceCents)).toBe(june.totalCents - 500 + juneEdge.totalCents + lastYear.totalCents + 3690 + open.totalCents);
    expect(delta((d) => d.outstanding.inProgressCents)).toBe(open.totalCents);

    expect(delta((d) => d.laundryOpen.received)).toBe(1);
    // The job done on Tuesday 10 June is this week's; its completion does not take it off the count.
    expect(delta((d) => d.cleaningJobs.thisWeek)).toBe(1);
    expect(after.recentActivity.length).toBeGreaterThan(0);
    for (const a of after.recentActivity) expect(Object.keys(a).sort()).toEqual(['action', 'actorType', 'at', 'entity', 'entityId', 'subject']);

    // Master sees the same finance view.
    expect((await dashboard(await t.signIn('master'))).revenue).toEqual(after.revenue);
  });

  it('when jobs are booked today and this week, then the finance view counts them by Lisbon date', async () => {
    const before = await dashboard(admin);
    t.clock.set(NOW);
    await bookJob(admin, { clientId, propertyId, workerIds: [workerOne], scheduledDate: '2025-06-15' });
    await bookJob(admin, { clientId, propertyId, workerIds: [workerOne], scheduledDate: '2025-06-09' });
    await bookJob(admin, { clientId, propertyId, workerIds: [workerOne], scheduledDate: '2025-06-16' });
    const after = await dashboard(admin);
    expect(after.cleaningJobs.today - before.cleaningJobs.today).toBe(1);
    expect(after.cleaningJobs.thisWeek - before.cleaningJobs.thisWeek).toBe(2);
  });

  it('when a worker asks, then they get their jobs today and upcoming and the laundry queue, with no money field at all', async () => {
    t.clock.set(NOW);
    const today = await bookJob(admin, { clientId, propertyId, workerIds: [workerOne], scheduledDate: '2025-06-15', scheduledTime: '14:00' } as never);
    const next = await bookJob(admin, { clientId, propertyId, workerIds: [workerOne], scheduledDate: '2025-06-18' });
    const data = await dashboard(worker);
    expect(data.view).toBe('worker');
    expect(data.jobsToday.map((j: { id: number }) => j.id)).toContain(today.id);
    expect(data.jobsToday.every((j: { scheduledDate: string }) => j.scheduledDate === '2025-06-15')).toBe(true);
    expect(data.upcoming.map((j: { id: number }) => j.id)).toContain(next.id);
    expect(data.upcoming.map((j: { id: number }) => j.id)).not.toContain(today.id);
    // The address, so the phone shows where to go without opening the job.
    const where = await t.db.query<{ address_line1: string }>(`SELECT address_line1 FROM properties WHERE id = $1`, [propertyId]);
    expect(data.jobsToday.find((j: { id: number }) => j.id === today.id).property.addressLine1).toBe(where.rows[0]!.address_line1);
    const queue = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM laundry_orders WHERE status = 'received'`);
    expect(data.laundryQueue.received).toBe(queue.rows[0]!.n);
    const keys = [...keysOf(data)];
    expect(keys.filter((k) => /cents|price|amount|revenue|balance|vat|paid|tip/i.test(k))).toEqual([]);
  });

  it('when a client asks, then they see only their own open orders, upcoming jobs and unread notifications', async () => {
    t.clock.set(NOW);
    const mine = await takeOrder(admin, { clientId, lines: dry(1) });
    const before = await dashboard(client);
    await t.db.query(
      `INSERT INTO notifications (client_id, type, params, created_at, read_at) VALUES ($1, 'test.note', '{}', now(), NULL), ($1, 'test.note', '{}', now(), NULL),
              ($1, 'test.note', '{}', now(), now())`,
      [clientId],
    );
    const data = await dashboard(client);
    expect(data.view).toBe('client');
    expect(data.unreadNotifications - before.unreadNotifications).toBe(2);
    expect(data.openOrders.map((o: { orderNumber: string }) => o.orderNumber)).toContain(mine.orderNumber);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM laundry_orders WHERE status IN ('received', 'in_progress', 'ready') AND client_id <> $1`, [clientId]);
    expect(rows[0]!.n + data.openOrders.length).toBe(
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM laundry_orders WHERE status IN ('received', 'in_progress', 'ready')`)).rows[0]!.n,
    );
    expect(data.upcomingJobs.length).toBeGreaterThan(0);
    expect(data.upcomingJobs.every((j: { scheduledDate: string }) => j.scheduledDate >= '2025-06-15')).toBe(true);
    expect([...keysOf(data)].filter((k) => /cents|revenue|balance|outstanding/i.test(k))).toEqual([]);
  });
});
