import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sameDatabaseAs, type TestApp } from '../helpers/test-app.js';
import { collectOrder, serviceIds, takeOrder } from '../helpers/money-fixtures.js';
import { createClient } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

/**
 * Issue 19 §6: reminders of overdue documents, from the receivables' accrual (ADR 0014), once per document
 * and step, never for an excluded client, and for a monthly client only after their statement.
 */
describe('payment reminders', () => {
  let t: TestApp;
  let other: TestApp;
  let admin: Agent;
  let master: Agent;
  let dataDir: string;
  let services: Record<string, number>;

  const tick = (app: TestApp) => app.built.jobs.find((j) => j.name === 'payment-reminders')!.handler({});
  const at = (instant: string) => {
    t.clock.set(instant);
    other.clock.set(instant);
  };
  async function remindersOf(clientId: number) {
    const mails = await t.db.query<{ type: string; params: { reference: string; days: number } }>(
      `SELECT type, params FROM mail_outbox WHERE client_id = $1 AND type = 'account.payment_reminder' ORDER BY id`,
      [clientId],
    );
    const notes = await t.db.query(`SELECT type FROM notifications WHERE client_id = $1 AND type = 'account.payment_reminder'`, [clientId]);
    return { mails: mails.rows.map((m) => `${m.params.reference}@${m.params.days}`), notifications: notes.rowCount };
  }
  /** A client with an e-mail and one order collected (accrued) at `instant`, unpaid. */
  async function owingClient(instant: string, body: Record<string, unknown> = {}) {
    at(instant);
    const { client } = await createClient(admin, { email: `owing${Math.random().toString(36).slice(2, 8)}@example.pt`, ...body });
    const order = await takeOrder(admin, { clientId: client.id, lines: [{ serviceId: services.DRY_CLEAN, quantity: 2 }] });
    await collectOrder(admin, order.id);
    return { clientId: client.id, order };
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-reminders-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    other = await createTestApp({ env: { DATA_DIR: dataDir }, database: sameDatabaseAs(t) });
    admin = await t.signIn('admin');
    master = await t.signIn('master');
    services = await serviceIds(t);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when a document is 7 and then 14 days past accrual, then one reminder per step, even with two instances ticking at once', async () => {
    const { clientId, order } = await owingClient('2026-03-02T10:00:00Z');
    at('2026-03-08T10:00:00Z');
    await Promise.all([tick(t), tick(other)]);
    expect((await remindersOf(clientId)).mails).toEqual([]);

    at('2026-03-09T08:00:00Z');
    await Promise.all([tick(t), tick(other), tick(t), tick(other)]);
    expect(await remindersOf(clientId)).toEqual({ mails: [`${order.orderNumber}@7`], notifications: 1 });
    const detail = (await admin.get(`/api/laundry-orders/${order.id}`)).body.data;
    expect(detail.remindedAt).toBe('2026-03-09T08:00:00.000Z');

    // The same day again, and the days between the steps: nothing more.
    at('2026-03-12T08:00:00Z');
    await tick(other);
    expect((await remindersOf(clientId)).mails).toHaveLength(1);

    at('2026-03-16T08:00:00Z');
    await Promise.all([tick(t), tick(other)]);
    expect((await remindersOf(clientId)).mails).toEqual([`${order.orderNumber}@7`, `${order.orderNumber}@14`]);

    // The e-mail goes out once through the outbox.
    const { rows } = await t.db.query<{ id: number }>(`SELECT id FROM mail_outbox WHERE client_id = $1 ORDER BY id`, [clientId]);
    const deliver = t.built.jobs.find((j) => j.name === 'mail-deliver')!;
    for (const r of rows) await Promise.all([deliver.handler({ outboxId: r.id }), other.built.jobs.find((j) => j.name === 'mail-deliver')!.handler({ outboxId: r.id })]);
    const eml = fs.readFileSync(path.join(dataDir, 'mail', `mail-${rows.at(-1)!.id}.eml`), 'utf8');
    expect(eml).toContain('pagamento em atraso');
  });

  it('when a document is first seen past several steps, then only the step reached is sent', async () => {
    const { clientId, order } = await owingClient('2026-01-05T10:00:00Z');
    at('2026-02-10T08:00:00Z');
    await tick(t);
    expect((await remindersOf(clientId)).mails).toEqual([`${order.orderNumber}@30`]);
  });

  it('when the document is paid, the client is excluded, or the setting is empty, then no reminder', async () => {
    const paid = await owingClient('2026-03-02T10:00:00Z');
    const pay = await admin.post('/api/payments').send({ laundryOrderId: paid.order.id, method: 'cash', amountCents: paid.order.totalCents });
    expect(pay.status, JSON.stringify(pay.body)).toBe(201);
    const excluded = await owingClient('2026-03-02T10:00:00Z', { remindersExcluded: true });
    at('2026-03-10T08:00:00Z');
    await tick(t);
    expect((await remindersOf(paid.clientId)).mails).toEqual([]);
    expect((await remindersOf(excluded.clientId)).mails).toEqual([]);

    const owing = await owingClient('2026-03-02T10:00:00Z');
    const setting = (await master.get('/api/settings')).body.data.find((s: { key: string }) => s.key === 'reminderDays');
    expect(setting.value).toEqual([7, 14, 30]);
    expect((await master.patch('/api/settings').send({ reminderDays: { value: [14, 7], version: setting.version } })).status).toBe(400);
    expect((await master.patch('/api/settings').send({ reminderDays: { value: [], version: setting.version } })).status).toBe(200);
    at('2026-03-10T08:00:00Z');
    await tick(t);
    expect((await remindersOf(owing.clientId)).mails).toEqual([]);
    const back = (await master.get('/api/settings')).body.data.find((s: { key: string }) => s.key === 'reminderDays');
    expect((await master.patch('/api/settings').send({ reminderDays: { value: [7, 14, 30], version: back.version } })).status).toBe(200);
  });

  it("when a monthly client's document is overdue, then nothing is sent before their statement, and the steps count from it", async () => {
    const { clientId, order } = await owingClient('2026-03-02T10:00:00Z', { billing: 'monthly' });
    at('2026-03-31T08:00:00Z');
    await tick(t);
    expect((await remindersOf(clientId)).mails).toEqual([]);
    // The statement of March, issued on 1 April (Lisbon).
    await t.db.query(`INSERT INTO statement_issues (client_id, month, closing_balance_cents, issued_at) VALUES ($1, '2026-03', $2, '2026-04-01T06:10:00Z')`, [
      clientId,
      order.totalCents,
    ]);
    at('2026-04-07T08:00:00Z');
    await tick(t);
    expect((await remindersOf(clientId)).mails).toEqual([]);
    at('2026-04-08T08:00:00Z');
    await tick(t);
    expect((await remindersOf(clientId)).mails).toEqual([`${order.orderNumber}@7`]);
  });
});
