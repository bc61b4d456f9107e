import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createStaff, NEW_PASSWORD, signedInClient } from '../helpers/people-fixtures.js';
import { bookJob, completeJob, demoClientId, keysOf, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('conversations', () => {
  let t: TestApp;
  let admin: Agent;
  let master: Agent;
  let worker: Agent;
  let client: Agent;
  let otherClient: Agent;
  let otherWorker: Agent;
  let clientId: number;
  let adminId: number;
  let masterId: number;
  let services: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    master = await t.signIn('master');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    clientId = await demoClientId(t);
    adminId = await workerId(t, 'admin');
    masterId = await workerId(t, 'master');
    services = await serviceIds(t);
    otherClient = (await signedInClient(t, admin, { name: 'Outra Cliente' })).agent;
    const created = await createStaff(admin, { name: 'Bruno Dias' });
    otherWorker = supertest.agent(t.app);
    await otherWorker.post('/api/auth/login/user').send({ username: created.user.username, password: created.temporaryPassword });
    await otherWorker.post('/api/auth/change-password').send({ currentPassword: created.temporaryPassword, newPassword: NEW_PASSWORD });
  });
  afterAll(async () => {
    await t.close();
  });

  const order = async (forClient = clientId) => takeOrder(admin, { clientId: forClient, lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
  const job = async () => bookJob(admin, { clientId, propertyId: await propertyOf(admin, clientId), workerIds: [await workerId(t)] });
  const send = (agent: Agent, path: string, body: unknown) => agent.post(`/api/threads/${path}/messages`).send({ body });
  const unread = async (agent: Agent) => (await agent.get('/api/threads/unread-count').expect(200)).body.data as { count: number; threads: number };
  const notificationsOf = async (recipient: 'user' | 'client', id: number) =>
    (await t.db.query<{ type: string; link: string; params: Record<string, unknown> }>(
      `SELECT type, link, params FROM notifications WHERE ${recipient === 'user' ? 'user_id' : 'client_id'} = $1 AND type = 'message_received' ORDER BY id`,
      [id],
    )).rows;

  it('when the owning client and staff write on an order, then both read the thread in order, each message marked as theirs or not', async () => {
    const o = await order();
    const first = await send(client, `laundry_order/${o.id}`, '  Bom dia, posso levantar amanhã?  ');
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ body: 'Bom dia, posso levantar amanhã?', author: { kind: 'client', name: 'Maria Santos' }, mine: true });
    await send(admin, `laundry_order/${o.id}`, 'Sim, a partir das 10h.').expect(201);

    const staffView = await admin.get(`/api/threads/laundry_order/${o.id}/messages`).expect(200);
    expect(staffView.body.data.map((m: { body: string; mine: boolean; author: { kind: string } }) => [m.body, m.mine, m.author.kind])).toEqual([
      ['Sim, a partir das 10h.', true, 'staff'],
      ['Bom dia, posso levantar amanhã?', false, 'client'],
    ]);
    const oldestFirst = await client.get(`/api/threads/laundry_order/${o.id}/messages?sort=id`).expect(200);
    expect(oldestFirst.body.data.map((m: { mine: boolean }) => m.mine)).toEqual([true, false]);
    const thread = await admin.get(`/api/threads/laundry_order/${o.id}`).expect(200);
    expect(thread.body.data).toMatchObject({ subject: 'laundry_order', subjectId: o.id, reference: o.orderNumber, client: { id: clientId, name: 'Maria Santos' }, unreadCount: 0 });
    expect((await client.get(`/api/threads/laundry_order/${o.id}`)).body.data.client).toBeNull();
  });

  it('when an order has no messages yet, then its thread reads as empty rather than missing', async () => {
    const o = await order();
    const res = await client.get(`/api/threads/laundry_order/${o.id}/messages`).expect(200);
    expect(res.body.data).toEqual([]);
    expect((await client.get(`/api/threads/laundry_order/${o.id}`)).body.data).toMatchObject({ unreadCount: 0, lastMessage: null, assignee: null });
  });

  it('when another client, a worker or anyone asks for an order’s thread, then 404 — and unknown subjects are 404 too', async () => {
    const o = await order();
    await send(client, `laundry_order/${o.id}`, 'Olá').expect(201);
    for (const agent of [otherClient, worker]) {
      expect((await agent.get(`/api/threads/laundry_order/${o.id}/messages`)).status).toBe(404);
      expect((await agent.get(`/api/threads/laundry_order/${o.id}`)).status).toBe(404);
      const post = await send(agent, `laundry_order/${o.id}`, 'Intruso');
      expect(post.status).toBe(404);
      expect(post.body.error.code).toBe('NOT_FOUND');
      expect((await agent.post(`/api/threads/laundry_order/${o.id}/read`).send({ upToMessageId: 1 })).status).toBe(404);
    }
    expect((await admin.get('/api/threads/laundry_order/999999/messages')).status).toBe(404);
    expect((await admin.get('/api/threads/request/999999/messages')).status).toBe(404);
    expect((await admin.get('/api/threads/invoice/1/messages')).status).toBe(400);
    expect((await supertest(t.app).get(`/api/threads/laundry_order/${o.id}/messages`)).status).toBe(401);
  });

  it('when a worker is on an open job, then they read and write its thread without money or the client’s details; after completion, 404', async () => {
    const j = await job();
    await send(client, `cleaning_job/${j.id}`, 'A chave está com a vizinha do 1.º.').expect(201);
    const read = await worker.get(`/api/threads/cleaning_job/${j.id}/messages`).expect(200);
    expect(read.body.data[0].body).toBe('A chave está com a vizinha do 1.º.');
    const reply = await send(worker, `cleaning_job/${j.id}`, 'Obrigada, vou buscá-la.');
    expect(reply.status).toBe(201);
    expect(reply.body.data.author).toMatchObject({ kind: 'worker', name: 'Ana Ferreira' });

    const seen = [
      (await worker.get(`/api/threads/cleaning_job/${j.id}`)).body.data,
      (await worker.get(`/api/threads/cleaning_job/${j.id}/messages`)).body.data,
      (await worker.get('/api/threads')).body.data,
      reply.body.data,
    ];
    const keys = [...keysOf(seen)];
    expect(keys.filter((k) => /cents|price|total|amount|balance|vat|paid|phone|email|nif/i.test(k))).toEqual([]);
    expect(seen[0].client).toBeNull();
    expect((await worker.get('/api/threads')).body.data.map((x: { subjectId: number }) => x.subjectId)).toContain(j.id);

    expect((await otherWorker.get(`/api/threads/cleaning_job/${j.id}/messages`)).status).toBe(404);
    expect((await send(otherWorker, `cleaning_job/${j.id}`, 'Olá')).status).toBe(404);

    await completeJob(t, j.id, { at: new Date(t.clock.now().getTime() - 60_000).toISOString(), billableMinutes: 120, subtotalCents: 3000, vatCents: 690 });
    expect((await worker.get(`/api/threads/cleaning_job/${j.id}/messages`)).status).toBe(404);
    expect((await send(worker, `cleaning_job/${j.id}`, 'Esqueci-me de dizer…')).status).toBe(404);
    expect((await worker.get('/api/threads')).body.data.map((x: { subjectId: number }) => x.subjectId)).not.toContain(j.id);
    // Staff and the client keep the thread.
    expect((await client.get(`/api/threads/cleaning_job/${j.id}/messages`)).body.data).toHaveLength(2);
    expect((await admin.get(`/api/threads/cleaning_job/${j.id}/messages`)).body.data).toHaveLength(2);
  });

  it('when a message holds markup, then it comes back as the literal text, trimmed', async () => {
    const o = await order();
    const text = '<b>negrito</b> & <script>alert(1)</script> "aspas"';
    const res = await send(client, `laundry_order/${o.id}`, `\n  ${text}\t`).expect(201);
    expect(res.body.data.body).toBe(text);
    expect((await admin.get(`/api/threads/laundry_order/${o.id}/messages`)).body.data[0].body).toBe(text);
  });

  it('when a message is empty, blank or over 2000 characters, then 400 with its code; 2000 exactly is fine', async () => {
    const o = await order();
    for (const [body, code] of [
      ['', 'MESSAGE_EMPTY'],
      ['   \n\t ', 'MESSAGE_EMPTY'],
      ['x'.repeat(2001), 'MESSAGE_TOO_LONG'],
    ] as const) {
      const res = await send(client, `laundry_order/${o.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    expect((await send(client, `laundry_order/${o.id}`, 7)).status).toBe(400);
    expect((await client.post(`/api/threads/laundry_order/${o.id}/messages`).send({ body: 'ok', html: true })).status).toBe(400);
    expect((await send(client, `laundry_order/${o.id}`, `  ${'y'.repeat(2000)}  `)).status).toBe(201);
  });

  it('when someone sends more than 20 messages in a minute, then 429 MESSAGE_RATE_LIMITED until the minute has passed', async () => {
    const { client: own, agent } = await signedInClient(t, admin, { name: 'Cliente Apressada' });
    const o = await order(own.id);
    for (let i = 1; i <= 20; i += 1) await send(agent, `laundry_order/${o.id}`, `Mensagem ${i}`).expect(201);
    const limited = await send(agent, `laundry_order/${o.id}`, 'Mensagem 21');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('MESSAGE_RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('60');
    // Staff writing on the same thread have their own allowance.
    await send(admin, `laundry_order/${o.id}`, 'Calma, já respondemos.').expect(201);
    const saved = t.clock.now();
    t.clock.set(new Date(saved.getTime() + 61_000));
    try {
      await send(agent, `laundry_order/${o.id}`, 'Mensagem 21').expect(201);
    } finally {
      t.clock.set(saved);
    }
  });

  it('when the same message is sent twice with one Idempotency-Key, then it is posted once', async () => {
    const o = await order();
    const key = `msg-${o.id}-once`;
    const a = await client.post(`/api/threads/laundry_order/${o.id}/messages`).set('Idempotency-Key', key).send({ body: 'Só uma vez' });
    const b = await client.post(`/api/threads/laundry_order/${o.id}/messages`).set('Idempotency-Key', key).send({ body: 'Só uma vez' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.data.id).toBe(a.body.data.id);
    expect((await client.get(`/api/threads/laundry_order/${o.id}/messages`)).body.data).toHaveLength(1);
  });

  it('when the other side writes, then the unread count goes up, and reading up to a message brings it down', async () => {
    const o = await order();
    const staffBefore = await unread(admin);
    const clientBefore = await unread(client);
    const m1 = (await send(client, `laundry_order/${o.id}`, 'Primeira').expect(201)).body.data;
    const m2 = (await send(client, `laundry_order/${o.id}`, 'Segunda').expect(201)).body.data;
    expect(await unread(admin)).toEqual({ count: staffBefore.count + 2, threads: staffBefore.threads + 1 });
    // The author's own messages are never unread for them.
    expect(await unread(client)).toEqual(clientBefore);

    const inbox = await admin.get('/api/threads?unread=true').expect(200);
    const entry = inbox.body.data.find((x: { subjectId: number; subject: string }) => x.subject === 'laundry_order' && x.subjectId === o.id);
    expect(entry).toMatchObject({ unreadCount: 2, lastMessage: { id: m2.id, excerpt: 'Segunda', authorName: 'Maria Santos' } });
    const all = await admin.get('/api/threads').expect(200);
    const firstRead = all.body.data.findIndex((x: { unreadCount: number }) => x.unreadCount === 0);
    const lastUnread = all.body.data.map((x: { unreadCount: number }) => x.unreadCount > 0).lastIndexOf(true);
    if (firstRead !== -1) expect(lastUnread).toBeLessThan(firstRead);

    const partly = await admin.post(`/api/threads/laundry_order/${o.id}/read`).send({ upToMessageId: m1.id }).expect(200);
    expect(partly.body.data).toMatchObject({ unreadCount: 1, lastReadMessageId: m1.id });
    expect((await unread(admin)).count).toBe(staffBefore.count + 1);
    // Another staff member keeps their own read mark.
    expect((await master.get(`/api/threads/laundry_order/${o.id}`)).body.data.unreadCount).toBe(2);
    await admin.post(`/api/threads/laundry_order/${o.id}/read`).send({ upToMessageId: m2.id + 1000 }).expect(200);
    expect(await unread(admin)).toEqual(staffBefore);
    // A mark never moves back.
    const back = await admin.post(`/api/threads/laundry_order/${o.id}/read`).send({ upToMessageId: m1.id }).expect(200);
    expect(back.body.data).toMatchObject({ unreadCount: 0, lastReadMessageId: m2.id });

    const reply = (await send(admin, `laundry_order/${o.id}`, 'Resposta').expect(201)).body.data;
    expect(await unread(client)).toEqual({ count: clientBefore.count + 1, threads: clientBefore.threads + 1 });
    expect((await client.get('/api/threads?unread=true')).body.data.map((x: { subjectId: number }) => x.subjectId)).toContain(o.id);
    await client.post(`/api/threads/laundry_order/${o.id}/read`).send({ upToMessageId: reply.id }).expect(200);
    expect(await unread(client)).toEqual(clientBefore);
    // Another client's inbox never lists it.
    expect((await otherClient.get('/api/threads')).body.data.map((x: { subjectId: number }) => x.subjectId)).not.toContain(o.id);
  });

  it('when a message arrives, then the other side is notified with a link: all masters and admins, or only the assignee once there is one', async () => {
    const o = await order();
    const before = { admin: (await notificationsOf('user', adminId)).length, master: (await notificationsOf('user', masterId)).length, client: (await notificationsOf('client', clientId)).length };
    await send(client, `laundry_order/${o.id}`, 'Olá').expect(201);
    const adminNotes = await notificationsOf('user', adminId);
    expect(adminNotes).toHaveLength(before.admin + 1);
    expect(adminNotes.at(-1)).toMatchObject({ link: `/admin/laundry/${o.id}`, params: { subject: 'laundry_order', subjectId: o.id, reference: o.orderNumber } });
    expect(await notificationsOf('user', masterId)).toHaveLength(before.master + 1);
    // The client's own message does not notify the client.
    expect(await notificationsOf('client', clientId)).toHaveLength(before.client);

    const assigned = await admin.put(`/api/threads/laundry_order/${o.id}/assignee`).send({ assigneeId: masterId }).expect(200);
    expect(assigned.body.data.assignee).toEqual({ id: masterId, name: 'Helena Sousa' });
    await send(client, `laundry_order/${o.id}`, 'Mais uma coisa').expect(201);
    expect(await notificationsOf('user', adminId)).toHaveLength(before.admin + 1);
    expect(await notificationsOf('user', masterId)).toHaveLength(before.master + 2);

    await send(admin, `laundry_order/${o.id}`, 'Diga').expect(201);
    const clientNotes = await notificationsOf('client', clientId);
    expect(clientNotes.at(-1)).toMatchObject({ link: `/client/laundry/${o.id}` });
    const bell = await client.get('/api/notifications').expect(200);
    expect(bell.body.data[0]).toMatchObject({ type: 'message_received', title: 'Nova mensagem', body: `Nova mensagem sobre a encomenda ${o.orderNumber}.` });
  });

  it('when a message is posted on an open job’s thread, then its workers are notified too, with their own link', async () => {
    const j = await job();
    const wid = await workerId(t);
    const before = (await notificationsOf('user', wid)).length;
    await send(client, `cleaning_job/${j.id}`, 'Há um cão em casa.').expect(201);
    const notes = await notificationsOf('user', wid);
    expect(notes).toHaveLength(before + 1);
    expect(notes.at(-1)!.link).toBe(`/worker/cleaning/${j.id}`);
    // The worker's own message notifies the client and staff, not themself.
    await send(worker, `cleaning_job/${j.id}`, 'Sem problema.').expect(201);
    expect(await notificationsOf('user', wid)).toHaveLength(before + 1);
    expect((await notificationsOf('client', clientId)).at(-1)!.link).toBe(`/client/cleaning/${j.id}`);
  });

  it('when staff assign a thread, then only an active master or admin may be assigned, only staff may assign, and it is audited', async () => {
    const o = await order();
    const bad = await admin.put(`/api/threads/laundry_order/${o.id}/assignee`).send({ assigneeId: await workerId(t) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_ASSIGNEE');
    expect((await client.put(`/api/threads/laundry_order/${o.id}/assignee`).send({ assigneeId: adminId })).status).toBe(403);
    expect((await worker.put(`/api/threads/laundry_order/${o.id}/assignee`).send({ assigneeId: adminId })).status).toBe(403);
    await admin.put(`/api/threads/laundry_order/${o.id}/assignee`).send({ assigneeId: adminId }).expect(200);
    const cleared = await admin.put(`/api/threads/laundry_order/${o.id}/assignee`).send({ assigneeId: null }).expect(200);
    expect(cleared.body.data.assignee).toBeNull();
    const log = await admin.get('/api/audit-log?entity=thread&action=assign').expect(200);
    expect(log.body.data.length).toBeGreaterThanOrEqual(2);
  });

  it('when a client is exported and then anonymised, then their conversations are in the export and then gone', async () => {
    const { client: own, agent } = await signedInClient(t, admin, { name: 'Teresa Privada' });
    const o = await order(own.id);
    await send(agent, `laundry_order/${o.id}`, 'A minha morada nova é Rua X, 5').expect(201);
    await send(admin, `laundry_order/${o.id}`, 'Anotado, Teresa.').expect(201);

    const exported = await admin.get(`/api/clients/${own.id}/export`).expect(200);
    expect(exported.body.data.sections.messages).toMatchObject([
      { subject: 'laundry_order', subjectId: o.id, from: 'client', authorName: 'Teresa Privada', body: 'A minha morada nova é Rua X, 5' },
      { subject: 'laundry_order', subjectId: o.id, from: 'staff', body: 'Anotado, Teresa.' },
    ]);
    const mine = await agent.get('/api/clients/me/export').expect(200);
    expect(mine.body.data.sections.messages).toHaveLength(2);

    await admin.post(`/api/clients/${own.id}/anonymise`).send({ confirm: true }).expect(200);
    const after = await admin.get(`/api/clients/${own.id}/export`).expect(200);
    expect(after.body.data.sections.messages).toEqual([]);
    expect(JSON.stringify(after.body.data)).not.toContain('Rua X, 5');
    const left = await t.db.query(`SELECT 1 FROM thread_messages m JOIN threads th ON th.id = m.thread_id WHERE th.client_id = $1`, [own.id]);
    expect(left.rowCount).toBe(0);
    expect((await admin.get(`/api/threads/laundry_order/${o.id}/messages`)).body.data).toEqual([]);
  });
});
