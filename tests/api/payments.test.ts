import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, cancelOrder, completeJob, demoClientId, keysOf, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('payments', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let client: Agent;
  let services: Record<string, number>;
  let clientId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    services = await serviceIds(t);
    clientId = await demoClientId(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** 5.5 kg wash + iron and two dry-cleaned suits: €43.36 with VAT. */
  const order = () =>
    takeOrder(admin, {
      clientId,
      lines: [
        { serviceId: services.WASH_IRON, weightGrams: 5500 },
        { serviceId: services.DRY_CLEAN, quantity: 2 },
      ],
    });
  const pay = (body: Record<string, unknown>) => admin.post('/api/payments').send({ method: 'cash', ...body });

  describe('recording against an order', () => {
    it('when an order is paid in two parts, then its status goes pending → partial → paid and the detail shows the history', async () => {
      const o = await order();
      const fresh = await admin.get(`/api/laundry-orders/${o.id}`);
      expect(fresh.body.data.payments).toMatchObject({ status: 'pending', basis: 'total', dueCents: 4336, paidCents: 0, balanceCents: 4336, history: [], receipt: null });

      const first = await pay({ laundryOrderId: o.id, amountCents: 2000, method: 'mbway', notes: 'Sinal' });
      expect(first.status).toBe(201);
      expect(first.body.data.payment).toMatchObject({ kind: 'payment', amountCents: 2000, tipCents: 0, method: 'mbway', reference: o.orderNumber, serviceLine: 'laundry', voided: false });
      expect(first.body.data.summary).toMatchObject({ status: 'partial', paidCents: 2000, balanceCents: 2336 });

      const rest = await pay({ laundryOrderId: o.id, amountCents: 2336, method: 'card' });
      expect(rest.body.data.summary).toMatchObject({ status: 'paid', paidCents: 4336, balanceCents: 0 });

      const detail = await admin.get(`/api/laundry-orders/${o.id}`);
      expect(detail.body.data.payments.status).toBe('paid');
      expect(detail.body.data.payments.history.map((p: { amountCents: number }) => p.amountCents)).toEqual([2000, 2336]);
      const stored = await t.db.query(`SELECT count(*)::int AS n FROM payments WHERE laundry_order_id = $1`, [o.id]);
      expect(stored.rows[0]).toEqual({ n: 2 });
    });

    it('when a payment is above the balance, then 409 PAYMENT_EXCEEDS_BALANCE with the balance; as a tip the excess is kept apart', async () => {
      const o = await order();
      await pay({ laundryOrderId: o.id, amountCents: 4000 });
      const over = await pay({ laundryOrderId: o.id, amountCents: 500 });
      expect(over.status).toBe(409);
      expect(over.body.error).toMatchObject({ code: 'PAYMENT_EXCEEDS_BALANCE', details: { balanceCents: 336 } });

      const tip = await pay({ laundryOrderId: o.id, amountCents: 500, asTip: true });
      expect(tip.status).toBe(201);
      expect(tip.body.data.payment).toMatchObject({ amountCents: 500, tipCents: 164 });
      expect(tip.body.data.summary).toMatchObject({ status: 'paid', paidCents: 4336, tipCents: 164, balanceCents: 0 });
    });

    it('when the order was cancelled, then a payment is 409 ORDER_CANCELLED and nothing is stored', async () => {
      const o = await order();
      await cancelOrder(admin, o.id);
      const res = await pay({ laundryOrderId: o.id, amountCents: 100 });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('ORDER_CANCELLED');
      const stored = await t.db.query(`SELECT count(*)::int AS n FROM payments WHERE laundry_order_id = $1`, [o.id]);
      expect(stored.rows[0]).toEqual({ n: 0 });
    });

    it('when two payments that together exceed the balance arrive at once, then exactly one passes', async () => {
      const o = await order();
      const results = await Promise.all([pay({ laundryOrderId: o.id, amountCents: 3000 }), pay({ laundryOrderId: o.id, amountCents: 3000 })]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const { rows } = await t.db.query<{ sum: number }>(`SELECT sum(amount_cents)::int AS sum FROM payments WHERE laundry_order_id = $1`, [o.id]);
      expect(rows[0]!.sum).toBe(3000);
    });

    it('when ten small payments race for the last euros, then the sum never passes the total', async () => {
      const o = await order();
      const results = await Promise.all(Array.from({ length: 10 }, () => pay({ laundryOrderId: o.id, amountCents: 1000 })));
      expect(results.filter((r) => r.status === 201)).toHaveLength(4);
      const detail = await admin.get(`/api/laundry-orders/${o.id}`);
      expect(detail.body.data.payments).toMatchObject({ paidCents: 4000, balanceCents: 336, status: 'partial' });
    });

    it('when the same Idempotency-Key is retried, then one payment exists and the first answer is replayed', async () => {
      const o = await order();
      const key = 'payment-retry-0001';
      const first = await admin.post('/api/payments').set('Idempotency-Key', key).send({ laundryOrderId: o.id, amountCents: 1000, method: 'cash' });
      const again = await admin.post('/api/payments').set('Idempotency-Key', key).send({ laundryOrderId: o.id, amountCents: 1000, method: 'cash' });
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.data.payment.id).toBe(first.body.data.payment.id);
      const stored = await t.db.query(`SELECT count(*)::int AS n FROM payments WHERE laundry_order_id = $1`, [o.id]);
      expect(stored.rows[0]).toEqual({ n: 1 });
    });
  });

  describe('refunds and voids', () => {
    it('when money is refunded, then it is its own record and the balance shows it', async () => {
      const o = await order();
      await pay({ laundryOrderId: o.id, amountCents: 4336 });
      const refund = await admin.post('/api/payments/refunds').send({ laundryOrderId: o.id, amountCents: 800, method: 'cash', reason: 'Peça danificada' });
      expect(refund.status).toBe(201);
      expect(refund.body.data.payment).toMatchObject({ kind: 'refund', amountCents: 800, reason: 'Peça danificada' });
      expect(refund.body.data.summary).toMatchObject({ status: 'partial', paidCents: 4336, refundedCents: 800, balanceCents: 800 });
      const rows = await t.db.query<{ kind: string }>(`SELECT kind FROM payments WHERE laundry_order_id = $1 ORDER BY id`, [o.id]);
      expect(rows.rows.map((r) => r.kind)).toEqual(['payment', 'refund']);
    });

    it('when a refund is above what was paid, then 409 REFUND_EXCEEDS_PAID', async () => {
      const o = await order();
      await pay({ laundryOrderId: o.id, amountCents: 1000 });
      const res = await admin.post('/api/payments/refunds').send({ laundryOrderId: o.id, amountCents: 1001, method: 'cash', reason: 'Engano' });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'REFUND_EXCEEDS_PAID', details: { refundableCents: 1000 } });
    });

    it('when a payment is voided with a reason, then it stops counting, stays listed and the audit log has the reason', async () => {
      const o = await order();
      const p = (await pay({ laundryOrderId: o.id, amountCents: 1500 })).body.data.payment;
      const voided = await admin.post(`/api/payments/${p.id}/void`).send({ reason: 'Registado na encomenda errada' });
      expect(voided.status).toBe(200);
      expect(voided.body.data.payment).toMatchObject({ voided: true, voidReason: 'Registado na encomenda errada', voidedBy: { name: 'Ricardo Almeida' } });
      expect(voided.body.data.summary).toMatchObject({ status: 'pending', paidCents: 0, balanceCents: 4336 });
      const again = await admin.post(`/api/payments/${p.id}/void`).send({ reason: 'outra vez' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_VOIDED');
      const audit = await t.db.query<{ action: string; after: { voidReason: string } }>(
        `SELECT action, after FROM audit_log WHERE entity = 'payment' AND entity_id = $1 ORDER BY id`,
        [String(p.id)],
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['create', 'void']);
      expect(audit.rows[1]!.after.voidReason).toBe('Registado na encomenda errada');
      const stillThere = await admin.get(`/api/payments/${p.id}`);
      expect(stillThere.body.data.voided).toBe(true);
    });

    it('when voiding a payment would leave more refunded than paid, then 409 REFUNDS_EXCEED_PAYMENTS', async () => {
      const o = await order();
      const p = (await pay({ laundryOrderId: o.id, amountCents: 1500 })).body.data.payment;
      await admin.post('/api/payments/refunds').send({ laundryOrderId: o.id, amountCents: 500, method: 'cash', reason: 'Desconto dado depois' });
      const res = await admin.post(`/api/payments/${p.id}/void`).send({ reason: 'Engano' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('REFUNDS_EXCEED_PAYMENTS');
    });

    it('when a void has no reason, then 400 with the field named', async () => {
      const o = await order();
      const p = (await pay({ laundryOrderId: o.id, amountCents: 100 })).body.data.payment;
      const res = await admin.post(`/api/payments/${p.id}/void`).send({});
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('body.reason');
    });
  });

  describe('cleaning jobs', () => {
    it('when a scheduled job takes a deposit, then it is measured against the estimate and the job is partial until completed and paid', async () => {
      const propertyId = await propertyOf(admin, clientId);
      const job = await bookJob(admin, { clientId, propertyId, workerIds: [await workerId(t)], estimatedHours: 2, hourlyRateCents: 1500 });
      // Estimate: 2 h × 1 worker × €15 = €30 + 23 % = €36.90.
      const over = await pay({ cleaningJobId: job.id, amountCents: 3691 });
      expect(over.status).toBe(409);
      expect(over.body.error.details).toMatchObject({ balanceCents: 3690, basis: 'estimate' });
      const deposit = await pay({ cleaningJobId: job.id, amountCents: 3690, method: 'transfer' });
      expect(deposit.status).toBe(201);
      expect(deposit.body.data.summary).toMatchObject({ status: 'partial', basis: 'estimate', dueCents: 3690, balanceCents: 0 });

      await completeJob(t, job.id, { at: '2026-03-12T13:00:00Z', billableMinutes: 150, subtotalCents: 3750, vatCents: 863 });
      const rest = await pay({ cleaningJobId: job.id, amountCents: 923 });
      expect(rest.body.data.summary).toMatchObject({ status: 'paid', basis: 'total', dueCents: 4613, paidCents: 4613, balanceCents: 0 });
    });

    it('when staff open a job with a deposit, then its detail carries the payments block; the client and the worker get none', async () => {
      const propertyId = await propertyOf(admin, clientId);
      const worker1 = await workerId(t);
      const job = await bookJob(admin, { clientId, propertyId, workerIds: [worker1], estimatedHours: 2, hourlyRateCents: 1500 });
      const deposit = await pay({ cleaningJobId: job.id, amountCents: 1000, method: 'mbway', notes: 'Sinal' });
      expect(deposit.status).toBe(201);

      const staff = (await admin.get(`/api/cleaning-jobs/${job.id}`)).body.data;
      expect(staff.payments).toMatchObject({ status: 'partial', basis: 'estimate', dueCents: 3690, paidCents: 1000, balanceCents: 2690, receipt: null });
      expect(staff.payments.history).toEqual([expect.objectContaining({ amountCents: 1000, method: 'mbway', notes: 'Sinal', voided: false })]);
      // The list stays light: no payments block per row.
      const list = (await admin.get(`/api/cleaning-jobs?clientId=${clientId}&limit=100`)).body.data as Array<{ id: number; payments?: unknown }>;
      expect(list.find((j) => j.id === job.id)).not.toHaveProperty('payments');

      const mine = await client.get(`/api/cleaning-jobs/${job.id}`);
      expect(mine.status).toBe(200);
      expect(mine.body.data).not.toHaveProperty('payments');
      const theirs = await worker.get(`/api/cleaning-jobs/${job.id}`);
      expect(theirs.status).toBe(200);
      expect(theirs.body.data).not.toHaveProperty('payments');
    });

    it('when the job was cancelled, then a payment is 409 JOB_CANCELLED', async () => {
      const propertyId = await propertyOf(admin, clientId);
      const job = await bookJob(admin, { clientId, propertyId, workerIds: [await workerId(t)] });
      const cancel = await admin.post(`/api/cleaning-jobs/${job.id}/cancel`).send({ reason: 'Cliente cancelou' });
      expect(cancel.status).toBe(200);
      const res = await pay({ cleaningJobId: job.id, amountCents: 100 });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('JOB_CANCELLED');
    });
  });

  describe('bad input and access', () => {
    it.each([
      ['a zero amount', { amountCents: 0 }],
      ['a negative amount', { amountCents: -100 }],
      ['fractional cents', { amountCents: 10.5 }],
      ['an unknown method', { amountCents: 100, method: 'bitcoin' }],
      ['an absurd amount', { amountCents: 100_000_001 }],
      ['both an order and a job', { amountCents: 100, cleaningJobId: 1 }],
      ['an unknown field', { amountCents: 100, status: 'paid' }],
      ['a date without a zone', { amountCents: 100, paidAt: '2026-03-10 10:00' }],
    ])('when a payment has %s, then 400 VALIDATION_FAILED', async (_label, patch) => {
      const o = await order();
      const res = await pay({ laundryOrderId: o.id, ...patch });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('when the payment date is in the future, then 400 PAID_AT_IN_FUTURE', async () => {
      const o = await order();
      const res = await pay({ laundryOrderId: o.id, amountCents: 100, paidAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString() });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('PAID_AT_IN_FUTURE');
    });

    it('when the order does not exist, then 400 UNKNOWN_ORDER', async () => {
      const res = await pay({ laundryOrderId: 999999, amountCents: 100 });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('UNKNOWN_ORDER');
    });

    it('when a worker or client touches payments, then 403; a worker reading an order sees no payments block', async () => {
      const o = await order();
      await pay({ laundryOrderId: o.id, amountCents: 100 });
      expect((await worker.post('/api/payments').send({ laundryOrderId: o.id, amountCents: 1, method: 'cash' })).status).toBe(403);
      expect((await worker.get('/api/payments')).status).toBe(403);
      expect((await client.get('/api/payments')).status).toBe(403);
      const asWorker = await worker.get(`/api/laundry-orders/${o.id}`);
      expect(asWorker.status).toBe(200);
      expect([...keysOf(asWorker.body.data)].filter((k) => /payments|cents|balance/i.test(k))).toEqual([]);
      const asClient = await client.get(`/api/laundry-orders/${o.id}`);
      expect(keysOf(asClient.body.data).has('payments')).toBe(false);
    });
  });

  describe('list and totals', () => {
    it('when the list is filtered by method, service line and dates, then only matching records come back and the totals agree', async () => {
      t.clock.set('2026-02-10T12:00:00Z');
      try {
        const o = await order();
        await pay({ laundryOrderId: o.id, amountCents: 1111, method: 'mbway', paidAt: '2026-02-03T10:00:00Z' });
        await pay({ laundryOrderId: o.id, amountCents: 2222, method: 'card', paidAt: '2026-02-04T10:00:00Z' });
        await admin.post('/api/payments/refunds').send({ laundryOrderId: o.id, amountCents: 111, method: 'mbway', reason: 'Acerto', paidAt: '2026-02-05T10:00:00Z' });

        const list = await admin.get('/api/payments').query({ method: 'mbway', serviceLine: 'laundry', from: '2026-02-01', to: '2026-02-28', sort: 'paidAt' });
        expect(list.status).toBe(200);
        expect(list.body.data.map((p: { kind: string; amountCents: number }) => [p.kind, p.amountCents])).toEqual([
          ['payment', 1111],
          ['refund', 111],
        ]);
        const totals = await admin.get('/api/payments/totals').query({ from: '2026-02-01', to: '2026-02-28' });
        expect(totals.body.data).toMatchObject({ count: 3, paymentsCents: 3333, refundsCents: 111, netCents: 3222 });
        expect(totals.body.data.byMethod).toEqual([
          { method: 'card', paymentsCents: 2222, refundsCents: 0, netCents: 2222 },
          { method: 'mbway', paymentsCents: 1111, refundsCents: 111, netCents: 1000 },
        ]);
      } finally {
        t.clock.set(new Date());
      }
    });

    it('when a Lisbon day is asked for, then a payment at 23:30 UTC in summer belongs to the next day', async () => {
      t.clock.set('2026-07-20T12:00:00Z');
      try {
        const o = await order();
        await pay({ laundryOrderId: o.id, amountCents: 4242, paidAt: '2026-07-14T23:30:00Z' });
        const on14 = await admin.get('/api/payments').query({ from: '2026-07-14', to: '2026-07-14' });
        const on15 = await admin.get('/api/payments').query({ from: '2026-07-15', to: '2026-07-15' });
        expect(on14.body.data.map((p: { amountCents: number }) => p.amountCents)).not.toContain(4242);
        expect(on15.body.data.map((p: { amountCents: number }) => p.amountCents)).toContain(4242);
      } finally {
        t.clock.set(new Date());
      }
    });

    it('when the range ends before it starts or a month is 13, then 400', async () => {
      expect((await admin.get('/api/payments').query({ from: '2026-03-10', to: '2026-03-01' })).status).toBe(400);
      expect((await admin.get('/api/payments').query({ month: '2026-13' })).status).toBe(400);
      expect((await admin.get('/api/payments/totals').query({ from: '2026-02-30' })).status).toBe(400);
    });
  });
});
