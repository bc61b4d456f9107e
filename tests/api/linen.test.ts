import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PROPERTY, signedInClient } from '../helpers/people-fixtures.js';
import { plainJpeg } from '../fixtures/photo-fixtures.js';
import { uploadPhotos } from '../fixtures/photo-api.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('turnover linen', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let client: Agent;
  let otherClient: Agent;
  let clientId: number;
  let workerId: number;
  let propertyId: number;
  let perItem: Array<{ id: number; price_cents: number }>;

  const newJob = async (jobType = 'airbnb') =>
    (await admin.post('/api/cleaning-jobs').send({ clientId, propertyId, jobType, scheduledDate: '2026-06-02', scheduledTime: '11:00', estimatedHours: 1, workerIds: [workerId] }).expect(201)).body.data.id as number;
  const workAndComplete = async (jobId: number, hour: number) => {
    t.clock.set(`2026-06-02T${String(hour).padStart(2, '0')}:00:00Z`);
    await worker.post(`/api/cleaning-jobs/${jobId}/start`).send({}).expect(200);
    t.clock.set(`2026-06-02T${String(hour).padStart(2, '0')}:45:00Z`);
    await worker.post(`/api/cleaning-jobs/${jobId}/end`).send({}).expect(200);
    return worker.post(`/api/cleaning-jobs/${jobId}/complete`).send({});
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    otherClient = (await signedInClient(t, admin)).agent;
    clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
    workerId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'worker1'`)).rows[0]!.id;
    propertyId = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Chiado T2' }).expect(201)).body.data.id;
    // The catalogue ships one per-item service; linen pieces get one of their own here.
    await t.db.query(`INSERT INTO laundry_services (code, name, name_en, pricing_unit, price_cents) VALUES ('BATH_TOWEL', 'Toalha de banho', 'Bath towel', 'per_item', 150)`);
    perItem = (await t.db.query<{ id: number; price_cents: number }>(`SELECT id, price_cents FROM laundry_services WHERE pricing_unit = 'per_item' AND is_active ORDER BY id LIMIT 2`)).rows;
    await t.db.query(`INSERT INTO settings (key, value) VALUES ('requireAfterPhoto', 'false')`);
    t.clock.set('2026-06-02T08:00:00Z');
  });
  afterAll(() => t?.close());

  it('when staff save a linen set, then it is read back in order; a per-kg service is refused', async () => {
    const perKg = (await t.db.query<{ id: number }>(`SELECT id FROM laundry_services WHERE pricing_unit = 'per_kg' LIMIT 1`)).rows[0]!.id;
    const refused = await admin.put(`/api/properties/${propertyId}/linen`).send({ items: [{ serviceId: perKg, label: 'Roupa', quantity: 1 }] });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'LINEN_SERVICE_NOT_PER_ITEM']);
    const saved = await admin
      .put(`/api/properties/${propertyId}/linen`)
      .send({ items: [{ serviceId: perItem[0]!.id, label: 'Jogo de cama de casal', quantity: 2 }, { serviceId: perItem[1]!.id, label: 'Toalha de banho', quantity: 4 }] })
      .expect(200);
    expect(saved.body.data.map((i: { label: string; quantity: number }) => [i.label, i.quantity])).toEqual([
      ['Jogo de cama de casal', 2],
      ['Toalha de banho', 4],
    ]);
    expect((await client.get(`/api/properties/${propertyId}/linen`).expect(200)).body.data).toHaveLength(2);
    await otherClient.get(`/api/properties/${propertyId}/linen`).expect(404);
  });

  it('when the worker counts a towel missing and completes the turnover, then a received laundry order for the host carries the counted pieces, priced from the catalogue', async () => {
    const jobId = await newJob();
    const linen = (await worker.get(`/api/cleaning-jobs/${jobId}/linen`).expect(200)).body.data;
    expect(linen.order).toBeNull();
    const towels = linen.items[1].linenItemId;
    const counted = (await worker.put(`/api/cleaning-jobs/${jobId}/linen`).send({ counts: [{ linenItemId: towels, quantity: 3 }] }).expect(200)).body.data;
    expect(counted.items.map((i: { planned: number; count: number }) => [i.planned, i.count])).toEqual([
      [2, 2],
      [4, 3],
    ]);
    await workAndComplete(jobId, 9).then((r) => expect(r.status).toBe(200));

    const after = (await client.get(`/api/cleaning-jobs/${jobId}/linen`).expect(200)).body.data;
    expect(after.order).toMatchObject({ status: 'received' });
    const order = (await admin.get(`/api/laundry-orders/${after.order.id}`).expect(200)).body.data;
    expect(order.client.id).toBe(clientId);
    expect(order.lines.map((l: { quantity: number; unitPriceCents: number }) => [l.quantity, l.unitPriceCents])).toEqual([
      [2, perItem[0]!.price_cents],
      [3, perItem[1]!.price_cents],
    ]);
    expect(order.totalCents).toBeGreaterThan(0);
    // Counting after completion is refused: the order already left.
    expect((await worker.put(`/api/cleaning-jobs/${jobId}/linen`).send({ counts: [{ linenItemId: towels, quantity: 4 }] })).status).toBe(409);
  });

  it('when a house cleaning at the same property is completed, then no linen order is made', async () => {
    const jobId = await newJob('house');
    await workAndComplete(jobId, 12).then((r) => expect(r.status).toBe(200));
    expect((await admin.get(`/api/cleaning-jobs/${jobId}/linen`).expect(200)).body.data.order).toBeNull();
  });

  it('when the host opens the report of a completed turnover, then it shows the time on site, photos by room before and after, and the linen order; staff see the same page', async () => {
    const jobId = await newJob();
    expect((await client.get(`/api/cleaning-jobs/${jobId}/report`)).status).toBe(409);
    await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(320, 240, 1), name: 'antes.jpg' }], { photoType: 'before', roomArea: 'Quarto' }).expect(201);
    await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(320, 240, 2), name: 'depois.jpg' }], { photoType: 'after', roomArea: 'Quarto' }).expect(201);
    await workAndComplete(jobId, 15).then((r) => expect(r.status).toBe(200));

    const report = (await client.get(`/api/cleaning-jobs/${jobId}/report`).expect(200)).body.data;
    expect(report).toMatchObject({ jobId, property: { id: propertyId, name: 'Chiado T2' }, scheduledDate: '2026-06-02', timeOnSite: [{ startedAt: '2026-06-02T15:00:00.000Z', endedAt: '2026-06-02T15:45:00.000Z', minutes: 45 }] });
    expect(report.rooms.map((r: { room: string; before: unknown[]; after: unknown[] }) => [r.room, r.before.length, r.after.length])).toEqual([['Quarto', 1, 1]]);
    expect(report.linen.order).toMatchObject({ status: 'received' });
    // The host can open the photos the report lists.
    await client.get(report.rooms[0].after[0].url).expect(200);
    expect((await admin.get(`/api/cleaning-jobs/${jobId}/report`).expect(200)).body.data).toEqual(report);
    await otherClient.get(`/api/cleaning-jobs/${jobId}/report`).expect(404);
    await worker.get(`/api/cleaning-jobs/${jobId}/report`).expect(403);
  });
});
