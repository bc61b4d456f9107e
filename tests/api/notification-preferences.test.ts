import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { signedInClient, signedInUser } from '../helpers/people-fixtures.js';
import { TEMPLATES } from '../../src/modules/notifications/templates.js';

type Agent = ReturnType<typeof supertest.agent>;
type Item = { type: string; email: boolean; emailDefault: boolean };

describe('notification preferences (issue 23 §3)', () => {
  let t: TestApp;
  let admin: Agent;
  let dataDir: string;

  async function outbox(column: 'client_id' | 'user_id', id: number, type: string) {
    const { rows } = await t.db.query<{ id: number }>(`SELECT id FROM mail_outbox WHERE ${column} = $1 AND type = $2 ORDER BY id`, [id, type]);
    return rows;
  }
  async function inApp(column: 'client_id' | 'user_id', id: number, type: string) {
    const { rows } = await t.db.query<{ id: number }>(`SELECT id FROM notifications WHERE ${column} = $1 AND type = $2`, [id, type]);
    return rows;
  }
  const readyFor = (clientId: number, orderNumber: string) =>
    t.db.transaction((tx) =>
      t.built.notifications.notify(tx, { to: { type: 'client', id: clientId }, type: 'laundry.ready', params: { orderNumber, deliveryRequested: false }, link: '/client/laundry/1' }),
    );

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-prefs-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when each audience reads its preferences, then it sees only its own types with their defaults', async () => {
    const client = (await (await t.signIn('client')).get('/api/notification-preferences')).body.data.items as Item[];
    const worker = (await (await t.signIn('worker')).get('/api/notification-preferences')).body.data.items as Item[];
    const staff = (await admin.get('/api/notification-preferences')).body.data.items as Item[];
    expect(client).toContainEqual({ type: 'laundry.ready', email: true, emailDefault: true });
    expect(client.map((i) => i.type)).not.toContain('cleaning.assigned');
    expect(client.map((i) => i.type)).not.toContain('account.welcome');
    expect(worker).toContainEqual({ type: 'cleaning.assigned', email: true, emailDefault: true });
    expect(worker.map((i) => i.type)).not.toContain('laundry.ready');
    expect(staff).toContainEqual({ type: 'calendar.failing', email: true, emailDefault: true });
    expect(staff.map((i) => i.type)).not.toContain('laundry.ready');
    // Every listed type belongs to that audience and has an e-mail that is a choice.
    for (const [audience, items] of [['client', client], ['worker', worker], ['staff', staff]] as const) {
      for (const i of items) {
        const tpl = TEMPLATES[i.type as keyof typeof TEMPLATES];
        expect(tpl.audience).toContain(audience);
        expect(i.emailDefault).toBe((tpl as { emailDefault?: boolean }).emailDefault);
      }
    }
  });

  it('when a client switches an e-mail off, then it is stored for them only and the answer has the same shape', async () => {
    const { agent } = await signedInClient(t, admin);
    const { agent: other } = await signedInClient(t, admin);
    const res = await agent.put('/api/notification-preferences').send({ email: { 'laundry.ready': false } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.items).toContainEqual({ type: 'laundry.ready', email: false, emailDefault: true });
    expect((await agent.get('/api/notification-preferences')).body.data.items).toContainEqual({ type: 'laundry.ready', email: false, emailDefault: true });
    expect((await other.get('/api/notification-preferences')).body.data.items).toContainEqual({ type: 'laundry.ready', email: true, emailDefault: true });
    // Back on, and again (an upsert, not a second row).
    await agent.put('/api/notification-preferences').send({ email: { 'laundry.ready': true } });
    const again = await agent.put('/api/notification-preferences').send({ email: { 'laundry.ready': true } });
    expect(again.body.data.items).toContainEqual({ type: 'laundry.ready', email: true, emailDefault: true });
  });

  it('when a type is unknown, not of the caller’s audience, or not a choice, then 400 UNKNOWN_NOTIFICATION_TYPE and nothing is stored', async () => {
    const { agent, client } = await signedInClient(t, admin);
    for (const email of [{ 'no.such.type': false }, { 'cleaning.assigned': false }, { 'password.reset_link': false }, { 'laundry.ready': false, nope: true }]) {
      const res = await agent.put('/api/notification-preferences').send({ email });
      expect(res.status, JSON.stringify(email)).toBe(400);
      expect(res.body.error.code).toBe('UNKNOWN_NOTIFICATION_TYPE');
    }
    const { rows } = await t.db.query(`SELECT 1 FROM notification_preferences WHERE client_id = $1`, [client.id]);
    expect(rows).toEqual([]);
    expect((await agent.put('/api/notification-preferences').send({ email: { 'laundry.ready': 'no' } })).status).toBe(400);
    expect((await agent.put('/api/notification-preferences').send({ sms: {} })).status).toBe(400);
    expect((await t.request.get('/api/notification-preferences')).status).toBe(401);
  });

  it('when the e-mail of a type is off, then notify keeps the in-app notification and queues no e-mail; on, both', async () => {
    const { agent, client } = await signedInClient(t, admin, { email: 'preferencias@example.pt' });
    await readyFor(client.id, 'L-1');
    expect(await outbox('client_id', client.id, 'laundry.ready')).toHaveLength(1);

    await agent.put('/api/notification-preferences').send({ email: { 'laundry.ready': false } });
    await readyFor(client.id, 'L-2');
    expect(await outbox('client_id', client.id, 'laundry.ready')).toHaveLength(1);
    expect(await inApp('client_id', client.id, 'laundry.ready')).toHaveLength(2);

    await agent.put('/api/notification-preferences').send({ email: { 'laundry.ready': true } });
    await readyFor(client.id, 'L-3');
    expect(await outbox('client_id', client.id, 'laundry.ready')).toHaveLength(2);
  });

  it('when a worker turns "new job" e-mails off, then a job assignment reaches them in-app only', async () => {
    const { user, agent: worker } = await signedInUser(t, admin, { role: 'worker', email: 'trabalhadora@example.pt' });
    expect((await worker.put('/api/notification-preferences').send({ email: { 'cleaning.assigned': false } })).status).toBe(200);
    const params = { jobId: 1, date: '2026-03-12', time: '09:00', place: 'Graça', occurrences: 1 };
    await t.db.transaction((tx) => t.built.notifications.notify(tx, { to: { type: 'user', id: user.id }, type: 'cleaning.assigned', params }));
    expect(await inApp('user_id', user.id, 'cleaning.assigned')).toHaveLength(1);
    expect(await outbox('user_id', user.id, 'cleaning.assigned')).toEqual([]);
  });
});
