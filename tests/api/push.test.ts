import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { createTestApp, sameDatabaseAs, type TestApp } from '../helpers/test-app.js';
import { signedInUser } from '../helpers/people-fixtures.js';
import { fakeDevice, startPushEndpoint, verifyVapid, type PushEndpoint } from '../helpers/push-endpoint.js';
import { PUSH_DEVICES_PER_USER } from '../../src/modules/push/push.service.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('web push (issue 23 §4)', () => {
  const vapid = webpush.generateVAPIDKeys();
  let t: TestApp;
  let endpoint: PushEndpoint;
  let master: Agent;
  let worker: Agent;
  let masterId: number;
  let device = 0;

  const newDevice = () => fakeDevice(endpoint.url(`device-${++device}`));
  const deliver = (pushId: number) => t.built.jobs.find((j) => j.name === 'push-deliver')!.handler({ pushId });
  async function queued(endpointUrl: string) {
    const { rows } = await t.db.query<{ id: number; type: string; attempts: number; status: string }>(
      `SELECT o.id, o.type, o.attempts, o.status FROM push_outbox o JOIN push_subscriptions s ON s.id = o.subscription_id WHERE s.endpoint = $1 ORDER BY o.id`,
      [endpointUrl],
    );
    return rows;
  }
  const subscriptions = async (endpointUrl: string) =>
    (await t.db.query<{ user_id: number }>(`SELECT user_id FROM push_subscriptions WHERE endpoint = $1`, [endpointUrl])).rows;
  const urgentTicket = (title: string) => worker.post('/api/tickets').send({ title, description: 'Está a alagar a lavandaria.', priority: 'urgent' }).expect(201);

  beforeAll(async () => {
    endpoint = await startPushEndpoint();
    t = await createTestApp({
      env: { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: 'mailto:ops@lavandaria.test', PUSH_ALLOW_LOCAL_ENDPOINTS: 'true' },
    });
    master = await t.signIn('master');
    worker = await t.signIn('worker');
    masterId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE role = 'master'`)).rows[0]!.id;
  });
  afterAll(async () => {
    await t.close();
    await endpoint.close();
  });

  it('when staff ask for the public key, then they get the configured one; a client gets 403', async () => {
    const res = await master.get('/api/push/public-key');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.publicKey).toBe(vapid.publicKey);
    expect((await worker.get('/api/push/public-key')).status).toBe(200);
    const client = await t.signIn('client');
    expect((await client.get('/api/push/public-key')).status).toBe(403);
    expect((await client.post('/api/push-subscriptions').send(newDevice().subscription)).status).toBe(403);
    expect((await client.delete('/api/push-subscriptions').send({ endpoint: endpoint.url('x') })).status).toBe(403);
    expect((await t.request.get('/api/push/public-key')).status).toBe(401);
  });

  it('when an urgent ticket is opened, then the master’s device gets an encrypted VAPID push with the in-app title and link', async () => {
    const phone = newDevice();
    const first = await master.post('/api/push-subscriptions').send(phone.subscription);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // Subscribing the same endpoint again is one subscription, with the keys refreshed.
    expect((await master.post('/api/push-subscriptions').send(phone.subscription)).status).toBe(201);
    expect(await subscriptions(phone.subscription.endpoint)).toEqual([{ user_id: masterId }]);
    expect((await master.get('/api/push/public-key')).body.data.subscriptions).toBeGreaterThanOrEqual(1);

    const ticket = (await urgentTicket('Máquina 2 a perder água')).body.data as { id: number };
    // Recorded in the ticket's transaction, not sent inside the request.
    const rows = await queued(phone.subscription.endpoint);
    expect(rows.map((r) => r.type)).toEqual(['ticket_urgent']);
    expect(endpoint.requests.filter((r) => r.path.endsWith(`device-${device}`))).toEqual([]);

    await deliver(rows[0]!.id);
    const got = endpoint.requests.filter((r) => r.path === new URL(phone.subscription.endpoint).pathname);
    expect(got).toHaveLength(1);
    const req = got[0]!;
    expect(req.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(req.headers.ttl)).toBeGreaterThan(0);
    expect(req.headers.urgency).toBe('high');
    const claims = verifyVapid(req.headers.authorization, vapid.publicKey);
    expect(claims).toMatchObject({ aud: new URL(phone.subscription.endpoint).origin, sub: 'mailto:ops@lavandaria.test' });
    // The body is ciphertext: the title is not readable on the wire, and decrypts for the device.
    expect(req.body.toString('latin1')).not.toContain('URGENTE');
    const inApp = (await master.get('/api/notifications')).body.data[0] as { title: string; body: string; link: string };
    expect(inApp.link).toBe(`/app/tickets/${ticket.id}`);
    expect(phone.decrypt(req.body)).toEqual({ title: inApp.title, body: inApp.body, url: `/admin/tickets/${ticket.id}`, tag: 'ticket_urgent' });
    expect(await queued(phone.subscription.endpoint)).toEqual([]);
  });

  it('when the push service answers 404 or 410, then the subscription is removed', async () => {
    for (const status of [404, 410]) {
      const phone = newDevice();
      await master.post('/api/push-subscriptions').send(phone.subscription).expect(201);
      await urgentTicket(`Fuga ${status}`);
      const [row] = await queued(phone.subscription.endpoint);
      endpoint.answerNext(status);
      await deliver(row!.id);
      expect(await subscriptions(phone.subscription.endpoint)).toEqual([]);
      expect(await queued(phone.subscription.endpoint)).toEqual([]);
    }
  });

  it('when the push service answers 500 or cannot be reached, then the push stays queued and the job retries until it is sent', async () => {
    const phone = newDevice();
    await master.post('/api/push-subscriptions').send(phone.subscription).expect(201);
    await urgentTicket('Caldeira avariada');
    const [row] = await queued(phone.subscription.endpoint);
    endpoint.answerNext(500);
    await expect(deliver(row!.id)).rejects.toThrow(/500/);
    expect(await queued(phone.subscription.endpoint)).toMatchObject([{ id: row!.id, attempts: 1, status: 'pending' }]);
    await deliver(row!.id);
    expect(await queued(phone.subscription.endpoint)).toEqual([]);
    expect(await subscriptions(phone.subscription.endpoint)).toEqual([{ user_id: masterId }]);

    // A device whose push service is down (nothing listens there): a network error, retried too.
    const offline = fakeDevice('http://127.0.0.1:9/push/offline');
    await master.post('/api/push-subscriptions').send(offline.subscription).expect(201);
    await urgentTicket('Porta presa');
    const [down] = await queued(offline.subscription.endpoint);
    await expect(deliver(down!.id)).rejects.toThrow(/could not be reached/);
    expect(await queued(offline.subscription.endpoint)).toMatchObject([{ attempts: 1, status: 'pending' }]);
    await master.delete('/api/push-subscriptions').send({ endpoint: offline.subscription.endpoint }).expect(204);
  });

  it('when the push service is slow, then no database connection waits on it and a second delivery of the same push sends nothing', async () => {
    const phone = newDevice();
    await master.post('/api/push-subscriptions').send(phone.subscription).expect(201);
    await urgentTicket('Secador a fumegar');
    const [row] = await queued(phone.subscription.endpoint);
    const sentTo = () => endpoint.requests.filter((r) => r.path === new URL(phone.subscription.endpoint).pathname);
    endpoint.delayNext(1_500);
    const first = t.built.push.deliver(row!.id);
    for (let i = 0; i < 100 && endpoint.waiting === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(endpoint.waiting).toBe(1);
    // While the push service thinks, no transaction of this database sits open waiting for it …
    const open = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(open.rows[0]!.n).toBe(0);
    // … the push is held by its lease, and a second worker (a retry, the sweep) leaves it alone.
    const held = await t.db.query<{ sending_until: Date | null }>(`SELECT sending_until FROM push_outbox WHERE id = $1`, [row!.id]);
    expect(held.rows[0]!.sending_until).not.toBeNull();
    expect(await t.built.push.deliver(row!.id)).toBe('skipped');
    // The sweep (here: everything recorded up to an hour from now) takes every pending push but this one.
    const others = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM push_outbox WHERE status = 'pending' AND id <> $1`, [row!.id]);
    expect(await t.built.push.sweep(-3_600_000)).toBe(others.rows[0]!.n);
    expect(await first).toBe('sent');
    expect(sentTo()).toHaveLength(1);
    expect(await queued(phone.subscription.endpoint)).toEqual([]);
  });

  it('when a delivery died while sending, then the push is taken again once its lease is over', async () => {
    const phone = newDevice();
    await master.post('/api/push-subscriptions').send(phone.subscription).expect(201);
    await urgentTicket('Torneira partida');
    const [row] = await queued(phone.subscription.endpoint);
    // A sender that claimed the push and never came back: its lease still runs, then it is over.
    await t.db.query(`UPDATE push_outbox SET sending_until = $2 WHERE id = $1`, [row!.id, new Date(t.clock.now().getTime() + 60_000)]);
    expect(await t.built.push.deliver(row!.id)).toBe('skipped');
    await t.db.query(`UPDATE push_outbox SET sending_until = $2 WHERE id = $1`, [row!.id, new Date(t.clock.now().getTime() - 1_000)]);
    expect(await t.built.push.deliver(row!.id)).toBe('sent');
    expect(endpoint.requests.filter((r) => r.path === new URL(phone.subscription.endpoint).pathname)).toHaveLength(1);
  });

  it('when one account subscribes more devices than the cap, then the ones refreshed longest ago give way', async () => {
    const { agent, user } = await signedInUser(t, master, { role: 'admin' });
    const start = t.clock.now().getTime();
    const minute = (n: number) => t.clock.set(new Date(start + n * 60_000).toISOString());
    const devices = Array.from({ length: PUSH_DEVICES_PER_USER + 2 }, () => newDevice());
    try {
      for (const [i, phone] of devices.entries()) {
        minute(i + 1);
        await agent.post('/api/push-subscriptions').send(phone.subscription).expect(201);
      }
      const kept = await t.db.query<{ endpoint: string }>(`SELECT endpoint FROM push_subscriptions WHERE user_id = $1 ORDER BY updated_at`, [user.id]);
      expect(kept.rows.map((r) => r.endpoint)).toEqual(devices.slice(2).map((d) => d.subscription.endpoint));
      expect((await agent.get('/api/push/public-key')).body.data.subscriptions).toBe(PUSH_DEVICES_PER_USER);
      // A device refreshing its subscription is the newest again, so it stays when another comes.
      minute(30);
      await agent.post('/api/push-subscriptions').send(devices[2]!.subscription).expect(201);
      minute(31);
      await agent.post('/api/push-subscriptions').send(newDevice().subscription).expect(201);
      expect(await subscriptions(devices[2]!.subscription.endpoint)).toEqual([{ user_id: user.id }]);
      expect(await subscriptions(devices[3]!.subscription.endpoint)).toEqual([]);
    } finally {
      t.clock.set(new Date(start).toISOString());
    }
  });

  it('when the input is bad, then 400 with a stable code and nothing is stored', async () => {
    const good = newDevice().subscription;
    const cases: Array<[unknown, string]> = [
      [{ ...good, endpoint: 'not a url' }, 'PUSH_ENDPOINT_INVALID'],
      [{ ...good, endpoint: 'ftp://push.example.com/x' }, 'PUSH_ENDPOINT_INVALID'],
      [{ ...good, endpoint: 'http://push.example.com/x' }, 'PUSH_ENDPOINT_INVALID'],
      [{ ...good, endpoint: 'https://user:pw@push.example.com/x' }, 'PUSH_ENDPOINT_INVALID'],
      [{ ...good, endpoint: `https://push.example.com/${'a'.repeat(1100)}` }, 'VALIDATION_FAILED'],
      [{ ...good, keys: { ...good.keys, p256dh: 'abc' } }, 'PUSH_KEYS_INVALID'],
      [{ ...good, keys: { ...good.keys, auth: 'not base64!' } }, 'PUSH_KEYS_INVALID'],
      [{ endpoint: good.endpoint }, 'VALIDATION_FAILED'],
      [{ ...good, extra: 1 }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await master.post('/api/push-subscriptions').send(body as object);
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    expect((await master.delete('/api/push-subscriptions').send({})).status).toBe(400);
    expect(await subscriptions(good.endpoint)).toEqual([]);
  });

  it('when a user deletes another user’s endpoint, then 404 and the subscription stays; their own goes', async () => {
    const phone = newDevice();
    await master.post('/api/push-subscriptions').send(phone.subscription).expect(201);
    const res = await worker.delete('/api/push-subscriptions').send({ endpoint: phone.subscription.endpoint });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(await subscriptions(phone.subscription.endpoint)).toEqual([{ user_id: masterId }]);
    await master.delete('/api/push-subscriptions').send({ endpoint: phone.subscription.endpoint }).expect(204);
    expect(await subscriptions(phone.subscription.endpoint)).toEqual([]);
  });

  it('when staff switch a type’s push off, then it is not pushed; urgent tickets are always pushed and not a choice', async () => {
    const { agent: admin, user } = await signedInUser(t, master, { role: 'admin' });
    const phone = newDevice();
    await admin.post('/api/push-subscriptions').send(phone.subscription).expect(201);
    const prefs = (await admin.get('/api/notification-preferences')).body.data as { push: Array<{ type: string; push: boolean; pushDefault: boolean }> };
    expect(prefs.push).toContainEqual({ type: 'ticket_created', push: true, pushDefault: true });
    expect(prefs.push).toContainEqual({ type: 'request_created', push: true, pushDefault: true });
    expect(prefs.push.map((p) => p.type)).not.toContain('ticket_urgent');
    expect(prefs.push.map((p) => p.type)).not.toContain('job_changed');
    const off = await admin.put('/api/notification-preferences').send({ push: { ticket_created: false } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.data.push).toContainEqual({ type: 'ticket_created', push: false, pushDefault: true });
    // The e-mail choice of the same type is untouched.
    expect(off.body.data.items).toContainEqual({ type: 'ticket_created', email: false, emailDefault: false });

    await worker.post('/api/tickets').send({ title: 'Falta detergente', description: 'Armário vazio.', priority: 'low' }).expect(201);
    await urgentTicket('Máquina 3 parada');
    expect((await queued(phone.subscription.endpoint)).map((r) => r.type)).toEqual(['ticket_urgent']);

    const bad = await admin.put('/api/notification-preferences').send({ push: { ticket_urgent: false, job_changed: true } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('UNKNOWN_NOTIFICATION_TYPE');
    // Workers choose their own types; clients have none.
    const workerPrefs = (await worker.get('/api/notification-preferences')).body.data.push as Array<{ type: string }>;
    expect(workerPrefs.map((p) => p.type)).toEqual(expect.arrayContaining(['job_changed', 'message_received', 'cleaning.assigned']));
    expect((await (await t.signIn('client')).get('/api/notification-preferences')).body.data.push).toEqual([]);
    // An account's devices go with it (the foreign key cascades; accounts are otherwise deactivated, and an
    // inactive account's queued pushes are dropped unsent).
    const fk = await t.db.query<{ confdeltype: string }>(`SELECT confdeltype FROM pg_constraint WHERE conrelid = 'push_subscriptions'::regclass AND contype = 'f'`);
    expect(fk.rows).toEqual([{ confdeltype: 'c' }]);
    await t.db.query(`UPDATE users SET is_active = false WHERE id = $1`, [user.id]);
    const [pending] = await queued(phone.subscription.endpoint);
    const before = endpoint.requests.length;
    await deliver(pending!.id);
    expect(endpoint.requests.length).toBe(before);
    expect(await queued(phone.subscription.endpoint)).toEqual([]);
  });

  it('when push is not configured, then the API says so with a stable code and nothing is queued', async () => {
    const off = await createTestApp({ database: sameDatabaseAs(t) });
    try {
      const agent = await off.signIn('admin');
      const res = await agent.get('/api/push/public-key');
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('PUSH_NOT_CONFIGURED');
      expect((await agent.post('/api/push-subscriptions').send(newDevice().subscription)).body.error.code).toBe('PUSH_NOT_CONFIGURED');
      expect((await agent.get('/api/notification-preferences')).body.data.push).toEqual([]);
    } finally {
      await off.close();
    }
  });

  it('when the web app is served, then its service worker is at the root, revalidated, allowed the whole scope and permitted by the CSP', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
    fs.copyFileSync(path.resolve('client/public/sw.js'), path.join(dist, 'sw.js'));
    const served = createApp({ config: t.config, logger: createLogger({ level: 'silent', pretty: false }), db: t.db, clock: t.clock, readiness: t.readiness, version: 'test', clientDist: dist });
    try {
      const res = await supertest(served.app).get('/sw.js');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['service-worker-allowed']).toBe('/');
      expect(res.headers['content-security-policy']).toContain("worker-src 'self'");
      expect(res.text).toContain("addEventListener('push'");
    } finally {
      served.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
