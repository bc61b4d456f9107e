import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, cancelOrder, collectOrder, completeJob, demoClientId, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';
import { BALANCE_DRIFT_SQL, RECEIVABLES_DRIFT_SQL, REVENUE_DRIFT_SQL } from '../helpers/kept-amounts.js';

type Agent = ReturnType<typeof supertest.agent>;

/**
 * The balances stored on each order and job, and the monthly revenue summary, are kept by triggers
 * (migration kept_balances), and so is each client's receivables summary (migration client_receivables).
 * Whatever happens to payments and documents, they must equal what the rows themselves add up to.
 */
describe('kept balances and monthly revenue', () => {
  let t: TestApp;
  let admin: Agent;
  let services: Record<string, number>;
  let clientId: number;
  let propertyId: number;
  let workerOne: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    services = await serviceIds(t);
    clientId = await demoClientId(t);
    propertyId = await propertyOf(admin, clientId);
    workerOne = await workerId(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const pay = (body: Record<string, unknown>) => admin.post('/api/payments').send({ method: 'cash', ...body });
  const refund = (body: Record<string, unknown>) => admin.post('/api/payments/refunds').send({ method: 'cash', reason: 'Devolução', ...body });
  const voidRecord = (id: number) => admin.post(`/api/payments/${id}/void`).send({ reason: 'Registado por engano' });

  /** Documents whose stored paid/refunded/balance differ from the sums over their payment rows. */
  async function balanceDrift(): Promise<Array<{ line: string; id: number; stored: string; summed: string }>> {
    const { rows } = await t.db.query<{ line: string; id: number; stored: string; summed: string }>(
      BALANCE_DRIFT_SQL,
    );
    return rows.filter((r) => r.stored !== r.summed);
  }

  /** Months whose summary row differs from the accrued documents of that month (both directions). */
  async function revenueDrift(): Promise<unknown[]> {
    const { rows } = await t.db.query(
      REVENUE_DRIFT_SQL,
    );
    return rows;
  }

  /** The outstanding figures (ADR 0014) computed from every payment rather than from the kept balances. */
  async function outstandingFromPayments(): Promise<{ documents: number; balance: number }> {
    const kept = (column: string, id: string) =>
      `(SELECT COALESCE(sum(p.amount_cents - p.tip_cents) FILTER (WHERE p.kind = 'payment'), 0) - COALESCE(sum(p.amount_cents) FILTER (WHERE p.kind = 'refund'), 0)
          FROM payments p WHERE p.${column} = ${id} AND p.voided_at IS NULL)`;
    const { rows } = await t.db.query<{ documents: number; balance: number }>(
      `SELECT count(*) FILTER (WHERE d.balance > 0)::int AS documents, COALESCE(sum(d.balance), 0)::int AS balance FROM (
         SELECT o.total_cents - ${kept('laundry_order_id', 'o.id')} AS balance FROM laundry_orders o WHERE o.status <> 'cancelled'
         UNION ALL
         SELECT j.total_cents - ${kept('cleaning_job_id', 'j.id')} FROM cleaning_jobs j WHERE j.status = 'completed'
         UNION ALL
         SELECT -${kept('cleaning_job_id', 'j.id')} FROM cleaning_jobs j WHERE j.status IN ('scheduled', 'in_progress')) d`,
    );
    return rows[0]!;
  }

  async function expectConsistent() {
    expect(await balanceDrift()).toEqual([]);
    expect(await revenueDrift()).toEqual([]);
    expect((await t.db.query(RECEIVABLES_DRIFT_SQL)).rows).toEqual([]);
    const dash = (await admin.get('/api/dashboard')).body.data;
    const truth = await outstandingFromPayments();
    expect(dash.outstanding).toMatchObject({ documents: truth.documents, balanceCents: truth.balance });
  }

  it('when an order is paid, tipped, refunded, voided and repriced, then its stored balance always equals the sum over its payments', async () => {
    const o = await takeOrder(admin, { clientId, lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
    await expectConsistent();
    const first = await pay({ laundryOrderId: o.id, amountCents: 500 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    await expectConsistent();

    // Repricing an open order (a line added) changes what is owed, not what was kept.
    const added = await admin.post(`/api/laundry-orders/${o.id}/lines`).send({ version: o.version, serviceId: services.WASH_IRON, weightGrams: 5500 });
    expect(added.status).toBe(200);
    const total = added.body.data.totalCents as number;
    expect(total).toBeGreaterThan(o.totalCents);
    await expectConsistent();

    const rest = await pay({ laundryOrderId: o.id, amountCents: total - 500 + 250, asTip: true });
    expect(rest.body.data.payment.tipCents).toBe(250);
    const back = await refund({ laundryOrderId: o.id, amountCents: 300 });
    expect(back.status).toBe(201);
    await expectConsistent();
    const stored = await t.db.query(`SELECT paid_cents::int AS paid, refunded_cents::int AS refunded, balance_cents::int AS balance FROM laundry_orders WHERE id = $1`, [o.id]);
    expect(stored.rows[0]).toEqual({ paid: total, refunded: 300, balance: 300 });

    // Accrued and owing €3.00 after the refund: on the unpaid list, then off it once the refund is voided.
    await collectOrder(admin, o.id);
    await expectConsistent();
    const owing = (await admin.get('/api/dashboard')).body.data.outstanding.oldest as Array<{ id: number; balanceCents: number }>;
    expect(owing.find((d) => d.id === o.id)).toMatchObject({ balanceCents: 300 });
    expect((await voidRecord(back.body.data.payment.id)).status).toBe(200);
    await expectConsistent();
    expect(((await admin.get('/api/dashboard')).body.data.outstanding.oldest as Array<{ id: number }>).some((d) => d.id === o.id)).toBe(false);

    // Voiding the first payment puts €5.00 back on the balance.
    expect((await voidRecord(first.body.data.payment.id)).status).toBe(200);
    await expectConsistent();
    const again = await t.db.query(`SELECT paid_cents::int AS paid, refunded_cents::int AS refunded FROM laundry_orders WHERE id = $1`, [o.id]);
    expect(again.rows[0]).toEqual({ paid: total - 500, refunded: 0 });
  });

  it('when payments on the same and on different documents race, then exactly the stored ones are counted', async () => {
    const orders = await Promise.all(
      [1, 2, 3].map(() => takeOrder(admin, { clientId, lines: [{ serviceId: services.WASH_IRON, weightGrams: 5500 }, { serviceId: services.DRY_CLEAN, quantity: 2 }] })),
    );
    // €43.36 each: ten €10.00 payments race on each order, four fit.
    const results = await Promise.all(orders.flatMap((o) => Array.from({ length: 10 }, () => pay({ laundryOrderId: o.id, amountCents: 1000 }))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(12);
    await expectConsistent();
    const kept = await t.db.query(`SELECT paid_cents::int AS paid FROM laundry_orders WHERE id = ANY($1::bigint[]) ORDER BY id`, [orders.map((o) => o.id)]);
    expect(kept.rows).toEqual([{ paid: 4000 }, { paid: 4000 }, { paid: 4000 }]);

    // Voids and new payments at once on the same order: increments from concurrent writers add up.
    const ids = results.filter((r) => r.status === 201 && r.body.data.payment.laundryOrderId === orders[0]!.id).map((r) => r.body.data.payment.id as number);
    const mixed = await Promise.all([voidRecord(ids[0]!), voidRecord(ids[1]!), pay({ laundryOrderId: orders[0]!.id, amountCents: 336 }), refund({ laundryOrderId: orders[1]!.id, amountCents: 500 })]);
    expect(mixed.map((r) => r.status)).toEqual([200, 200, 201, 201]);
    await expectConsistent();
  });

  it('when a cleaning job takes a deposit, is completed, repriced and cancelled work is left out, then balances and monthly revenue stay exact', async () => {
    const job = await bookJob(admin, { clientId, propertyId, workerIds: [workerOne], scheduledDate: '2026-03-20' });
    const deposit = await pay({ cleaningJobId: job.id, amountCents: 2000 });
    expect(deposit.status).toBe(201);
    await expectConsistent();

    await completeJob(t, job.id, { at: '2026-03-20T12:00:00Z', billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
    await expectConsistent();
    // A correction after completion reprices the job (and moves it to another month).
    await t.db.query(`UPDATE cleaning_jobs SET subtotal_cents = 4500, vat_cents = 1035, total_cents = 5535, completed_at = '2026-04-01T09:00:00Z' WHERE id = $1`, [job.id]);
    await expectConsistent();
    const months = await t.db.query(`SELECT month, documents FROM revenue_months WHERE line = 'cleaning' AND month IN ('2026-03', '2026-04') ORDER BY month`);
    expect(months.rows).toContainEqual({ month: '2026-04', documents: 1 });

    await pay({ cleaningJobId: job.id, amountCents: 3535 });
    await expectConsistent();

    // A laundry order collected then cancelled in one statement's life leaves its month as it was.
    const o = await takeOrder(admin, { clientId, lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
    await collectOrder(admin, o.id);
    await expectConsistent();
    await t.db.query(`UPDATE laundry_orders SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'teste' WHERE id = $1`, [o.id]);
    await expectConsistent();
  });
  it('when random orders, jobs, payments, refunds, voids, cancellations and client moves follow each other, then every client\'s kept receivables equal the definition', async () => {
    const other = await admin.post('/api/clients').send({ phone: '966 700 311', name: 'Marta Queirós' });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const clients = [clientId, other.body.data.client.id as number];
    const otherProperty = await propertyOf(admin, clients[1]!);
    const orders: number[] = [];
    const jobs: number[] = [];
    const payments: number[] = [];
    const nth = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
    const recorded = (res: { status: number; body: { data?: { payment?: { id: number } } } }) => {
      if (res.status === 201 && res.body.data?.payment) payments.push(res.body.data.payment.id);
    };
    const operations = {
      order: async (i: number) => orders.push((await takeOrder(admin, { clientId: clients[i % 2], lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 + (i % 3) }] })).id),
      payOrder: async (i: number, cents: number) => recorded(await pay({ laundryOrderId: nth(orders, i), amountCents: cents })),
      refundOrder: async (i: number, cents: number) => recorded(await refund({ laundryOrderId: nth(orders, i), amountCents: cents })),
      collect: async (i: number) => collectOrder(admin, nth(orders, i)!),
      cancel: async (i: number) => cancelOrder(admin, nth(orders, i)!),
      job: async (i: number) => jobs.push((await bookJob(admin, { clientId: clients[i % 2]!, propertyId: i % 2 ? otherProperty : propertyId, workerIds: [workerOne] })).id),
      deposit: async (i: number, cents: number) => recorded(await pay({ cleaningJobId: nth(jobs, i), amountCents: cents })),
      complete: async (i: number, cents: number) => completeJob(t, nth(jobs, i)!, { at: '2026-03-12T15:00:00Z', billableMinutes: 120, subtotalCents: cents, vatCents: Math.round(cents * 0.23) }),
      void: async (i: number) => voidRecord(nth(payments, i)!),
      // A correction that moves a document to the other client (both clients' rows change in one statement).
      moveOrder: async (i: number) => t.db.query(`UPDATE laundry_orders SET client_id = CASE client_id WHEN $2::bigint THEN $3::bigint ELSE $2::bigint END WHERE id = $1`, [nth(orders, i), clients[0], clients[1]]),
      // A data correction touching many documents in one statement: every open job of both clients repriced.
      repriceJobs: async (_i: number, cents: number) => t.db.query(`UPDATE cleaning_jobs SET total_cents = $1 WHERE status = 'completed' AND client_id = ANY($2::bigint[])`, [cents, clients]),
    };
    type Name = keyof typeof operations;
    const step = fc.record({ op: fc.constantFrom(...(Object.keys(operations) as Name[])), pick: fc.nat(50), cents: fc.integer({ min: 1, max: 6000 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 12 }), async (steps) => {
        for (const s of steps) {
          // A step the workflow refuses (paying a cancelled order, collecting twice) changes nothing; the
          // invariant must hold whatever was accepted.
          await operations[s.op](s.pick, s.cents).catch(() => undefined);
        }
        expect((await t.db.query(RECEIVABLES_DRIFT_SQL)).rows).toEqual([]);
        expect(await balanceDrift()).toEqual([]);
      }),
      { numRuns: 6, seed: 20261206 },
    );
    // The sequences did move money: both clients' rows exist and the dashboard headline is their sum.
    const kept = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM client_receivables WHERE client_id = ANY($1::bigint[])`, [clients]);
    expect(kept.rows[0]!.n).toBe(2);
    await expectConsistent();
    // A document deleted (a booking entered twice, removed by hand) takes its contribution with it.
    const twice = await bookJob(admin, { clientId: clients[1]!, propertyId: otherProperty, workerIds: [workerOne] });
    await completeJob(t, twice.id, { at: '2026-03-12T15:00:00Z', billableMinutes: 60, subtotalCents: 2000, vatCents: 460 });
    const before = await admin.get(`/api/receivables/summary?clientId=${clients[1]}`);
    const removed = await t.db.query(`DELETE FROM cleaning_jobs WHERE id = $1`, [twice.id]);
    expect(removed.rowCount).toBe(1);
    const after = await admin.get(`/api/receivables/summary?clientId=${clients[1]}`);
    expect(before.body.data.balanceCents - after.body.data.balanceCents).toBe(2460);
    expect((await t.db.query(RECEIVABLES_DRIFT_SQL)).rows).toEqual([]);
  });
});
