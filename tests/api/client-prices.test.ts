import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bookJob, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';
import { createClient } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

/** Issue 19 §7: a client's own prices, applied by laundry and cleaning pricing on the Lisbon day priced. */
describe('client price lists', () => {
  let t: TestApp;
  let admin: Agent;
  let services: Record<string, number>;
  let clientId: number;

  const washLine = (weightGrams = 4000) => ({ serviceId: services.WASH_IRON!, weightGrams });
  const addPrice = (body: Record<string, unknown>, id = clientId) => admin.post(`/api/clients/${id}/prices`).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    services = await serviceIds(t);
    clientId = (await createClient(admin)).client.id;
  });
  afterAll(() => t.close());

  describe('when staff edit the price list', () => {
    it('when a price is zero or less, then 400 PRICE_NOT_POSITIVE', async () => {
      for (const priceCents of [0, -100]) {
        const res = await addPrice({ item: 'laundry_service', serviceId: services.WASH_IRON, priceCents, validFrom: '2026-01-01' });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('PRICE_NOT_POSITIVE');
      }
      const hour = await addPrice({ item: 'cleaning_hour', priceCents: 0, validFrom: '2026-01-01' });
      expect(hour.body.error.code).toBe('PRICE_NOT_POSITIVE');
    });

    it('when two prices of the same item share a day, then 400 PRICE_PERIOD_OVERLAP; other items and adjacent days are fine', async () => {
      const other = (await createClient(admin)).client.id;
      const first = await addPrice({ item: 'laundry_service', serviceId: services.IRON_ONLY, priceCents: 300, validFrom: '2026-02-01', validTo: '2026-02-28' }, other);
      expect(first.status).toBe(201);
      const clash = await addPrice({ item: 'laundry_service', serviceId: services.IRON_ONLY, priceCents: 280, validFrom: '2026-02-28' }, other);
      expect(clash.status).toBe(400);
      expect(clash.body.error.code).toBe('PRICE_PERIOD_OVERLAP');
      const openEnded = await addPrice({ item: 'laundry_service', serviceId: services.IRON_ONLY, priceCents: 280, validFrom: '2026-03-01' }, other);
      expect(openEnded.status).toBe(201);
      // An open-ended price overlaps anything after its start.
      const later = await addPrice({ item: 'laundry_service', serviceId: services.IRON_ONLY, priceCents: 250, validFrom: '2027-01-01', validTo: '2027-01-31' }, other);
      expect(later.body.error.code).toBe('PRICE_PERIOD_OVERLAP');
      expect((await addPrice({ item: 'laundry_service', serviceId: services.WASH_IRON, priceCents: 250, validFrom: '2026-02-15' }, other)).status).toBe(201);
      expect((await addPrice({ item: 'cleaning_hour', priceCents: 1200, validFrom: '2026-02-15' }, other)).status).toBe(201);
      // Editing one into the other's days is refused the same way.
      const moved = await admin.patch(`/api/clients/${other}/prices/${first.body.data.id}`).send({ version: first.body.data.version, validTo: '2026-03-05' });
      expect(moved.status).toBe(400);
      expect(moved.body.error.code).toBe('PRICE_PERIOD_OVERLAP');
      const list = await admin.get(`/api/clients/${other}/prices`);
      expect(list.status).toBe(200);
      expect(list.body._meta.total).toBe(4);
      expect(list.body.data.find((p: { item: string }) => p.item === 'cleaning_hour').catalogueCents).toBe(1500);
    });

    it('when the input is malformed, then 400 with a stable code, never 500', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ item: 'laundry_service', priceCents: 200, validFrom: '2026-01-01' }, 'SERVICE_REQUIRED'],
        [{ item: 'cleaning_hour', serviceId: services.WASH_IRON, priceCents: 200, validFrom: '2026-01-01' }, 'SERVICE_NOT_ALLOWED'],
        [{ item: 'laundry_service', serviceId: 999999, priceCents: 200, validFrom: '2026-01-01' }, 'UNKNOWN_SERVICE'],
        [{ item: 'cleaning_hour', priceCents: 200, validFrom: '2026-02-30' }, 'VALIDATION_FAILED'],
        [{ item: 'cleaning_hour', priceCents: 200, validFrom: '2026-02-10', validTo: '2026-02-09' }, 'VALIDATION_FAILED'],
        [{ item: 'cleaning_hour', priceCents: 2.5, validFrom: '2026-02-10' }, 'VALIDATION_FAILED'],
      ];
      for (const [body, code] of cases) {
        const res = await addPrice(body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code).toBe(code);
      }
      expect((await addPrice({ item: 'cleaning_hour', priceCents: 200, validFrom: '2026-01-01' }, 99999999)).status).toBe(404);
    });

    it('when a client or worker asks, then they are refused', async () => {
      for (const who of ['worker', 'client'] as const) {
        const agent = await t.signIn(who);
        expect((await agent.get(`/api/clients/${clientId}/prices`)).status).toBe(403);
        expect((await agent.post(`/api/clients/${clientId}/prices`).send({ item: 'cleaning_hour', priceCents: 100, validFrom: '2026-01-01' })).status).toBe(403);
      }
    });
  });

  describe('when laundry is priced', () => {
    let priceId: number;
    let version: number;

    beforeAll(async () => {
      // WASH_IRON is 350 c/kg in the catalogue; this client pays 200 c/kg through March 2026.
      const res = await addPrice({ item: 'laundry_service', serviceId: services.WASH_IRON, priceCents: 200, validFrom: '2026-03-01', validTo: '2026-03-31' });
      expect(res.status).toBe(201);
      priceId = res.body.data.id;
      version = res.body.data.version;
    });

    it('when the client has a price in force, then the preview and the order use it and say so', async () => {
      t.clock.set('2026-03-10T10:00:00Z');
      const catalogue = (await t.db.query<{ price_cents: number }>(`SELECT price_cents FROM laundry_services WHERE id = $1`, [services.WASH_IRON])).rows[0]!.price_cents;
      const without = await admin.post('/api/laundry-orders/price-preview').send({ lines: [washLine()] });
      expect(without.body.data.lines[0]).toMatchObject({ unitPriceCents: catalogue, clientPrice: false, totalCents: 4 * catalogue });
      const preview = await admin.post('/api/laundry-orders/price-preview').send({ clientId, lines: [washLine()] });
      expect(preview.status).toBe(200);
      expect(preview.body.data.lines[0]).toMatchObject({ unitPriceCents: 200, clientPrice: true, baseCents: 800 });
      const order = await takeOrder(admin, { clientId, lines: [washLine()] });
      expect(order.totalCents).toBe(preview.body.data.totalCents);
      const detail = await admin.get(`/api/laundry-orders/${order.id}`);
      expect(detail.body.data.lines[0]).toMatchObject({ unitPriceCents: 200, clientPrice: true, totalCents: 800 });
      // Another client on the same day pays the catalogue.
      const stranger = (await createClient(admin)).client.id;
      const theirs = await takeOrder(admin, { clientId: stranger, lines: [washLine()] });
      expect((await admin.get(`/api/laundry-orders/${theirs.id}`)).body.data.lines[0]).toMatchObject({ unitPriceCents: catalogue, clientPrice: false });
    });

    it('when the Lisbon day is at the edges of validity, then the first and last days count and the days outside do not', async () => {
      const unitOn = async (instant: string) => {
        t.clock.set(instant);
        const res = await admin.post('/api/laundry-orders/price-preview').send({ clientId, lines: [washLine()] });
        return res.body.data.lines[0].clientPrice as boolean;
      };
      // 1 March 00:30 in Lisbon is 00:30 UTC (winter); 28 February 23:59 UTC is still February in Lisbon.
      expect(await unitOn('2026-02-28T23:59:00Z')).toBe(false);
      expect(await unitOn('2026-03-01T00:00:00Z')).toBe(true);
      // 31 March 23:30 Lisbon (summer time) is 22:30 UTC: still valid; 23:00 UTC is 1 April in Lisbon.
      expect(await unitOn('2026-03-31T22:30:00Z')).toBe(true);
      expect(await unitOn('2026-03-31T23:00:00Z')).toBe(false);
      t.clock.set(new Date());
    });

    it('when the price is edited or removed after an order was taken, then the order keeps its price', async () => {
      t.clock.set('2026-03-12T10:00:00Z');
      const order = await takeOrder(admin, { clientId, lines: [washLine()] });
      const before = (await admin.get(`/api/laundry-orders/${order.id}`)).body.data;
      const edited = await admin.patch(`/api/clients/${clientId}/prices/${priceId}`).send({ version, priceCents: 150 });
      expect(edited.status).toBe(200);
      expect(edited.body.data.priceCents).toBe(150);
      const after = (await admin.get(`/api/laundry-orders/${order.id}`)).body.data;
      expect(after.lines).toEqual(before.lines);
      expect(after.totalCents).toBe(before.totalCents);
      // A line added now is priced at the edited price and the others keep theirs.
      const added = await admin.post(`/api/laundry-orders/${order.id}/lines`).send({ ...washLine(1000), version: after.version });
      expect(added.status).toBe(200);
      expect(added.body.data.lines.map((l: { unitPriceCents: number }) => l.unitPriceCents)).toEqual([200, 150]);
      expect((await admin.delete(`/api/clients/${clientId}/prices/${priceId}`)).status).toBe(204);
      expect((await admin.get(`/api/laundry-orders/${order.id}`)).body.data.totalCents).toBe(added.body.data.totalCents);
      const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'client_price' AND entity_id = $1 ORDER BY id`, [String(priceId)]);
      expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
      t.clock.set(new Date());
    });
  });

  describe('when cleaning is booked', () => {
    it("when the client has an hourly rate on the job's day, then the job is priced at it unless staff typed a rate", async () => {
      const client = (await createClient(admin)).client.id;
      const propertyId = await propertyOf(admin, client);
      const worker = await workerId(t);
      const rate = await addPrice({ item: 'cleaning_hour', priceCents: 1200, validFrom: '2026-04-01', validTo: '2026-04-30' }, client);
      expect(rate.status).toBe(201);
      const inside = await bookJob(admin, { clientId: client, propertyId, workerIds: [worker], scheduledDate: '2026-04-30' });
      const outside = await bookJob(admin, { clientId: client, propertyId, workerIds: [worker], scheduledDate: '2026-05-01' });
      const typed = await bookJob(admin, { clientId: client, propertyId, workerIds: [worker], scheduledDate: '2026-04-15', hourlyRateCents: 1800 });
      const job = async (id: number) => (await admin.get(`/api/cleaning-jobs/${id}`)).body.data;
      expect(await job(inside.id)).toMatchObject({ hourlyRateCents: 1200, clientPrice: true, estimate: { subtotalCents: 2400 } });
      expect(await job(outside.id)).toMatchObject({ hourlyRateCents: 1500, clientPrice: false });
      expect(await job(typed.id)).toMatchObject({ hourlyRateCents: 1800, clientPrice: false });
      // The rate is a snapshot: editing the client's price leaves the booked job alone.
      await admin.patch(`/api/clients/${client}/prices/${rate.body.data.id}`).send({ version: rate.body.data.version, priceCents: 1000 });
      expect(await job(inside.id)).toMatchObject({ hourlyRateCents: 1200, clientPrice: true });
    });
  });
});
