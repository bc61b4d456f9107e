import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPasswordHasher } from '../../src/modules/auth/password.js';
import { TEST_ARGON2 } from '../helpers/test-config.js';

type Agent = ReturnType<typeof supertest.agent>;

const hasher = createPasswordHasher(TEST_ARGON2);

/** Every key anywhere in a JSON value, to prove a field is absent at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

describe('laundry', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let client: Agent;
  let services: Record<string, number>;
  let clientId: number;
  let otherClientId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    const { rows } = await t.db.query<{ id: number; code: string }>(`SELECT id, code FROM laundry_services`);
    services = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
    otherClientId = (
      await t.db.query<{ id: number }>(
        `INSERT INTO clients (phone, password_hash, name, must_change_password) VALUES ('+351933000111', $1, 'Rui Costa', false) RETURNING id`,
        [await hasher.hash('other-client-pw')],
      )
    ).rows[0]!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const order = (extra: Record<string, unknown> = {}) => ({
    clientId,
    orderType: 'bulk_kg',
    lines: [
      { serviceId: services.WASH_IRON, weightGrams: 5500 },
      { serviceId: services.DRY_CLEAN, quantity: 2, itemType: 'Fato', conditionNotes: 'Nódoa na gola' },
    ],
    internalNotes: 'Cliente habitual',
    specialInstructions: 'Sem amaciador',
    ...extra,
  });

  describe('catalogue', () => {
    it('when a worker reads the catalogue, then it has names and no prices', async () => {
      const res = await worker.get('/api/laundry-services');
      expect(res.status).toBe(200);
      expect(res.body.data.map((s: { code: string }) => s.code).sort()).toEqual(['DRY_CLEAN', 'IRON_ONLY', 'WASH_IRON']);
      expect([...keysOf(res.body.data)].filter((k) => /cents/i.test(k))).toEqual([]);
    });

    it('when a client reads the catalogue, then the seeded prices are there', async () => {
      const res = await client.get('/api/laundry-services');
      const byCode = Object.fromEntries(res.body.data.map((s: { code: string; priceCents: number }) => [s.code, s]));
      expect(byCode.WASH_IRON).toMatchObject({ priceCents: 350, pricingUnit: 'per_kg', isPackage: true, packageIncludes: ['WASH', 'IRON'] });
      expect(byCode.DRY_CLEAN).toMatchObject({ priceCents: 800, pricingUnit: 'per_item' });
      expect(byCode.IRON_ONLY).toMatchObject({ priceCents: 200, pricingUnit: 'per_kg' });
    });

    it('when a worker or client tries to change a price, then 403; anonymous 401', async () => {
      expect((await worker.patch(`/api/laundry-services/${services.IRON_ONLY}`).send({ version: 1, priceCents: 1 })).status).toBe(403);
      expect((await client.patch(`/api/laundry-services/${services.IRON_ONLY}`).send({ version: 1, priceCents: 1 })).status).toBe(403);
      expect((await t.request.get('/api/laundry-services')).status).toBe(401);
    });
  });

  describe('taking an order', () => {
    it('when 5.5 kg WASH_IRON and two DRY_CLEAN suits are previewed, then the live total is exact', async () => {
      const res = await admin.post('/api/laundry-orders/price-preview').send({ lines: order().lines });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ linesTotalCents: 3525, subtotalCents: 3525, vatRateBasisPoints: 2300, vatCents: 811, totalCents: 4336 });
      expect(res.body.data.lines.map((l: { totalCents: number }) => l.totalCents)).toEqual([1925, 1600]);
    });

    it('when the order is taken, then it is numbered, priced, snapshotted and starts as received', async () => {
      const res = await admin.post('/api/laundry-orders').send(order());
      expect(res.status).toBe(201);
      const o = res.body.data;
      expect(o.orderNumber).toMatch(/^LDR-\d{8}-\d{3,}$/);
      expect(o).toMatchObject({ status: 'received', subtotalCents: 3525, vatCents: 811, totalCents: 4336, deliveryFeeCents: 0, allowedNext: ['in_progress', 'cancelled'] });
      expect(o.lines[0]).toMatchObject({ serviceCode: 'WASH_IRON', weightGrams: 5500, unitPriceCents: 350, baseCents: 1925, totalCents: 1925 });
      expect(o.lines[1]).toMatchObject({ serviceCode: 'DRY_CLEAN', quantity: 2, unitPriceCents: 800, totalCents: 1600, conditionNotes: 'Nódoa na gola' });
      expect(o.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'received' })]);
      const stored = await t.db.query(`SELECT total_cents, vat_rate_bp FROM laundry_orders WHERE id = $1`, [o.id]);
      expect(stored.rows[0]).toEqual({ total_cents: 4336, vat_rate_bp: 2300 });
    });

    it('when 5.5 kg alone is ordered, then it is the worked example: €19.25 + €4.43 = €23.68', async () => {
      const res = await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: services.WASH_IRON, weightGrams: 5500 }] }));
      expect(res.body.data).toMatchObject({ subtotalCents: 1925, vatCents: 443, totalCents: 2368 });
    });

    it('when delivery is requested to a free-text address, then the delivery fee is added before VAT', async () => {
      const res = await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }], deliveryRequested: true, deliveryAddress: 'Rua Augusta 10, 1100-053 Lisboa' }));
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ deliveryFeeCents: 500, subtotalCents: 1300, vatCents: 299, totalCents: 1599, deliveryAddress: 'Rua Augusta 10, 1100-053 Lisboa' });
    });

    it('when the catalogue price changes afterwards, then existing orders keep their price', async () => {
      const before = await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: services.IRON_ONLY, weightGrams: 1000 }] }));
      const service = (await admin.get('/api/laundry-services')).body.data.find((s: { code: string }) => s.code === 'IRON_ONLY');
      const changed = await admin.patch(`/api/laundry-services/${service.id}`).send({ version: service.version, priceCents: 250 });
      expect(changed.status).toBe(200);
      const again = await admin.get(`/api/laundry-orders/${before.body.data.id}`);
      expect(again.body.data.totalCents).toBe(before.body.data.totalCents);
      expect(again.body.data.lines[0].unitPriceCents).toBe(200);
      const fresh = await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: services.IRON_ONLY, weightGrams: 1000 }] }));
      expect(fresh.body.data.lines[0].unitPriceCents).toBe(250);
      const stale = await admin.patch(`/api/laundry-services/${service.id}`).send({ version: service.version, priceCents: 300 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('STALE_VERSION');
    });

    it('when the same Idempotency-Key is retried, then one order exists', async () => {
      const key = 'laundry-create-0001';
      const first = await admin.post('/api/laundry-orders').set('Idempotency-Key', key).send(order());
      const second = await admin.post('/api/laundry-orders').set('Idempotency-Key', key).send(order());
      expect(second.body.data.orderNumber).toBe(first.body.data.orderNumber);
      const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM laundry_orders WHERE order_number = $1`, [first.body.data.orderNumber]);
      expect(rows[0]!.n).toBe(1);
    });

    it('when 50 orders are created in parallel, then they get 50 consecutive numbers of the day', async () => {
      const day = (await admin.post('/api/laundry-orders').send(order())).body.data.orderNumber.slice(0, 12);
      const results = await Promise.all(Array.from({ length: 50 }, () => admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] }))));
      expect(results.every((r) => r.status === 201)).toBe(true);
      const numbers = results.map((r) => Number(r.body.data.orderNumber.slice(13))).sort((a, b) => a - b);
      for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBe(numbers[i - 1]! + 1);
      expect(results.every((r) => r.body.data.orderNumber.startsWith(day))).toBe(true);
    });

    it('when the Lisbon day differs from the UTC day, then the number uses the Lisbon date', async () => {
      t.clock.set('2026-07-15T23:30:00Z');
      try {
        const res = await admin.post('/api/laundry-orders').send(order());
        expect(res.body.data.orderNumber).toBe('LDR-20260716-001');
        await t.db.query(`UPDATE laundry_order_counters SET last_number = 999 WHERE day = '2026-07-16'`);
        const thousandth = await admin.post('/api/laundry-orders').send(order());
        expect(thousandth.body.data.orderNumber).toBe('LDR-20260716-1000');
      } finally {
        t.clock.set(new Date());
      }
    });
  });

  describe('bad input', () => {
    it.each([
      ['a negative weight', 'VALIDATION_FAILED', { lines: [{ serviceId: 0, weightGrams: -5 }] }],
      ['a zero quantity', 'VALIDATION_FAILED', { lines: [{ serviceId: 0, quantity: 0 }] }],
      ['an absurd weight', 'VALIDATION_FAILED', { lines: [{ serviceId: 0, weightGrams: 2_000_000 }] }],
      ['no lines', 'VALIDATION_FAILED', { lines: [] }],
      ['a fractional discount', 'VALIDATION_FAILED', { discountCents: 10.5 }],
      ['delivery without a place', 'VALIDATION_FAILED', { deliveryRequested: true }],
    ])('when an order has %s, then 400 %s with field details', async (_label, code, patch) => {
      const withService = 'lines' in patch ? { lines: (patch.lines as Array<{ serviceId: number }>).map((l) => ({ ...l, serviceId: services.WASH_IRON })) } : {};
      const body: Record<string, unknown> = { ...order(patch as Record<string, unknown>), ...withService };
      const res = await admin.post('/api/laundry-orders').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.details.length).toBeGreaterThan(0);
    });

    it('when the discount is above the subtotal, then 400 DISCOUNT_EXCEEDS_SUBTOTAL', async () => {
      const res = await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }], discountCents: 801 }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('DISCOUNT_EXCEEDS_SUBTOTAL');
    });

    it('when a per-kg service gets a quantity instead of a weight, then 400 WEIGHT_REQUIRED naming the line', async () => {
      const res = await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: services.WASH_IRON, quantity: 3 }] }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('WEIGHT_REQUIRED');
      expect(res.body.error.details[0].path).toBe('body.lines.0.weightGrams');
    });

    it('when a service is unknown or inactive, then 400 with its own code', async () => {
      const unknown = await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: 99999, quantity: 1 }] }));
      expect(unknown.body.error.code).toBe('UNKNOWN_SERVICE');
      await t.db.query(`INSERT INTO laundry_services (code, name, name_en, pricing_unit, price_cents, is_active) VALUES ('OLD_ONE', 'Antigo', 'Old', 'per_item', 100, false)`);
      const id = (await t.db.query<{ id: number }>(`SELECT id FROM laundry_services WHERE code = 'OLD_ONE'`)).rows[0]!.id;
      const inactive = await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: id, quantity: 1 }] }));
      expect(inactive.status).toBe(400);
      expect(inactive.body.error.code).toBe('SERVICE_INACTIVE');
    });

    it('when the client is deactivated, then 409 CLIENT_INACTIVE and nothing is written', async () => {
      const { rows } = await t.db.query<{ id: number }>(
        `INSERT INTO clients (phone, password_hash, name, is_active) VALUES ('+351966000222', 'x', 'Inativo', false) RETURNING id`,
      );
      const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM laundry_orders`)).rows[0]!.n;
      const res = await admin.post('/api/laundry-orders').send(order({ clientId: rows[0]!.id }));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CLIENT_INACTIVE');
      expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM laundry_orders`)).rows[0]!.n).toBe(before);
    });

    it('when a worker or a client tries to take an order, then 403', async () => {
      expect((await worker.post('/api/laundry-orders').send(order())).status).toBe(403);
      expect((await client.post('/api/laundry-orders').send(order())).status).toBe(403);
    });
  });

  describe('workflow', () => {
    it('when the worker processes an order to ready, then the client is notified once and the worker never sees money', async () => {
      const created = (await admin.post('/api/laundry-orders').send(order())).body.data;
      const skip = await worker.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'ready' });
      expect(skip.status).toBe(409);
      expect(skip.body.error.code).toBe('INVALID_TRANSITION');
      expect(skip.body.error.details).toMatchObject({ from: 'received', to: 'ready', allowed: ['in_progress', 'cancelled'] });

      const started = await worker.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'in_progress' });
      expect(started.status).toBe(200);
      const ready = await worker.post(`/api/laundry-orders/${created.id}/mark-ready`).send({});
      expect(ready.status).toBe(200);
      expect(ready.body.data.status).toBe('ready');
      expect(ready.body.data.readyAt).not.toBeNull();
      const again = await worker.post(`/api/laundry-orders/${created.id}/mark-ready`).send({});
      expect(again.status).toBe(409);

      for (const body of [started.body, ready.body, (await worker.get(`/api/laundry-orders/${created.id}`)).body, (await worker.get('/api/laundry-orders')).body]) {
        const keys = [...keysOf(body.data)];
        expect(keys.filter((k) => /cents|price|phone|email|vat/i.test(k))).toEqual([]);
      }
      const { rows } = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE client_id = $1 AND type = 'laundry.ready' AND params->>'orderNumber' = $2`,
        [clientId, created.orderNumber],
      );
      expect(rows[0]!.n).toBe(1);
      const feed = await client.get('/api/notifications');
      const readyNotice = feed.body.data.find((n: { type: string; params: { orderNumber: string } }) => n.type === 'laundry.ready' && n.params.orderNumber === created.orderNumber);
      expect(readyNotice).toBeDefined();
      // The link opens the order in the client's own area of the web app.
      expect(readyNotice.link).toBe(`/client/laundry/${created.id}`);
    });

    it('when an order without delivery is ready, then it can be collected but not delivered, and collected stamps the accrual date', async () => {
      const created = (await admin.post('/api/laundry-orders').send(order())).body.data;
      await admin.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'in_progress' }).expect(200);
      await admin.post(`/api/laundry-orders/${created.id}/mark-ready`).send({}).expect(200);
      const delivered = await admin.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'delivered' });
      expect(delivered.status).toBe(409);
      const collected = await admin.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'collected', note: 'Levantado pela filha' });
      expect(collected.body.data).toMatchObject({ status: 'collected', allowedNext: [] });
      expect(collected.body.data.collectedAt).not.toBeNull();
      const edit = await admin.patch(`/api/laundry-orders/${created.id}`).send({ version: collected.body.data.version, discountCents: 10 });
      expect(edit.status).toBe(409);
      expect(edit.body.error.code).toBe('ORDER_CLOSED');
    });

    it('when a worker tries to cancel, then 403; staff cancel needs a reason', async () => {
      const created = (await admin.post('/api/laundry-orders').send(order())).body.data;
      expect((await worker.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'cancelled', note: 'x' })).status).toBe(403);
      const noReason = await admin.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'cancelled' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.code).toBe('REASON_REQUIRED');
      const cancelled = await admin.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'cancelled', note: 'Cliente desistiu' });
      expect(cancelled.body.data).toMatchObject({ status: 'cancelled', cancelReason: 'Cliente desistiu' });
    });

    it('when admin reverts the last step, then the status and its stamp go back and the history says why', async () => {
      const created = (await admin.post('/api/laundry-orders').send(order())).body.data;
      await admin.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'in_progress' }).expect(200);
      await admin.post(`/api/laundry-orders/${created.id}/mark-ready`).send({}).expect(200);
      expect((await worker.post(`/api/laundry-orders/${created.id}/revert`).send({ reason: 'engano' })).status).toBe(403);
      const reverted = await admin.post(`/api/laundry-orders/${created.id}/revert`).send({ reason: 'Marcado por engano' });
      expect(reverted.status).toBe(200);
      expect(reverted.body.data).toMatchObject({ status: 'in_progress', readyAt: null });
      expect(reverted.body.data.history.at(-1)).toMatchObject({ fromStatus: 'ready', toStatus: 'in_progress', isRevert: true, note: 'Marcado por engano' });
      const twice = await admin.post(`/api/laundry-orders/${created.id}/revert`).send({ reason: 'de novo' });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('NOTHING_TO_REVERT');
    });

    it('when two status changes race, then one wins and the other is refused', async () => {
      const created = (await admin.post('/api/laundry-orders').send(order())).body.data;
      const [a, b] = await Promise.all([
        worker.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'in_progress' }),
        admin.post(`/api/laundry-orders/${created.id}/status`).send({ status: 'in_progress' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const history = (await admin.get(`/api/laundry-orders/${created.id}`)).body.data.history;
      expect(history.filter((h: { toStatus: string }) => h.toStatus === 'in_progress')).toHaveLength(1);
    });
  });

  describe('editing an open order', () => {
    it('when lines are added and removed, then the order is repriced with its own snapshot', async () => {
      const created = (await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] }))).body.data;
      const added = await admin.post(`/api/laundry-orders/${created.id}/lines`).send({ version: created.version, serviceId: services.WASH_IRON, weightGrams: 5500 });
      expect(added.status).toBe(200);
      expect(added.body.data).toMatchObject({ linesTotalCents: 2725, lineCount: 2 });
      const stale = await admin.post(`/api/laundry-orders/${created.id}/lines`).send({ version: created.version, serviceId: services.DRY_CLEAN, quantity: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('STALE_VERSION');
      const lineId = added.body.data.lines[0].id;
      const removed = await admin.delete(`/api/laundry-orders/${created.id}/lines/${lineId}?version=${added.body.data.version}`);
      expect(removed.body.data).toMatchObject({ linesTotalCents: 1925, totalCents: 2368, lineCount: 1 });
      const last = await admin.delete(`/api/laundry-orders/${created.id}/lines/${removed.body.data.lines[0].id}?version=${removed.body.data.version}`);
      expect(last.status).toBe(409);
      expect(last.body.error.code).toBe('ORDER_NEEDS_A_LINE');
    });

    it('when a discount larger than the new subtotal is set, then 400 and the order is unchanged', async () => {
      const created = (await admin.post('/api/laundry-orders').send(order({ lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] }))).body.data;
      const res = await admin.patch(`/api/laundry-orders/${created.id}`).send({ version: created.version, discountCents: 5000 });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('DISCOUNT_EXCEEDS_SUBTOTAL');
      expect((await admin.get(`/api/laundry-orders/${created.id}`)).body.data.version).toBe(created.version);
    });

    it('when the order is edited, then the audit log keeps the old and new totals but not the notes', async () => {
      const created = (await admin.post('/api/laundry-orders').send(order())).body.data;
      await admin.patch(`/api/laundry-orders/${created.id}`).send({ version: created.version, discountCents: 100, internalNotes: 'segredo interno' }).expect(200);
      const { rows } = await t.db.query<{ changed_fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> }>(
        `SELECT changed_fields, before, after FROM audit_log WHERE entity = 'laundry_order' AND entity_id = $1 AND action = 'update'`,
        [String(created.id)],
      );
      expect(rows[0]!.changed_fields).toEqual(expect.arrayContaining(['discountCents', 'internalNotes', 'totalCents']));
      expect(rows[0]!.after).toMatchObject({ discountCents: 100 });
      expect(JSON.stringify(rows[0])).not.toContain('segredo interno');
    });
  });

  describe('what a client sees', () => {
    it('when a client lists and opens orders, then only their own, with totals and without internal notes', async () => {
      const mine = (await admin.post('/api/laundry-orders').send(order())).body.data;
      const theirs = (await admin.post('/api/laundry-orders').send(order({ clientId: otherClientId }))).body.data;
      const list = await client.get('/api/laundry-orders?limit=100');
      expect(list.status).toBe(200);
      expect(list.body.data.every((o: { id: number }) => o.id !== theirs.id)).toBe(true);
      expect(list.body.data.some((o: { id: number }) => o.id === mine.id)).toBe(true);
      const detail = await client.get(`/api/laundry-orders/${mine.id}`);
      expect(detail.body.data).toMatchObject({ totalCents: 4336, status: 'received' });
      expect(keysOf(detail.body.data).has('internalNotes')).toBe(false);
      expect(keysOf(detail.body.data).has('changedBy')).toBe(false);
      const other = await client.get(`/api/laundry-orders/${theirs.id}`);
      expect(other.status).toBe(404);
      expect((await client.post(`/api/laundry-orders/${mine.id}/status`).send({ status: 'in_progress' })).status).toBe(403);
    });
  });

  describe('lists', () => {
    it('when filtered by status and searched by number or client name, then only matching orders come back', async () => {
      const a = (await admin.post('/api/laundry-orders').send(order({ clientId: otherClientId }))).body.data;
      const byName = await admin.get('/api/laundry-orders?q=rui%20cos&limit=100');
      expect(byName.body.data.every((o: { client: { name: string } }) => o.client.name === 'Rui Costa')).toBe(true);
      expect(byName.body.data.some((o: { id: number }) => o.id === a.id)).toBe(true);
      const byNumber = await admin.get(`/api/laundry-orders?q=${a.orderNumber}`);
      expect(byNumber.body.data.map((o: { id: number }) => o.id)).toEqual([a.id]);
      const cancelled = await admin.get('/api/laundry-orders?status=cancelled');
      expect(cancelled.body.data.every((o: { status: string }) => o.status === 'cancelled')).toBe(true);
      const bad = await admin.get('/api/laundry-orders?status=lost');
      expect(bad.status).toBe(400);
    });

    it('when paging by cursor, then pages do not overlap and together cover the list', async () => {
      const first = await admin.get('/api/laundry-orders?limit=10&sort=-createdAt');
      expect(first.body._meta.nextCursor).toBeTruthy();
      const second = await admin.get(`/api/laundry-orders?limit=10&sort=-createdAt&cursor=${first.body._meta.nextCursor}`);
      const ids = new Set(first.body.data.map((o: { id: number }) => o.id));
      expect(second.body.data.every((o: { id: number }) => !ids.has(o.id))).toBe(true);
      expect(first.body._meta.total).toBeGreaterThan(20);
    });
  });
});
