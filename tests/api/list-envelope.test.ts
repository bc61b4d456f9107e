import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, demoClientId, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

const PAGING = ['total', 'limit', 'offset', 'count', 'nextCursor'] as const;

/**
 * Every list answers the list envelope of PRODUCT §6 (ADR 0001): walks the route table, calls each GET
 * route as every signed-in role with real ids in its path, and fails on any array `data` without the
 * paging figures, and on any route that declares a bare array as its answer.
 */
describe('every list answers the list envelope', () => {
  let t: TestApp;
  let agents: Record<string, Agent>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    agents = { master: await t.signIn('master'), admin: await t.signIn('admin'), worker: await t.signIn('worker'), client: await t.signIn('client') };
    const admin = agents.admin!;
    const clientId = await demoClientId(t);
    const services = await serviceIds(t);
    const order = await takeOrder(admin, { clientId, lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
    const job = await bookJob(admin, { clientId, propertyId: await propertyOf(admin, clientId), workerIds: [await workerId(t)] });
    const ticket = await admin.post('/api/tickets').send({ title: 'Falta detergente', description: 'Acabou na carrinha', priority: 'low' });
    expect(ticket.status).toBe(201);
    await admin.post(`/api/tickets/${ticket.body.data.id}/comments`).send({ body: 'Vou buscar' });
    const first = async (table: string) => (await t.db.query<{ id: number }>(`SELECT min(id)::int AS id FROM ${table}`)).rows[0]!.id;
    Object.assign(ids, {
      clients: clientId,
      'laundry-orders': order.id,
      'cleaning-jobs': job.id,
      tickets: ticket.body.data.id,
      users: await workerId(t),
      properties: await propertyOf(admin, clientId),
      'laundry-services': services.DRY_CLEAN,
      payments: await first('payments'),
      receipts: await first('receipts'),
      notifications: await first('notifications'),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  /** `/api/tickets/:id/comments` → `/api/tickets/7/comments`, the id of a real ticket. */
  const concrete = (path: string) => {
    const resource = /^\/api\/([^/]+)/.exec(path)?.[1] ?? '';
    return path.replace(/:[A-Za-z0-9_]+/g, String(ids[resource] ?? 1));
  };

  it('when a route is declared, then its answer is never a bare array', () => {
    expect(t.built.routes.filter((r) => r.bareArray).map((r) => `${r.method.toUpperCase()} ${r.path}`)).toEqual([]);
  });

  it('when each GET route is called by each role, then every array it answers carries total, limit, offset, count and nextCursor', async () => {
    const missing: string[] = [];
    let lists = 0;
    for (const entry of t.built.routes.filter((r) => r.method === 'get')) {
      for (const [role, agent] of Object.entries(agents)) {
        const res = await agent.get(concrete(entry.path));
        const where = `GET ${entry.path} as ${role} → ${res.status}`;
        if (res.status >= 500) missing.push(where);
        if (res.status !== 200 || !Array.isArray(res.body?.data)) continue;
        lists += 1;
        const absent = PAGING.filter((k) => !(k in (res.body._meta ?? {})));
        if (absent.length > 0 || !entry.list) missing.push(`${where} without ${absent.join(', ') || 'list: true'}`);
        else expect(res.body._meta.count, where).toBe(res.body.data.length);
      }
    }
    expect(missing).toEqual([]);
    expect(lists).toBeGreaterThan(20);
  });
});
