import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, cancelOrder, collectOrder, completeJob, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';
import { NEW_PASSWORD, signedInClient } from '../helpers/people-fixtures.js';
import supertestAgent from 'supertest';

type Agent = ReturnType<typeof supertest.agent>;

const binary = (res: supertest.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The text of a PDF as poppler reads it (what a person sees on the page). */
function pdfToText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `statement-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/**
 * A client's account and monthly statements (issue 19) on one fixture with every kind of document: the
 * account, the dashboard's receivables and the statement agree to the cent, and a month that is over
 * keeps its statement (JSON, PDF text and bytes) whatever happens afterwards.
 */
describe('client accounts and statements', () => {
  let t: TestApp;
  let admin: Agent;
  let mine: Agent;
  let other: Agent;
  let worker: Agent;
  let mineId: number;
  let otherId: number;
  let ready: { id: number; totalCents: number };
  let collected: { id: number; totalCents: number };
  let bookedId: number;
  let partialPaymentId: number;

  const pay = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/payments').send({ method: 'cash', ...body });
    if (res.status !== 201) throw new Error(`payment failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.payment.id as number;
  };
  const statementJson = async (agent: Agent, url: string) => {
    const res = await agent.get(url).query({ format: 'json' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data;
  };
  const statementPdf = async (agent: Agent, url: string) => {
    const res = await agent.get(url).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };
  let phones: { mine: string; other: string };
  /** Moves the clock (days pass, sessions end) and signs everyone in again. */
  async function moveClock(to: string) {
    t.clock.set(to);
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    const login = async (phone: string) => {
      const agent = supertestAgent.agent(t.app);
      const res = await agent.post('/api/auth/login/client').send({ phone, password: NEW_PASSWORD });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
      return agent;
    };
    mine = await login(phones.mine);
    other = await login(phones.other);
  }
  async function agreement() {
    const account = (await admin.get(`/api/clients/${mineId}/account`)).body.data;
    const receivables = (await admin.get('/api/receivables/summary').query({ clientId: mineId })).body.data;
    const month = new Date(t.clock.now()).toISOString().slice(0, 7);
    const statement = await statementJson(admin, `/api/clients/${mineId}/statements/${month}`);
    return { account, receivables, statement };
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2025-09-10T09:00:00Z');
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    const services = await serviceIds(t);
    const dry = (quantity: number) => [{ serviceId: services.DRY_CLEAN, quantity }];
    const me = await signedInClient(t, admin, { name: 'Cliente da Conta' });
    mine = me.agent;
    mineId = me.client.id;
    const them = await signedInClient(t, admin, { name: 'Outra Conta' });
    other = them.agent;
    otherId = them.client.id;
    phones = { mine: me.client.phone, other: them.client.phone };

    // Ready on the shelf with a partial payment; collected and unpaid; cancelled.
    ready = await takeOrder(admin, { clientId: mineId, lines: dry(3) });
    await admin.post(`/api/laundry-orders/${ready.id}/status`).send({ status: 'in_progress' }).expect(200);
    await admin.post(`/api/laundry-orders/${ready.id}/mark-ready`).send({}).expect(200);
    partialPaymentId = await pay({ laundryOrderId: ready.id, amountCents: 500 });
    collected = await takeOrder(admin, { clientId: mineId, lines: dry(2) });
    await collectOrder(admin, collected.id);
    const cancelled = await takeOrder(admin, { clientId: mineId, lines: dry(4) });
    await cancelOrder(admin, cancelled.id);

    // A completed job with part paid; a booked job with a deposit.
    const propertyId = await propertyOf(admin, mineId);
    const w = await workerId(t);
    const done = await bookJob(admin, { clientId: mineId, propertyId, workerIds: [w], scheduledDate: '2025-09-01' });
    await completeJob(t, done.id, { at: '2025-09-01T12:00:00Z', billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
    await pay({ cleaningJobId: done.id, amountCents: 1000 });
    const booked = await bookJob(admin, { clientId: mineId, propertyId, workerIds: [w], scheduledDate: '2025-10-20' });
    bookedId = booked.id;
    await pay({ cleaningJobId: booked.id, amountCents: 2000 });

    const others = await takeOrder(admin, { clientId: otherId, lines: dry(5) });
    await collectOrder(admin, others.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('when the fixture client is read, then the account, the receivables summary and the statement to date agree to the cent', async () => {
    const { account, receivables, statement } = await agreement();
    expect(account.balance).toEqual(receivables);
    expect(account.balance.balanceCents).toBe(ready.totalCents - 500 + collected.totalCents + 3690 - 1000 - 2000);
    expect(statement.closingBalanceCents).toBe(receivables.balanceCents);
    expect(statement.closing).toMatchObject({ accruedCents: receivables.accruedCents, inProgressCents: receivables.inProgressCents, creditCents: receivables.creditCents });
    const a = account.ageing;
    expect(a.days0to30Cents + a.days31to60Cents + a.days61to90Cents + a.over90Cents).toBe(receivables.accruedCents);
    expect(account.ageing).toEqual(statement.closing.ageing);
    expect(account.lastPayment).toMatchObject({ amountCents: 2000, method: 'cash' });

    // The dashboard's headline counts this client's debt in the same figure.
    const dashboard = (await admin.get('/api/dashboard')).body.data;
    const all = (await admin.get('/api/receivables/summary')).body.data;
    expect(JSON.stringify(dashboard)).toContain(String(all.balanceCents));
  });

  it('when the documents are listed, then they page in the list envelope with the payment status and add up to the balance', async () => {
    const rows: { reference: string; status: string; paymentStatus: string; outstandingCents: number; totalCents: number | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/clients/${mineId}/account/documents`).query({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body._meta).toMatchObject({ limit: 2, count: res.body.data.length, total: 5 });
      rows.push(...res.body.data);
      cursor = res.body._meta.nextCursor;
    } while (cursor);
    expect(rows).toHaveLength(5);
    const balance = (await admin.get(`/api/clients/${mineId}/account`)).body.data.balance.balanceCents;
    expect(rows.reduce((s, r) => s + r.outstandingCents, 0)).toBe(balance);
    const statuses = rows.map((r) => `${r.status}:${r.paymentStatus}`).sort();
    expect(statuses).toEqual(['cancelled:not_priced', 'collected:unpaid', 'completed:partial', 'ready:partial', 'scheduled:not_priced']);
    const open = (await admin.get(`/api/clients/${mineId}/account/documents`).query({ open: 'true' })).body.data as typeof rows;
    expect(open.map((r) => r.status).sort()).toEqual(['collected', 'completed', 'ready']);
  });

  it("when a month is over, then its statement keeps its JSON, its PDF text and bytes after new activity, and the next month opens on its closing balance", async () => {
    await moveClock('2025-10-03T10:00:00Z');
    const url = `/api/clients/${mineId}/statements/2025-09`;
    const before = await statementJson(admin, url);
    const pdfBefore = await statementPdf(admin, url);
    const textBefore = pdfToText(pdfBefore);
    expect(before.closed).toBe(true);
    expect(before.openingBalanceCents).toBe(0);
    expect(before.closingBalanceCents).toBe(before.chargesCents - before.paymentsCents + before.adjustmentsCents);
    expect(textBefore).toContain('EXTRATO DE CONTA');
    expect(textBefore).toContain('01/09/2025');

    // October: the ready order collected and paid, a new order, the partial payment voided, a deposit refunded, the booked job cancelled.
    await admin.post(`/api/laundry-orders/${ready.id}/status`).send({ status: 'collected' }).expect(200);
    await pay({ laundryOrderId: collected.id, amountCents: collected.totalCents });
    const services = await serviceIds(t);
    await takeOrder(admin, { clientId: mineId, lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
    const voided = await admin.post(`/api/payments/${partialPaymentId}/void`).send({ reason: 'Registo errado' });
    expect(voided.status).toBe(200);
    await admin.post('/api/payments/refunds').send({ cleaningJobId: bookedId, amountCents: 2000, method: 'cash', reason: 'Desistiu' }).expect(201);
    expect((await admin.post(`/api/cleaning-jobs/${bookedId}/cancel`).send({ reason: 'Cliente desistiu' })).status).toBe(200);

    await moveClock('2025-10-20T10:00:00Z');
    const after = await statementJson(admin, url);
    expect(after).toEqual(before);
    const pdfAfter = await statementPdf(admin, url);
    expect(pdfToText(pdfAfter)).toBe(textBefore);
    expect(pdfAfter.equals(pdfBefore)).toBe(true);

    const october = await statementJson(admin, `/api/clients/${mineId}/statements/2025-10`);
    expect(october.closed).toBe(false);
    expect(october.openingBalanceCents).toBe(before.closingBalanceCents);
    expect(october.lines.map((l: { kind: string }) => l.kind)).toEqual(expect.arrayContaining(['charge', 'payment', 'void', 'refund']));

    // And to date everything still agrees.
    const { account, receivables, statement } = await agreement();
    expect(account.balance).toEqual(receivables);
    expect(statement.closingBalanceCents).toBe(receivables.balanceCents);
    expect(statement.closing).toMatchObject({ accruedCents: receivables.accruedCents, inProgressCents: receivables.inProgressCents, creditCents: receivables.creditCents });

    const months = (await admin.get(`/api/clients/${mineId}/statements`)).body;
    expect(months._meta).toMatchObject({ total: 2 });
    expect(months.data.map((m: { month: string }) => m.month)).toEqual(['2025-10', '2025-09']);
    expect(months.data[1]).toMatchObject({ closingBalanceCents: before.closingBalanceCents, closed: true });
  });

  it('when a client reads accounts, then they read only their own: their own routes, and 404 for anyone else', async () => {
    const own = (await mine.get('/api/account')).body.data;
    expect(own).toEqual((await admin.get(`/api/clients/${mineId}/account`)).body.data);
    expect((await mine.get(`/api/clients/${mineId}/account`)).status).toBe(200);
    expect((await mine.get(`/api/clients/${otherId}/account`)).status).toBe(404);
    expect((await mine.get(`/api/clients/${otherId}/account/documents`)).status).toBe(404);
    expect((await mine.get(`/api/clients/${otherId}/statements/2025-09`)).status).toBe(404);
    expect((await mine.get(`/api/clients/${otherId}/statements`)).status).toBe(404);
    expect((await other.get(`/api/clients/${mineId}/statements/2025-09`).query({ format: 'json' })).status).toBe(404);
    const docs = (await mine.get('/api/account/documents')).body;
    expect(docs._meta.total).toBe(6);
    const json = await statementJson(mine, '/api/account/statements/2025-09');
    expect(json).toEqual(await statementJson(admin, `/api/clients/${mineId}/statements/2025-09`));
    const pdf = await statementPdf(mine, '/api/account/statements/2025-09');
    expect(pdfToText(pdf)).toContain('Cliente da Conta');
    const list = (await mine.get('/api/account/statements')).body.data;
    expect(list[0].pdfUrl).toBe('/api/account/statements/2025-10');
    expect((await worker.get(`/api/clients/${mineId}/account`)).status).toBe(403);
    expect((await worker.get('/api/account')).status).toBe(403);
    expect((await admin.get('/api/account')).status).toBe(403);
  });

  it('when a statement is asked for a future month or a bad month, then it is a 400 with a stable code', async () => {
    const future = await admin.get(`/api/clients/${mineId}/statements/2025-11`).query({ format: 'json' });
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('STATEMENT_MONTH_IN_FUTURE');
    expect((await mine.get('/api/account/statements/2025-11')).body.error.code).toBe('STATEMENT_MONTH_IN_FUTURE');
    expect((await admin.get(`/api/clients/${mineId}/statements/2025-13`)).status).toBe(400);
    expect((await admin.get(`/api/clients/${mineId}/statements/2025-09`).query({ format: 'xml' })).status).toBe(400);
    expect((await admin.get(`/api/clients/999999/statements/2025-09`)).status).toBe(404);
    expect((await admin.get(`/api/clients/999999/account`)).status).toBe(404);
  });
});
