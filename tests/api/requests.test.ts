import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PROPERTY, signedInClient } from '../helpers/people-fixtures.js';
import { serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';
import { lisbonDate } from '../../src/lib/clock.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('client requests', () => {
  let t: TestApp;
  let admin: Agent;
  let master: Agent;
  let worker: Agent;
  let ana: { client: { id: number }; agent: Agent };
  let bruno: { client: { id: number }; agent: Agent };
  let anaHome: number;
  let brunoHome: number;

  /** A Lisbon date `n` days after the test clock's today. */
  const day = (n: number) => {
    const d = new Date(`${lisbonDate(t.clock.now())}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };

  const addHome = async (clientId: number) => {
    const res = await admin.post(`/api/clients/${clientId}/properties`).send(PROPERTY);
    expect(res.status).toBe(201);
    return res.body.data.id as number;
  };

  const pickup = (agent: Agent, body: Record<string, unknown> = {}) =>
    agent.post('/api/requests').send({ kind: 'pickup', propertyId: anaHome, preferredDate: day(2), windowStart: '09:00', windowEnd: '12:00', notes: 'Dois sacos', ...body });

  const readyOrder = async (clientId: number) => {
    const services = await serviceIds(t);
    const order = await takeOrder(admin, { clientId, lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
    expect((await admin.post(`/api/laundry-orders/${order.id}/status`).send({ status: 'in_progress' })).status).toBe(200);
    expect((await admin.post(`/api/laundry-orders/${order.id}/mark-ready`).send({})).status).toBe(200);
    return order;
  };

  const orderForm = (clientId: number, services: Record<string, number>) => ({ clientId, orderType: 'itemized', lines: [{ serviceId: services.DRY_CLEAN!, quantity: 2 }] });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    master = await t.signIn('master');
    worker = await t.signIn('worker');
    ana = await signedInClient(t, admin, { name: 'Ana Pedido' });
    bruno = await signedInClient(t, admin, { name: 'Bruno Pedido' });
    anaHome = await addHome(ana.client.id);
    brunoHome = await addHome(bruno.client.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('when a client asks for a pickup at their address, then it is pending with its history and the owner and managers are notified', async () => {
    const res = await pickup(ana.agent);
    expect(res.status).toBe(201);
    const r = res.body.data;
    expect(r).toMatchObject({ kind: 'pickup', state: 'pending', preferredDate: day(2), windowStart: '09:00', windowEnd: '12:00', notes: 'Dois sacos', property: { id: anaHome }, laundryOrder: null });
    expect(r.history).toEqual([expect.objectContaining({ action: 'create', fromState: null, toState: 'pending', by: { type: 'client', id: ana.client.id, name: 'Ana Pedido' } })]);
    for (const staff of [admin, master]) {
      const bell = await staff.get('/api/notifications');
      const notice = (bell.body.data as Array<{ type: string; link: string; body: string }>).find((n) => n.type === 'request_created' && n.link === `/app/requests/${r.id}`);
      expect(notice?.body).toContain('Ana Pedido');
    }
  });

  it('when the input is wrong, then it is refused with a stable code: another client’s address or order 404, a past day or a backwards window 400', async () => {
    const other = await pickup(ana.agent, { propertyId: brunoHome });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    const past = await pickup(ana.agent, { preferredDate: day(-1) });
    expect(past.status).toBe(400);
    expect(past.body.error.code).toBe('DATE_IN_PAST');
    const backwards = await pickup(ana.agent, { windowStart: '12:00', windowEnd: '09:00' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('INVALID_TIME_WINDOW');
    const same = await pickup(ana.agent, { windowStart: '12:00', windowEnd: '12:00' });
    expect(same.body.error.code).toBe('INVALID_TIME_WINDOW');
    const nowhere = await pickup(ana.agent, { propertyId: undefined });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.code).toBe('VALIDATION_FAILED');
    const badTime = await pickup(ana.agent, { windowStart: '25:00' });
    expect(badTime.body.error.code).toBe('VALIDATION_FAILED');
    const cleaningWithout = await ana.agent.post('/api/requests').send({ kind: 'cleaning', preferredDate: day(3), windowStart: '09:00', windowEnd: '12:00' });
    expect(cleaningWithout.status).toBe(400);

    const brunosOrder = await readyOrder(bruno.client.id);
    const notMine = await ana.agent.post('/api/requests').send({ kind: 'delivery', orderId: brunosOrder.id, propertyId: anaHome, preferredDate: day(2), windowStart: '18:00', windowEnd: '20:00' });
    expect(notMine.status).toBe(404);
    const services = await serviceIds(t);
    const fresh = await takeOrder(admin, { clientId: ana.client.id, lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
    const notReady = await ana.agent.post('/api/requests').send({ kind: 'delivery', orderId: fresh.id, propertyId: anaHome, preferredDate: day(2), windowStart: '18:00', windowEnd: '20:00' });
    expect(notReady.status).toBe(409);
    expect(notReady.body.error.code).toBe('DELIVERY_ORDER_NOT_READY');
  });

  it('when someone else asks, then a client sees only their own requests (404 for another’s), a worker is refused, and staff cannot ask for a client', async () => {
    const mine = (await pickup(ana.agent)).body.data;
    expect((await bruno.agent.get(`/api/requests/${mine.id}`)).status).toBe(404);
    expect((await bruno.agent.post(`/api/requests/${mine.id}/cancel`).send({ version: mine.version })).status).toBe(404);
    const brunos = await bruno.agent.get('/api/requests');
    expect((brunos.body.data as Array<{ id: number }>).map((r) => r.id)).not.toContain(mine.id);
    for (const res of [await worker.get('/api/requests'), await worker.get(`/api/requests/${mine.id}`), await worker.get('/api/requests/counts'), await pickup(worker)]) {
      expect(res.status).toBe(403);
    }
    expect((await pickup(admin)).status).toBe(403);
    expect((await ana.agent.post(`/api/requests/${mine.id}/propose`).send({ version: mine.version, date: day(3), windowStart: '10:00', windowEnd: '11:00' })).status).toBe(403);
    expect((await ana.agent.post(`/api/requests/${mine.id}/accept`).send({})).status).toBe(403);
    expect((await ana.agent.get('/api/requests/counts')).status).toBe(403);
    expect((await supertest(t.app).get('/api/requests')).status).toBe(401);
  });

  it('when staff propose another time and the client accepts it, then it waits on staff at the new time, told to the client, each step in the history', async () => {
    const r = (await pickup(ana.agent)).body.data;
    const backwards = await admin.post(`/api/requests/${r.id}/propose`).send({ version: r.version, date: day(4), windowStart: '15:00', windowEnd: '14:00' });
    expect(backwards.body.error.code).toBe('INVALID_TIME_WINDOW');
    const proposed = await admin.post(`/api/requests/${r.id}/propose`).send({ version: r.version, date: day(4), windowStart: '14:00', windowEnd: '16:00', note: 'De manhã não temos carrinha' });
    expect(proposed.status).toBe(200);
    expect(proposed.body.data).toMatchObject({ state: 'proposed', proposal: { date: day(4), windowStart: '14:00', windowEnd: '16:00', note: 'De manhã não temos carrinha' } });
    const stale = await admin.post(`/api/requests/${r.id}/propose`).send({ version: r.version, date: day(5), windowStart: '14:00', windowEnd: '16:00' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    // Waiting on the client: staff cannot accept it or propose again until the client answers.
    const early = await admin.post(`/api/requests/${r.id}/accept`).send({ laundryOrder: orderForm(ana.client.id, await serviceIds(t)) });
    expect(early.body.error.code).toBe('INVALID_TRANSITION');

    const bell = await ana.agent.get('/api/notifications');
    const told = (bell.body.data as Array<{ type: string; link: string; params: { state: string } }>).find((n) => n.type === 'request_updated' && n.link === `/client/requests/${r.id}`);
    expect(told?.params.state).toBe('proposed');

    const accepted = await ana.agent.post(`/api/requests/${r.id}/accept-proposal`).send({ version: proposed.body.data.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({ state: 'pending_confirmation', preferredDate: day(4), windowStart: '14:00', windowEnd: '16:00', proposal: null });
    expect((accepted.body.data.history as Array<{ action: string; by: { type: string } }>).map((h) => [h.action, h.by.type])).toEqual([
      ['create', 'client'],
      ['propose', 'user'],
      ['accept_proposal', 'client'],
    ]);
    const again = await ana.agent.post(`/api/requests/${r.id}/accept-proposal`).send({ version: accepted.body.data.version });
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    const audit = await admin.get(`/api/audit-log?entity=client_request&entityId=${r.id}`);
    expect((audit.body.data as Array<{ action: string }>).map((e) => e.action)).toEqual(['propose']);
  });

  it('when the client declines a proposal, then it waits on staff at their own time; staff may then decline it with a reason the client reads', async () => {
    const r = (await pickup(ana.agent)).body.data;
    const proposed = (await admin.post(`/api/requests/${r.id}/propose`).send({ version: r.version, date: day(5), windowStart: '08:00', windowEnd: '09:00' })).body.data;
    const kept = await ana.agent.post(`/api/requests/${r.id}/decline-proposal`).send({ version: proposed.version, note: 'Só posso de manhã' });
    expect(kept.body.data).toMatchObject({ state: 'pending', preferredDate: day(2), windowStart: '09:00', proposal: null });
    const noReason = await admin.post(`/api/requests/${r.id}/decline`).send({ version: kept.body.data.version, reason: '' });
    expect(noReason.status).toBe(400);
    const declined = await admin.post(`/api/requests/${r.id}/decline`).send({ version: kept.body.data.version, reason: 'Sem recolhas nessa zona' });
    expect(declined.body.data).toMatchObject({ state: 'declined', declineReason: 'Sem recolhas nessa zona' });
    const cancel = await ana.agent.post(`/api/requests/${r.id}/cancel`).send({ version: declined.body.data.version });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('INVALID_TRANSITION');
    const bell = await ana.agent.get('/api/notifications');
    expect((bell.body.data as Array<{ link: string; body: string; params: { state: string } }>).find((n) => n.link === `/client/requests/${r.id}` && n.params.state === 'declined')?.body).toContain('Sem recolhas nessa zona');
  });

  it('when the client cancels before it is accepted, then it is cancelled; staff can do nothing more with it', async () => {
    const r = (await pickup(ana.agent)).body.data;
    const cancelled = await ana.agent.post(`/api/requests/${r.id}/cancel`).send({ version: r.version, reason: 'Já não preciso' });
    expect(cancelled.body.data).toMatchObject({ state: 'cancelled', cancelReason: 'Já não preciso' });
    for (const res of [
      await admin.post(`/api/requests/${r.id}/propose`).send({ version: cancelled.body.data.version, date: day(3), windowStart: '10:00', windowEnd: '11:00' }),
      await admin.post(`/api/requests/${r.id}/decline`).send({ version: cancelled.body.data.version, reason: 'Tarde demais' }),
      await admin.get(`/api/requests/${r.id}/prefill`),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('INVALID_TRANSITION');
    }
  });

  it('when staff accept a pickup, then the prefill has the client, address, time and notes, nothing is made until the order form is confirmed, and the order carries the request', async () => {
    const services = await serviceIds(t);
    const r = (await pickup(ana.agent)).body.data;
    const prefill = await admin.get(`/api/requests/${r.id}/prefill`);
    expect(prefill.body.data).toMatchObject({ requestId: r.id, form: 'laundry_order', clientId: ana.client.id, clientName: 'Ana Pedido', propertyId: anaHome, date: day(2), time: '09:00', notes: 'Dois sacos' });
    expect((await admin.get(`/api/requests/${r.id}`)).body.data.state).toBe('pending');

    const noForm = await admin.post(`/api/requests/${r.id}/accept`).send({});
    expect(noForm.body.error.code).toBe('REQUEST_FORM_REQUIRED');
    const wrongClient = await admin.post(`/api/requests/${r.id}/accept`).send({ laundryOrder: orderForm(bruno.client.id, services) });
    expect(wrongClient.body.error.code).toBe('REQUEST_CLIENT_MISMATCH');
    const badLine = await admin.post(`/api/requests/${r.id}/accept`).send({ laundryOrder: { ...orderForm(ana.client.id, services), lines: [{ serviceId: 999999, quantity: 1 }] } });
    expect(badLine.status).toBe(400);
    expect((await t.db.query(`SELECT 1 FROM laundry_orders WHERE request_id = $1`, [r.id])).rowCount).toBe(0);

    const accepted = await admin.post(`/api/requests/${r.id}/accept`).send({ version: r.version, laundryOrder: orderForm(ana.client.id, services) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.state).toBe('accepted');
    const orderId = accepted.body.data.laundryOrder.id as number;
    expect(accepted.body.data.laundryOrder.orderNumber).toMatch(/^LDR-/);
    expect((await admin.get(`/api/laundry-orders/${orderId}`)).body.data.requestId).toBe(r.id);
    // The client sees the link from both ends.
    expect((await ana.agent.get(`/api/requests/${r.id}`)).body.data.laundryOrder.id).toBe(orderId);
    expect((await ana.agent.get(`/api/laundry-orders/${orderId}`)).body.data.requestId).toBe(r.id);
    const bell = await ana.agent.get('/api/notifications');
    expect((bell.body.data as Array<{ link: string; params: { state: string } }>).some((n) => n.link === `/client/requests/${r.id}` && n.params.state === 'accepted')).toBe(true);
    const audit = await admin.get(`/api/audit-log?entity=client_request&entityId=${r.id}`);
    expect((audit.body.data as Array<{ action: string }>).map((e) => e.action)).toEqual(['accept']);
    const cancel = await ana.agent.post(`/api/requests/${r.id}/cancel`).send({ version: accepted.body.data.version });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('REQUEST_ALREADY_ACCEPTED');
  });

  it('when two staff accept the same request at once, then one order is made and the other gets 409 with its id; a retry with the same key gets the first answer', async () => {
    const services = await serviceIds(t);
    const r = (await pickup(ana.agent)).body.data;
    const body = { laundryOrder: orderForm(ana.client.id, services) };
    const [one, two] = await Promise.all([
      admin.post(`/api/requests/${r.id}/accept`).set('Idempotency-Key', `accept-a-${r.id}`).send(body),
      master.post(`/api/requests/${r.id}/accept`).set('Idempotency-Key', `accept-b-${r.id}`).send(body),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const won = one.status === 200 ? one : two;
    const lost = one.status === 200 ? two : one;
    expect(lost.body.error.code).toBe('REQUEST_ALREADY_ACCEPTED');
    expect(lost.body.error.details.laundryOrderId).toBe(won.body.data.laundryOrder.id);
    const retry = await (one.status === 200 ? admin : master)
      .post(`/api/requests/${r.id}/accept`)
      .set('Idempotency-Key', `accept-${one.status === 200 ? 'a' : 'b'}-${r.id}`)
      .send(body);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.data.laundryOrder.id).toBe(won.body.data.laundryOrder.id);
    const orders = await t.db.query(`SELECT id FROM laundry_orders WHERE request_id = $1`, [r.id]);
    expect(orders.rowCount).toBe(1);
  });

  it('when staff accept a cleaning request, then the job is made for that property and carries the request; a repeating job is refused', async () => {
    const r = (await ana.agent.post('/api/requests').send({ kind: 'cleaning', propertyId: anaHome, preferredDate: day(6), windowStart: '10:00', windowEnd: '13:00', notes: 'Limpeza geral' })).body.data;
    expect(r).toMatchObject({ kind: 'cleaning', state: 'pending' });
    const prefill = (await admin.get(`/api/requests/${r.id}/prefill`)).body.data;
    expect(prefill).toMatchObject({ form: 'cleaning_job', propertyId: anaHome, date: day(6), time: '10:00' });
    const job = { clientId: ana.client.id, propertyId: anaHome, jobType: 'house', scheduledDate: prefill.date, scheduledTime: prefill.time, estimatedHours: 3, workerIds: [await workerId(t)] };
    const repeating = await admin.post(`/api/requests/${r.id}/accept`).send({ cleaningJob: { ...job, recurrence: { frequency: 'weekly', interval: 1, until: day(30) } } });
    expect(repeating.status).toBe(400);
    const accepted = await admin.post(`/api/requests/${r.id}/accept`).send({ cleaningJob: job });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.state).toBe('accepted');
    const jobId = accepted.body.data.cleaningJobId as number;
    const detail = (await admin.get(`/api/cleaning-jobs/${jobId}`)).body.data;
    expect(detail).toMatchObject({ requestId: r.id, scheduledDate: day(6), scheduledTime: '10:00' });
    const twice = await admin.post(`/api/requests/${r.id}/accept`).send({ cleaningJob: job });
    expect(twice.body.error).toMatchObject({ code: 'REQUEST_ALREADY_ACCEPTED', details: { cleaningJobId: jobId } });
  });

  it('when staff accept a delivery, then the ready order is marked for delivery on the agreed day at the client’s address', async () => {
    const order = await readyOrder(ana.client.id);
    const r = (await ana.agent.post('/api/requests').send({ kind: 'delivery', orderId: order.id, propertyId: anaHome, preferredDate: day(3), windowStart: '18:00', windowEnd: '20:00' })).body.data;
    expect(r.laundryOrder).toMatchObject({ id: order.id, status: 'ready' });
    expect((await admin.get(`/api/requests/${r.id}/prefill`)).body.data).toMatchObject({ form: 'delivery', laundryOrderId: order.id });
    const accepted = await admin.post(`/api/requests/${r.id}/accept`).send({ version: r.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({ state: 'accepted', laundryOrder: { id: order.id } });
    const after = (await admin.get(`/api/laundry-orders/${order.id}`)).body.data;
    expect(after).toMatchObject({ deliveryRequested: true, deliveryDate: day(3) });
  });

  it('when staff list, then the newest come first, filters by state, kind and client apply, and the counts say how many wait on staff', async () => {
    const first = (await pickup(bruno.agent, { propertyId: brunoHome })).body.data;
    const second = (await bruno.agent.post('/api/requests').send({ kind: 'cleaning', propertyId: brunoHome, preferredDate: day(2), windowStart: '09:00', windowEnd: '10:00' })).body.data;
    const list = await admin.get('/api/requests').query({ clientId: bruno.client.id });
    expect((list.body.data as Array<{ id: number }>).map((r) => r.id)).toEqual([second.id, first.id]);
    const cleaning = await admin.get('/api/requests').query({ clientId: bruno.client.id, kind: 'cleaning' });
    expect((cleaning.body.data as Array<{ id: number }>).map((r) => r.id)).toEqual([second.id]);
    const pending = await admin.get('/api/requests').query({ state: 'pending,pending_confirmation' });
    expect((pending.body.data as Array<{ state: string }>).every((r) => r.state === 'pending' || r.state === 'pending_confirmation')).toBe(true);
    expect((await admin.get('/api/requests').query({ state: 'nonsense' })).status).toBe(400);
    const counts = (await admin.get('/api/requests/counts')).body.data;
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM client_requests WHERE state IN ('pending', 'pending_confirmation')`);
    expect(counts.new).toBe(rows[0]!.n);
    expect(counts.byState.pending).toBeGreaterThan(0);
  });

  it('when a client’s data is exported, then their requests and their history are in it; anonymised, the free texts go', async () => {
    const r = (await pickup(ana.agent, { notes: 'Campainha avariada' })).body.data;
    const exported = await admin.get(`/api/clients/${ana.client.id}/export`);
    const section = exported.body.data.sections.requests as Array<{ id: number; notes: string; history: unknown[] }>;
    const mine = section.find((x) => x.id === r.id);
    expect(mine).toMatchObject({ notes: 'Campainha avariada' });
    expect(mine?.history).toHaveLength(1);
    expect(section.length).toBeGreaterThan(5);
    const carla = await signedInClient(t, admin, { name: 'Carla Apagada' });
    const carlaHome = await addHome(carla.client.id);
    const hers = (await pickup(carla.agent, { propertyId: carlaHome, notes: 'Deixar com a vizinha' })).body.data;
    expect((await admin.post(`/api/clients/${carla.client.id}/anonymise`).send({ confirm: true })).status).toBeLessThan(300);
    const { rows } = await t.db.query<{ notes: string | null }>(`SELECT notes FROM client_requests WHERE id = $1`, [hers.id]);
    expect(rows[0]!.notes).toBeNull();
  });
});
