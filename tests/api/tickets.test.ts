import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createStaff, NEW_PASSWORD } from '../helpers/people-fixtures.js';
import { bookJob, demoClientId, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('tickets', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let otherWorker: Agent;
  let otherWorkerId: number;
  let client: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    const created = await createStaff(admin, { name: 'Bruno Dias' });
    otherWorkerId = created.user.id;
    otherWorker = supertest.agent(t.app);
    await otherWorker.post('/api/auth/login/user').send({ username: created.user.username, password: created.temporaryPassword });
    await otherWorker.post('/api/auth/change-password').send({ currentPassword: created.temporaryPassword, newPassword: NEW_PASSWORD });
  });
  afterAll(async () => {
    await t.close();
  });

  const report = (agent: Agent, body: Record<string, unknown> = {}) =>
    agent.post('/api/tickets').send({ title: 'Falta detergente', description: 'O armário está vazio.', ...body });

  it('when a worker reports a problem about their job, then it is open, medium by default, and theirs', async () => {
    const clientId = await demoClientId(t);
    const job = await bookJob(admin, { clientId, propertyId: await propertyOf(admin, clientId), workerIds: [await workerId(t)] });
    const res = await report(worker, { title: 'Cliente ausente', cleaningJobId: job.id });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'open', priority: 'medium', cleaningJobId: job.id, createdBy: { name: 'Ana Ferreira' }, assignee: null, comments: [] });
  });

  it('when a worker links a job that is not theirs or an unknown order, then 400', async () => {
    const clientId = await demoClientId(t);
    const job = await bookJob(admin, { clientId, propertyId: await propertyOf(admin, clientId), workerIds: [otherWorkerId] });
    const notMine = await report(worker, { cleaningJobId: job.id });
    expect(notMine.status).toBe(400);
    expect(notMine.body.error.code).toBe('UNKNOWN_JOB');
    const unknown = await report(worker, { laundryOrderId: 999999 });
    expect(unknown.body.error.code).toBe('UNKNOWN_ORDER');
    const both = await report(worker, { laundryOrderId: 1, cleaningJobId: 1 });
    expect(both.status).toBe(400);
  });

  it('when a ticket links a laundry order, then its number comes back', async () => {
    const services = await serviceIds(t);
    const o = await takeOrder(admin, { clientId: await demoClientId(t), lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
    const res = await report(worker, { title: 'Nódoa não saiu', laundryOrderId: o.id, priority: 'low' });
    expect(res.body.data.laundryOrder).toEqual({ id: o.id, orderNumber: o.orderNumber });
  });

  it('when admins list, then tickets come most urgent first and oldest first within a priority, and filters apply', async () => {
    const base = new Date('2026-04-01T08:00:00Z').getTime();
    const made: Record<string, number> = {};
    for (const [i, [name, priority]] of ([
      ['medium-old', 'medium'],
      ['urgent-new', 'urgent'],
      ['low', 'low'],
      ['urgent-old', 'urgent'],
      ['medium-new', 'medium'],
    ] as const).entries()) {
      t.clock.set(new Date(base + (name.endsWith('old') ? i : 100 + i) * 60_000));
      made[name] = (await report(admin, { title: `T ${name}`, priority })).body.data.id;
    }
    t.clock.set(new Date());
    const ids = Object.values(made);
    const res = await admin.get('/api/tickets').query({ limit: 100 });
    const order = (res.body.data as Array<{ id: number }>).map((x) => x.id).filter((id) => ids.includes(id));
    expect(order).toEqual([made['urgent-old'], made['urgent-new'], made['medium-old'], made['medium-new'], made.low]);

    const paged = await admin.get('/api/tickets').query({ limit: 2, priority: 'urgent,medium' });
    const next = await admin.get('/api/tickets').query({ limit: 2, priority: 'urgent,medium', cursor: paged.body._meta.nextCursor });
    expect([...paged.body.data, ...next.body.data].map((x: { priority: string }) => x.priority)).toEqual(['urgent', 'urgent', 'medium', 'medium']);
    expect((await admin.get('/api/tickets').query({ priority: 'critical' })).status).toBe(400);
  });

  it('when an admin assigns, prioritises, resolves and closes, then who and when are recorded and the worker now sees it', async () => {
    const created = (await report(admin, { title: 'Máquina 2 avariada' })).body.data;
    expect((await otherWorker.get(`/api/tickets/${created.id}`)).status).toBe(404);

    const assigned = await admin.patch(`/api/tickets/${created.id}`).send({ version: created.version, assigneeId: otherWorkerId, priority: 'high', status: 'in_progress' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data).toMatchObject({ assignee: { id: otherWorkerId, name: 'Bruno Dias' }, priority: 'high', status: 'in_progress' });
    expect((await otherWorker.get(`/api/tickets/${created.id}`)).status).toBe(200);
    const theirs = await otherWorker.get('/api/tickets').query({ limit: 100 });
    expect(theirs.body.data.map((x: { id: number }) => x.id)).toContain(created.id);

    const comment = await otherWorker.post(`/api/tickets/${created.id}/comments`).send({ body: 'Técnico chamado.' });
    expect(comment.status).toBe(201);

    t.clock.set('2026-04-02T15:00:00Z');
    const resolved = await admin.post(`/api/tickets/${created.id}/resolve`).send({ version: assigned.body.data.version, resolution: 'Peça substituída' });
    t.clock.set(new Date());
    expect(resolved.body.data).toMatchObject({ status: 'resolved', resolvedAt: '2026-04-02T15:00:00.000Z', resolvedBy: { name: 'Ricardo Almeida' }, resolution: 'Peça substituída' });
    expect(resolved.body.data.comments.map((c: { body: string }) => c.body)).toEqual(['Técnico chamado.']);

    const again = await admin.post(`/api/tickets/${created.id}/resolve`).send({ version: resolved.body.data.version, resolution: 'outra vez' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');

    const closed = await admin.post(`/api/tickets/${created.id}/close`).send({ version: resolved.body.data.version });
    expect(closed.body.data).toMatchObject({ status: 'closed', closedBy: { name: 'Ricardo Almeida' } });
    const stale = await admin.patch(`/api/tickets/${created.id}`).send({ version: resolved.body.data.version, priority: 'low' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');

    const reopened = await admin.post(`/api/tickets/${created.id}/reopen`).send({ version: closed.body.data.version, reason: 'Voltou a avariar' });
    expect(reopened.body.data).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null });
    expect(reopened.body.data.comments.map((c: { body: string }) => c.body)).toEqual(['Técnico chamado.', 'Voltou a avariar']);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'ticket' AND entity_id = $1 ORDER BY id`, [String(created.id)]);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update', 'comment', 'resolve', 'close', 'reopen']);
  });

  it('when a worker tries admin actions or reads someone else’s ticket, then 403 or 404; clients are kept out', async () => {
    const mine = (await report(worker)).body.data;
    const others = (await report(otherWorker)).body.data;
    expect((await worker.patch(`/api/tickets/${mine.id}`).send({ version: 1, priority: 'urgent' })).status).toBe(403);
    expect((await worker.post(`/api/tickets/${mine.id}/resolve`).send({ version: 1, resolution: 'feito' })).status).toBe(403);
    expect((await worker.get(`/api/tickets/${others.id}`)).status).toBe(404);
    expect((await worker.post(`/api/tickets/${others.id}/comments`).send({ body: 'olá' })).status).toBe(404);
    const list = await worker.get('/api/tickets').query({ limit: 100 });
    expect(list.body.data.map((x: { id: number }) => x.id)).not.toContain(others.id);
    expect((await client.get('/api/tickets')).status).toBe(403);
    expect((await client.post('/api/tickets').send({ title: 'abc', description: 'x' })).status).toBe(403);
  });

  it('when a ticket is assigned to a client id or an inactive user, then 400 INVALID_ASSIGNEE', async () => {
    const created = (await report(admin)).body.data;
    const res = await admin.patch(`/api/tickets/${created.id}`).send({ version: created.version, assigneeId: 999999 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ASSIGNEE');
  });
});
