import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import sharp from 'sharp';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { signedInClient } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;
const run = promisify(execFile);
// jsqr is CommonJS whose types declare an ES default: loaded here, the module itself is the function.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Supertest reads a PDF answer into a Buffer. */
const binary = (res: supertest.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function pdfPages(pdf: Buffer): Promise<number> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'labels-'));
  try {
    await fs.writeFile(path.join(dir, 'a.pdf'), pdf);
    const { stdout } = await run('pdfinfo', [path.join(dir, 'a.pdf')]);
    return Number(/Pages:\s+(\d+)/.exec(stdout)![1]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Renders every page with poppler and decodes the QR code of each (one label a page on the roll). */
async function decodeQrPages(pdf: Buffer): Promise<string[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'labels-'));
  try {
    await fs.writeFile(path.join(dir, 'labels.pdf'), pdf);
    await run('pdftoppm', ['-r', '300', '-png', path.join(dir, 'labels.pdf'), path.join(dir, 'page')]);
    const pages = (await fs.readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const codes: string[] = [];
    for (const page of pages) {
      const { data, info } = await sharp(path.join(dir, page)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
      codes.push(found?.data ?? `<no QR on ${page}>`);
    }
    return codes;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ticket-'));
  try {
    await fs.writeFile(path.join(dir, 't.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-layout', path.join(dir, 't.pdf'), '-']);
    return stdout;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('laundry floor', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let client: Agent;
  let clientId: number;
  let washIron: number;
  let shirt: { id: number; code: string };
  let suit: { id: number; code: string };
  let clothing: number;
  const racks: Array<{ id: number; code: string }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T10:00:00Z');
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
    washIron = (await t.db.query<{ id: number }>(`SELECT id FROM laundry_services WHERE code = 'WASH_IRON'`)).rows[0]!.id;
    const categories = await admin.get('/api/laundry-categories');
    clothing = categories.body.data.find((c: { nameEn: string }) => c.nameEn === 'Clothing').id;
    const made = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/laundry-services').send({ categoryId: clothing, pricingUnit: 'per_item', ...body });
      expect(res.status).toBe(201);
      return res.body.data as { id: number; code: string };
    };
    shirt = await made({ name: 'Camisa', nameEn: 'Shirt', priceCents: 350, turnaroundDays: 2, express: { kind: 'percent', value: 5000, turnaroundDays: 1 } });
    suit = await made({ name: 'Fato 2 peças', nameEn: 'Suit (2 pieces)', priceCents: 1200, turnaroundDays: 3, express: { kind: 'fixed', value: 500, turnaroundDays: 1 } });
    for (const code of ['A1', 'A2', 'A3']) {
      const res = await admin.post('/api/laundry-racks').send({ code, position: racks.length + 1 });
      expect(res.status).toBe(201);
      racks.push(res.body.data);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const takeOrder = async (extra: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/laundry-orders').send({
      clientId,
      orderType: 'itemized',
      lines: [
        { serviceId: shirt.id, quantity: 3, colour: 'Branca', conditionNotes: 'Nódoa no punho' },
        { serviceId: suit.id, quantity: 1, brand: 'Hugo Boss' },
        { serviceId: washIron, weightGrams: 4200 },
      ],
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.data;
  };

  describe('catalogue', () => {
    it('when staff add a service, then its code is made from the name and a second of the same name gets its own', async () => {
      expect(shirt.code).toBe('CAMISA');
      expect(suit.code).toBe('FATO_2_PECAS');
      const again = await admin.post('/api/laundry-services').send({ name: 'Camisa', nameEn: 'Shirt', categoryId: clothing, pricingUnit: 'per_item', priceCents: 400 });
      expect(again.status).toBe(201);
      expect(again.body.data.code).toBe('CAMISA_2');
      const off = await admin.patch(`/api/laundry-services/${again.body.data.id}`).send({ version: again.body.data.version, isActive: false });
      expect(off.body.data.isActive).toBe(false);
      const list = await admin.get('/api/laundry-services?includeInactive=true');
      expect(list.body.data.some((s: { id: number }) => s.id === again.body.data.id)).toBe(true);
    });

    it('when a service names an unknown category or a worker adds one, then 400 UNKNOWN_CATEGORY and 403', async () => {
      const bad = await admin.post('/api/laundry-services').send({ name: 'Colcha', nameEn: 'Bedspread', categoryId: 999999, pricingUnit: 'per_item', priceCents: 1200 });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('UNKNOWN_CATEGORY');
      expect((await worker.post('/api/laundry-services').send({ name: 'X', nameEn: 'X', categoryId: clothing, pricingUnit: 'per_item', priceCents: 1 })).status).toBe(403);
      const pct = await admin.post('/api/laundry-services').send({ name: 'Y', nameEn: 'Y', categoryId: clothing, pricingUnit: 'per_item', priceCents: 1, express: { kind: 'percent', value: 90000, turnaroundDays: 1 } });
      expect(pct.status).toBe(400);
    });

    it('when staff add a category twice, then the second is 409 CATEGORY_EXISTS', async () => {
      const first = await admin.post('/api/laundry-categories').send({ name: 'Peles', nameEn: 'Furs', position: 9 });
      expect(first.status).toBe(201);
      const second = await admin.post('/api/laundry-categories').send({ name: 'peles', nameEn: 'Furs' });
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('CATEGORY_EXISTS');
    });

    it('when an order is express, then each line carries its surcharge and the ready date its express turnaround', async () => {
      const normal = await takeOrder();
      expect(normal.expectedReadyDate).toBe('2026-03-13'); // the suit's 3 days
      const express = await takeOrder({ express: true });
      expect(express.express).toBe(true);
      const [shirts, suits, wash] = express.lines;
      expect(shirts.expressCents).toBe(525); // 50 % of 3 × 3,50
      expect(suits.expressCents).toBe(500); // fixed 5,00 a piece
      expect(wash.expressCents).toBe(735); // 50 % of 4,2 kg × 3,50 = 14,70
      expect(express.expectedReadyDate).toBe('2026-03-11');
      expect(express.linesTotalCents - normal.linesTotalCents).toBe(525 + 500 + wash.expressCents);
    });

    it('when the counter previews an order, then it shows the ready date the order would get, express or not', async () => {
      const lines = [
        { serviceId: shirt.id, quantity: 3 },
        { serviceId: suit.id, quantity: 1 },
        { serviceId: washIron, weightGrams: 4200 },
      ];
      const normal = await admin.post('/api/laundry-orders/price-preview').send({ clientId, lines });
      expect(normal.status).toBe(200);
      expect(normal.body.data.expectedReadyDate).toBe('2026-03-13'); // the suit's 3 days
      const express = await admin.post('/api/laundry-orders/price-preview').send({ clientId, lines, express: true });
      expect(express.body.data.expectedReadyDate).toBe('2026-03-11');
      expect(express.body.data.totalCents).toBeGreaterThan(normal.body.data.totalCents);
      const taken = await takeOrder({ express: true });
      expect(taken.expectedReadyDate).toBe(express.body.data.expectedReadyDate);
      expect(taken.totalCents).toBe(express.body.data.totalCents);
    });
  });

  describe('items, tags and labels', () => {
    it('when 3 shirts, 1 suit and 4.2 kg are taken in, then 4 items and 1 bag with unique tags whose label QR codes decode to them', async () => {
      const order = await takeOrder();
      const items = order.items as Array<{ kind: string; tagCode: string; globalCode: string; description: string; colour: string | null; stage: string }>;
      expect(items.map((i) => i.kind)).toEqual(['item', 'item', 'item', 'item', 'bag']);
      const dayNumber = order.orderNumber.slice(-3);
      expect(items.map((i) => i.tagCode)).toEqual([1, 2, 3, 4, 5].map((n) => `${dayNumber}-0${n}`));
      expect(new Set(items.map((i) => i.globalCode)).size).toBe(5);
      expect(items[0]).toMatchObject({ description: 'Camisa', colour: 'Branca', stage: 'received' });

      const labels = await worker.get(`/api/laundry-orders/${order.id}/labels?format=roll`).buffer(true).parse(binary);
      expect(labels.status).toBe(200);
      expect(labels.headers['content-type']).toBe('application/pdf');
      expect(await decodeQrPages(labels.body as Buffer)).toEqual(items.map((i) => i.globalCode));

      const sheet = await admin.get(`/api/laundry-orders/${order.id}/labels?format=sheet`).buffer(true).parse(binary);
      expect(sheet.status).toBe(200);
      expect(await pdfPages(sheet.body as Buffer)).toBe(1);
      expect((await admin.get(`/api/laundry-orders/${order.id}/labels?format=poster`)).status).toBe(400);
      expect((await client.get(`/api/laundry-orders/${order.id}/labels`)).status).toBe(403);
      expect((await admin.get(`/api/laundry-orders/999999/labels`)).status).toBe(404);
    });

    it('when a tag is scanned, then staff and workers get the item and its order; an unknown tag is 404, a client 403', async () => {
      const order = await takeOrder();
      const code = order.items[3].globalCode as string;
      const res = await worker.get(`/api/laundry-tags/${code.toLowerCase()}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ item: { globalCode: code, description: 'Fato 2 peças', brand: 'Hugo Boss' }, nextStage: 'washing', order: { id: order.id, itemCount: 5, readyCount: 0 } });
      expect(JSON.stringify(res.body.data)).not.toMatch(/cents/i);
      expect((await admin.get('/api/laundry-tags/LDR-19990101-001-01')).status).toBe(404);
      expect((await client.get(`/api/laundry-tags/${code}`)).status).toBe(403);
    });

    it('when the ticket is printed, then it lists the order, the tags, the total and the condition noted; a worker cannot print it', async () => {
      const order = await takeOrder();
      const res = await admin.get(`/api/laundry-orders/${order.id}/ticket`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      const text = await pdfText(res.body as Buffer);
      expect(text).toContain(order.orderNumber);
      expect(text).toContain(order.items[4].tagCode);
      expect(text).toContain('Nódoa no punho');
      expect(text).toContain('13/03/2026');
      expect((await worker.get(`/api/laundry-orders/${order.id}/ticket`)).status).toBe(403);
      expect((await client.get(`/api/laundry-orders/${order.id}/ticket?lang=en`)).status).toBe(200);
      const other = await signedInClient(t, admin);
      expect((await other.agent.get(`/api/laundry-orders/${order.id}/ticket`)).status).toBe(404);
    });

    it('when an order has 500 pieces, then its labels stream as 500 pages', async () => {
      const res = await admin.post('/api/laundry-orders').send({ clientId, orderType: 'itemized', lines: [{ serviceId: shirt.id, quantity: 500 }] });
      expect(res.status).toBe(201);
      expect(res.body.data.items).toHaveLength(500);
      expect(res.body.data.items[499].tagCode).toMatch(/-500$/);
      const labels = await admin.get(`/api/laundry-orders/${res.body.data.id}/labels`).buffer(true).parse(binary);
      expect(labels.status).toBe(200);
      expect(labels.headers['content-length']).toBeUndefined();
      expect(labels.headers['transfer-encoding']).toBe('chunked');
      expect(await pdfPages(labels.body as Buffer)).toBe(500);
    });

    it('when an order would pass 1000 pieces, then 400 TOO_MANY_ITEMS', async () => {
      const res = await admin.post('/api/laundry-orders').send({
        clientId,
        orderType: 'itemized',
        lines: [{ serviceId: shirt.id, quantity: 500 }, { serviceId: shirt.id, quantity: 500 }, { serviceId: suit.id, quantity: 1 }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('TOO_MANY_ITEMS');
    });
  });

  describe('stages and racks', () => {
    it('when every item is moved to ready, then the order is ready and a rack is suggested; backwards is 409', async () => {
      const order = await takeOrder();
      const items = order.items as Array<{ id: number; kind: string }>;
      const first = await worker.post(`/api/laundry-items/${items[0]!.id}/stage`).send({ stage: 'washing' });
      expect(first.status).toBe(200);
      expect(first.body.data).toMatchObject({ item: { stage: 'washing' }, nextStage: 'drying', order: { status: 'in_progress' } });
      const back = await worker.post(`/api/laundry-items/${items[0]!.id}/stage`).send({ stage: 'washing' });
      expect(back.status).toBe(409);
      expect(back.body.error.code).toBe('INVALID_TRANSITION');

      let last;
      for (const item of items) {
        const path = item.kind === 'bag' ? ['washing', 'drying', 'ready'] : ['washing', 'drying', 'ironing', 'ready'];
        for (const stage of path) {
          if (item.id === items[0]!.id && stage === 'washing') continue;
          last = await worker.post(`/api/laundry-items/${item.id}/stage`).send({ stage });
          expect(last.status, `${item.id} → ${stage}`).toBe(200);
        }
      }
      expect(last!.body.data.order).toMatchObject({ status: 'ready', itemCount: 5, readyCount: 5, rack: null });
      const free = last!.body.data.order.suggestedRack;
      expect(racks.map((r) => r.id)).toContain(free.id);
      const detail = await admin.get(`/api/laundry-orders/${order.id}`);
      expect(detail.body.data).toMatchObject({ status: 'ready', suggestedRack: free });
      const notices = await t.db.query(`SELECT 1 FROM notifications WHERE type = 'laundry.ready' AND link = $1`, [`/client/laundry/${order.id}`]);
      expect(notices.rowCount).toBe(1);

      // Revert is a staff action with a reason.
      expect((await worker.post(`/api/laundry-items/${items[0]!.id}/revert`).send({ stage: 'ironing', reason: 'Ainda amarrotada' })).status).toBe(403);
      const revert = await admin.post(`/api/laundry-items/${items[0]!.id}/revert`).send({ stage: 'ironing', reason: 'Ainda amarrotada' });
      expect(revert.status).toBe(200);
      expect(revert.body.data.item.stage).toBe('ironing');
      expect((await admin.post(`/api/laundry-items/${items[0]!.id}/revert`).send({ stage: 'ready', reason: 'engano' })).status).toBe(409);
    });

    it('when two staff scan the same item at once, then only one moves it', async () => {
      const order = await takeOrder();
      const id = order.items[0].id;
      const results = await Promise.all([
        admin.post(`/api/laundry-items/${id}/stage`).send({ stage: 'washing' }),
        worker.post(`/api/laundry-items/${id}/stage`).send({ stage: 'washing' }),
        admin.post(`/api/laundry-items/${id}/stage`).send({ stage: 'washing' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const history = await t.db.query(`SELECT 1 FROM laundry_item_stage_history WHERE item_id = $1`, [id]);
      expect(history.rowCount).toBe(1);
      const orderHistory = await t.db.query(`SELECT 1 FROM laundry_order_status_history WHERE order_id = $1 AND to_status = 'in_progress'`, [order.id]);
      expect(orderHistory.rowCount).toBe(1);
    });

    it('when a ready order goes on a taken rack, then 409 RACK_TAKEN suggests a free one; search finds it; collection frees it', async () => {
      const ready = async () => {
        const o = await takeOrder();
        for (const item of o.items as Array<{ id: number }>) expect((await admin.post(`/api/laundry-items/${item.id}/stage`).send({ stage: 'ready' })).status).toBe(200);
        return o;
      };
      const a = await ready();
      const b = await ready();
      const notReady = await takeOrder();
      expect((await admin.put(`/api/laundry-orders/${notReady.id}/rack`).send({ rackId: racks[0]!.id })).body.error.code).toBe('ORDER_NOT_READY');

      const put = await worker.put(`/api/laundry-orders/${a.id}/rack`).send({ rackId: racks[0]!.id });
      expect(put.status).toBe(200);
      expect(put.body.data.rack).toEqual({ id: racks[0]!.id, code: 'A1' });
      const taken = await admin.put(`/api/laundry-orders/${b.id}/rack`).send({ rackId: racks[0]!.id });
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('RACK_TAKEN');
      expect(taken.body.error.details.suggestion).toEqual({ id: racks[1]!.id, code: 'A2' });

      const found = await worker.get(`/api/laundry-racks?q=${a.orderNumber}`);
      expect(found.body.data).toHaveLength(1);
      expect(found.body.data[0]).toMatchObject({ code: 'A1', order: { id: a.id, orderNumber: a.orderNumber } });
      expect(JSON.stringify((await worker.get(`/api/laundry-orders/${a.id}`)).body.data.rack)).toContain('A1');

      expect((await admin.post(`/api/laundry-orders/${a.id}/status`).send({ status: 'collected' })).status).toBe(200);
      const board = await admin.get('/api/laundry-racks');
      expect(board.body.data.find((r: { id: number }) => r.id === racks[0]!.id).order).toBeNull();
      expect((await admin.put(`/api/laundry-orders/${b.id}/rack`).send({ rackId: racks[0]!.id })).status).toBe(200);
    });

    it('when a rack code repeats or a rack holding an order is deactivated, then 409', async () => {
      const dup = await admin.post('/api/laundry-racks').send({ code: 'a1' });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe('RACK_CODE_TAKEN');
      const board = await admin.get('/api/laundry-racks');
      const held = board.body.data.find((r: { order: unknown }) => r.order);
      const off = await admin.patch(`/api/laundry-racks/${held.id}`).send({ version: held.version, isActive: false });
      expect(off.status).toBe(409);
      expect(off.body.error.code).toBe('RACK_IN_USE');
      expect((await worker.post('/api/laundry-racks').send({ code: 'Z9' })).status).toBe(403);
    });
  });
});
