import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { setBusiness } from '../helpers/business-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, cancelOrder, collectOrder, completeJob, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';
import { createClient, signedInClient } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;
interface Allocation {
  serviceLine: string;
  laundryOrderId: number | null;
  cleaningJobId: number | null;
  reference: string;
  amountCents: number;
  paymentId: number;
  voided: boolean;
}
interface ClientPayment {
  id: number;
  number: string;
  clientId: number;
  amountCents: number;
  keptCents: number;
  method: string;
  paidAt: string;
  notes: string | null;
  allocations: Allocation[];
}

const binary = (res: supertest.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

function pdfToText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `client-payment-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/**
 * One payment of a client across several open documents (issue 19 §3): allocated oldest accrual first
 * or as asked, refused with a stable code when it does not fit, one transaction with the documents
 * locked, one receipt PAG-YYYY-MM-####, and every view of the account agreeing to the cent afterwards.
 */
describe('client payments across documents', () => {
  let t: TestApp;
  let admin: Agent;
  let mine: Agent;
  let other: Agent;
  let mineId: number;
  let otherId: number;
  /** Collected 1 Sep (oldest accrual), collected 5 Sep, ready (not collected), cancelled; the other client's. */
  let o1: { id: number; orderNumber: string; totalCents: number };
  let o2: { id: number; orderNumber: string; totalCents: number };
  let o3: { id: number; orderNumber: string; totalCents: number };
  let cancelledId: number;
  let othersOrder: { id: number; orderNumber: string; totalCents: number };
  /** Completed 3 Sep, 3690 with 1000 paid. */
  let jobId: number;
  let oldestFirst: ClientPayment;

  const url = () => `/api/clients/${mineId}/payments`;
  const pay = (body: Record<string, unknown>, clientId = mineId) => admin.post(`/api/clients/${clientId}/payments`).send({ method: 'transfer', ...body });
  const outstanding = async () => (await admin.get(`/api/clients/${mineId}/account`)).body.data.balance.balanceCents as number;
  const openDocuments = async () =>
    (await admin.get(`/api/clients/${mineId}/account/documents`).query({ open: 'true', limit: 50 })).body.data as { reference: string; outstandingCents: number }[];
  const count = async () => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM client_payments`)).rows[0]!.n);

  async function expectAgreement() {
    const account = (await admin.get(`/api/clients/${mineId}/account`)).body.data;
    const receivables = (await admin.get('/api/receivables/summary').query({ clientId: mineId })).body.data;
    const month = new Date(t.clock.now()).toISOString().slice(0, 7);
    const statement = (await admin.get(`/api/clients/${mineId}/statements/${month}`).query({ format: 'json' })).body.data;
    expect(account.balance).toEqual(receivables);
    expect(statement.closingBalanceCents).toBe(receivables.balanceCents);
    expect(statement.closing).toMatchObject({ accruedCents: receivables.accruedCents, inProgressCents: receivables.inProgressCents, creditCents: receivables.creditCents });
    const documents = (await admin.get(`/api/clients/${mineId}/account/documents`).query({ limit: 50 })).body.data as { outstandingCents: number }[];
    expect(documents.reduce((s, d) => s + d.outstandingCents, 0)).toBe(receivables.balanceCents);
    return { account, receivables, statement };
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2025-09-01T09:00:00Z');
    admin = await t.signIn('admin');
    const master = await t.signIn('master');
    await setBusiness(master, { name: 'Lavandaria da Prata', legalName: 'Lavandaria da Prata, Lda.', nif: '509999999' });
    const services = await serviceIds(t);
    const dry = (quantity: number) => [{ serviceId: services.DRY_CLEAN, quantity }];
    const me = await signedInClient(t, admin, { name: 'Cliente dos Pagamentos' });
    mine = me.agent;
    mineId = me.client.id;
    const them = await signedInClient(t, admin, { name: 'Outro Pagador' });
    other = them.agent;
    otherId = them.client.id;

    o3 = await takeOrder(admin, { clientId: mineId, lines: dry(1) });
    await admin.post(`/api/laundry-orders/${o3.id}/status`).send({ status: 'in_progress' }).expect(200);
    await admin.post(`/api/laundry-orders/${o3.id}/mark-ready`).send({}).expect(200);
    o1 = await takeOrder(admin, { clientId: mineId, lines: dry(2) });
    await collectOrder(admin, o1.id);
    const cancelled = await takeOrder(admin, { clientId: mineId, lines: dry(4) });
    cancelledId = cancelled.id;
    await cancelOrder(admin, cancelled.id);

    const propertyId = await propertyOf(admin, mineId);
    const w = await workerId(t);
    const job = await bookJob(admin, { clientId: mineId, propertyId, workerIds: [w], scheduledDate: '2025-09-03' });
    await completeJob(t, job.id, { at: '2025-09-03T12:00:00Z', billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
    jobId = job.id;
    const booked = await bookJob(admin, { clientId: mineId, propertyId, workerIds: [w], scheduledDate: '2025-10-20' });
    await admin.post('/api/payments').send({ cleaningJobId: booked.id, amountCents: 2000, method: 'cash' }).expect(201);

    t.clock.set('2025-09-05T09:00:00Z');
    admin = await t.signIn('admin');
    await admin.post('/api/payments').send({ cleaningJobId: job.id, amountCents: 1000, method: 'cash' }).expect(201);
    o2 = await takeOrder(admin, { clientId: mineId, lines: dry(3) });
    await collectOrder(admin, o2.id);

    othersOrder = await takeOrder(admin, { clientId: otherId, lines: dry(5) });
    await collectOrder(admin, othersOrder.id);
    t.clock.set('2025-09-10T09:00:00Z');
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('when a payment does not fit, then it is refused with a stable code and nothing is recorded', async () => {
    const before = await outstanding();
    const expectCode = async (res: supertest.Response, status: number, code: string) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      return res.body.error;
    };

    await expectCode(await pay({ amountCents: 1000, allocations: [{ laundryOrderId: o1.id, amountCents: 600 }] }), 400, 'ALLOCATION_MISMATCH');
    const exceeds = await expectCode(
      await pay({ amountCents: o1.totalCents + 1, allocations: [{ laundryOrderId: o1.id, amountCents: o1.totalCents + 1 }] }),
      400,
      'ALLOCATION_EXCEEDS_OUTSTANDING',
    );
    expect(exceeds.details).toMatchObject({ reference: o1.orderNumber, outstandingCents: o1.totalCents });
    // The job owes 3690 − 1000.
    await expectCode(await pay({ amountCents: 2691, allocations: [{ cleaningJobId: jobId, amountCents: 2691 }] }), 400, 'ALLOCATION_EXCEEDS_OUTSTANDING');

    const owed = (await openDocuments()).reduce((s, d) => s + d.outstandingCents, 0);
    const tooMuch = await expectCode(await pay({ amountCents: owed + 1 }), 400, 'PAYMENT_EXCEEDS_BALANCE');
    expect(tooMuch.details).toMatchObject({ balanceCents: owed });

    // Another client's order, one that does not exist, a cancelled one: not a document of this client.
    for (const target of [{ laundryOrderId: othersOrder.id }, { laundryOrderId: 99_999_999 }, { laundryOrderId: cancelledId }, { cleaningJobId: 99_999_999 }]) {
      const refused = await expectCode(await pay({ amountCents: 100, allocations: [{ ...target, amountCents: 100 }] }), 400, 'UNKNOWN_DOCUMENT');
      expect(refused.details).toMatchObject({ id: Object.values(target)[0] });
    }
    // A client who owes nothing.
    const fresh = await createClient(admin);
    await expectCode(await pay({ amountCents: 100 }, fresh.client.id), 400, 'NOTHING_OWED');
    await expectCode(await pay({ amountCents: 100 }, 99_999_999), 404, 'NOT_FOUND');

    // Shapes: both targets, no target, the same document twice, an unknown field, a zero amount, a future date.
    for (const body of [
      { amountCents: 100, allocations: [{ laundryOrderId: o1.id, cleaningJobId: jobId, amountCents: 100 }] },
      { amountCents: 100, allocations: [{ amountCents: 100 }] },
      { amountCents: 200, allocations: [{ laundryOrderId: o1.id, amountCents: 100 }, { laundryOrderId: o1.id, amountCents: 100 }] },
      { amountCents: 100, tip: true },
      { amountCents: 0 },
      { amountCents: 100, method: 'cheque' },
    ]) {
      await expectCode(await pay(body), 400, 'VALIDATION_FAILED');
    }
    await expectCode(await pay({ amountCents: 100, paidAt: '2025-09-20T10:00:00Z' }), 400, 'PAID_AT_IN_FUTURE');

    expect(await count()).toBe(0);
    expect(await outstanding()).toBe(before);
  });

  it('when no allocation is given, then the money goes to the oldest accrual first, and each part is an ordinary payment', async () => {
    const before = await outstanding();
    const res = await pay({ amountCents: o1.totalCents + 500, method: 'mbway', notes: 'Pagamento de setembro' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    oldestFirst = res.body.data.clientPayment;
    expect(oldestFirst).toMatchObject({ number: 'PAG-2025-09-0001', clientId: mineId, amountCents: o1.totalCents + 500, keptCents: o1.totalCents + 500, method: 'mbway' });
    expect(oldestFirst.allocations.map((a) => [a.reference, a.amountCents])).toEqual([
      [o1.orderNumber, o1.totalCents],
      [`CLN-${jobId}`, 500],
    ]);
    expect(oldestFirst.allocations[0]).toMatchObject({ serviceLine: 'laundry', laundryOrderId: o1.id, cleaningJobId: null, voided: false });
    expect(oldestFirst.allocations[1]).toMatchObject({ serviceLine: 'cleaning', laundryOrderId: null, cleaningJobId: jobId });

    for (const a of oldestFirst.allocations) {
      const p = (await admin.get(`/api/payments/${a.paymentId}`)).body.data;
      expect(p).toMatchObject({ kind: 'payment', amountCents: a.amountCents, tipCents: 0, method: 'mbway', paidAt: oldestFirst.paidAt, voided: false, clientPaymentId: oldestFirst.id });
    }
    // The job's own payment history shows both its payments, the earlier one made alone.
    const history = (await admin.get(`/api/cleaning-jobs/${jobId}`)).body.data.payments.history as { amountCents: number; clientPaymentId: number | null }[];
    expect(history.map((h) => [h.amountCents, h.clientPaymentId])).toEqual([
      [1000, null],
      [500, oldestFirst.id],
    ]);
    expect(await outstanding()).toBe(before - o1.totalCents - 500);
    expect((await admin.get(`/api/laundry-orders/${o1.id}`)).body.data.paymentStatus).toBe('paid');

    // Audited like other payments: each part, and the payment as a whole.
    const { rows } = await t.db.query<{ entity: string; entity_id: string }>(
      `SELECT entity, entity_id FROM audit_log WHERE action = 'create' AND entity IN ('payment', 'client_payment') AND (entity_id = ANY($1::text[]) OR entity = 'client_payment')`,
      [oldestFirst.allocations.map((a) => String(a.paymentId))],
    );
    expect(rows.filter((r) => r.entity === 'payment')).toHaveLength(2);
    expect(rows.filter((r) => r.entity === 'client_payment').map((r) => r.entity_id)).toEqual([String(oldestFirst.id)]);
    await expectAgreement();
  });

  it('when allocations are given, then each document gets exactly its part', async () => {
    const res = await pay({ amountCents: 700, method: 'cash', allocations: [{ laundryOrderId: o3.id, amountCents: 200 }, { laundryOrderId: o2.id, amountCents: 500 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const cp = res.body.data.clientPayment as ClientPayment;
    expect(cp.number).toBe('PAG-2025-09-0002');
    expect(cp.allocations.map((a) => [a.reference, a.amountCents]).sort()).toEqual(
      [
        [o3.orderNumber, 200],
        [o2.orderNumber, 500],
      ].sort(),
    );
    const docs = await openDocuments();
    expect(docs.find((d) => d.reference === o3.orderNumber)?.outstandingCents).toBe(o3.totalCents - 200);
    expect(docs.find((d) => d.reference === o2.orderNumber)?.outstandingCents).toBe(o2.totalCents - 500);
    expect((await admin.get(`/api/laundry-orders/${o2.id}`)).body.data.paymentStatus).toBe('partial');
    await expectAgreement();
  });

  it('when the same Idempotency-Key is sent twice, then one payment is recorded and the first answer replayed', async () => {
    const before = await count();
    const key = 'client-payment-retry-0001';
    const body = { amountCents: 100, method: 'card', allocations: [{ cleaningJobId: jobId, amountCents: 100 }] };
    const first = await admin.post(url()).set('Idempotency-Key', key).send(body);
    const again = await admin.post(url()).set('Idempotency-Key', key).send(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.data.clientPayment.id).toBe(first.body.data.clientPayment.id);
    expect(await count()).toBe(before + 1);
    const parts = await t.db.query(`SELECT 1 FROM payments WHERE client_payment_id = $1`, [first.body.data.clientPayment.id]);
    expect(parts.rowCount).toBe(1);
  });

  it('when two payments arrive at once and together exceed what is owed, then one is recorded and the other refused', async () => {
    // The same document asked for in full twice at once (other documents still owe).
    const before = await count();
    const left = await openDocuments();
    expect(left.length).toBeGreaterThan(1);
    const owedOnO2 = left.find((d) => d.reference === o2.orderNumber)!.outstandingCents;
    const both = await Promise.all([0, 1].map(() => pay({ amountCents: owedOnO2, allocations: [{ laundryOrderId: o2.id, amountCents: owedOnO2 }] })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 400]);
    const refused = both.find((r) => r.status === 400)!.body.error;
    expect(refused.code).toBe('ALLOCATION_EXCEEDS_OUTSTANDING');
    expect(refused.details).toMatchObject({ reference: o2.orderNumber, outstandingCents: 0 });
    expect(await count()).toBe(before + 1);

    // Oldest first, two at once whose sum is above what is owed.
    const owed = (await openDocuments()).reduce((s, d) => s + d.outstandingCents, 0);
    const [a, b] = await Promise.all([pay({ amountCents: owed - 100 }), pay({ amountCents: 200 })]);
    expect([a.status, b.status].sort()).toEqual([201, 400]);
    expect([a, b].find((r) => r.status === 400)!.body.error.code).toBe('PAYMENT_EXCEEDS_BALANCE');
    expect(await count()).toBe(before + 2);
    const docs = (await admin.get(`/api/clients/${mineId}/account/documents`).query({ limit: 50 })).body.data as { status: string; outstandingCents: number }[];
    // No accrued document paid above its total.
    expect(docs.filter((d) => d.status !== 'scheduled').every((d) => d.outstandingCents >= 0)).toBe(true);
    const { statement } = await expectAgreement();
    expect(statement.closingBalanceCents).toBe(await outstanding());
  });

  it('when the receipt is downloaded, then it names the business, the client, the method and every document paid', async () => {
    const res = await admin.get(`/api/client-payments/${oldestFirst.id}/pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfToText(res.body as Buffer);
    expect(text).toContain('RECIBO DE PAGAMENTO');
    expect(text).toContain('PAG-2025-09-0001');
    expect(text).toContain('Cliente dos Pagamentos');
    expect(text).toContain('MB WAY');
    expect(text).toContain(o1.orderNumber);
    expect(text).toContain(`CLN-${jobId}`);
    expect(text).toContain('Lavandaria da Prata, Lda.');
    expect(text).toContain('509999999');

    expect((await mine.get(`/api/client-payments/${oldestFirst.id}/pdf`).buffer(true).parse(binary)).status).toBe(200);
    expect((await other.get(`/api/client-payments/${oldestFirst.id}/pdf`)).status).toBe(404);
    expect((await other.get(`/api/client-payments/${oldestFirst.id}`)).status).toBe(404);
    expect((await admin.get('/api/client-payments/99999999/pdf')).status).toBe(404);
  });

  it('when the payments are listed, then staff and the client see them newest first with their allocations; another client sees none', async () => {
    const staff = await admin.get(url()).query({ limit: 2 });
    expect(staff.status).toBe(200);
    expect(staff.body._meta).toMatchObject({ limit: 2, count: 2 });
    const all = (await admin.get(url()).query({ limit: 50 })).body.data as ClientPayment[];
    expect(all.length).toBe(await count());
    expect(all.at(-1)!.id).toBe(oldestFirst.id);
    expect(all.map((p) => p.number)).toEqual([...all.map((p) => p.number)].sort().reverse());
    expect(all.find((p) => p.id === oldestFirst.id)!.allocations).toEqual(oldestFirst.allocations);

    const own = (await mine.get('/api/account/payments').query({ limit: 50 })).body.data as ClientPayment[];
    expect(own).toEqual(all);
    expect((await other.get('/api/account/payments')).body.data).toEqual([]);
    expect((await admin.get('/api/clients/99999999/payments')).status).toBe(404);
  });

  it('when one part is voided through the payment void route, then the account moves back by that part and the payment shows it voided', async () => {
    const before = await outstanding();
    const part = oldestFirst.allocations[1]!;
    const voided = await admin.post(`/api/payments/${part.paymentId}/void`).send({ reason: 'Registo errado' });
    expect(voided.status).toBe(200);
    expect(await outstanding()).toBe(before + part.amountCents);
    const after = (await admin.get(`/api/client-payments/${oldestFirst.id}`)).body.data as ClientPayment;
    expect(after.amountCents).toBe(oldestFirst.amountCents);
    expect(after.keptCents).toBe(oldestFirst.amountCents - part.amountCents);
    expect(after.allocations.map((a) => a.voided)).toEqual([false, true]);
    const text = pdfToText((await admin.get(`/api/client-payments/${oldestFirst.id}/pdf`).buffer(true).parse(binary)).body as Buffer);
    expect(text).toMatch(/anulado/);
    await expectAgreement();
  });
});
