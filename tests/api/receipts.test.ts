import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { setBusiness } from '../helpers/business-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { signedInClient } from '../helpers/people-fixtures.js';
import { bookJob, collectOrder, completeJob, demoClientId, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

/** supertest buffers a binary body when asked to. */
const binary = (res: supertest.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * The text drawn on the pages: pdfkit writes each run as hex-encoded WinAnsi strings inside
 * Flate-compressed content streams. Good enough to check what a receipt says.
 */
function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const streams = raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g);
  for (const m of streams) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      out.push(Buffer.from(hex, 'hex').toString('latin1').replace(/\x80/g, '€'));
    }
  }
  return out.join('\n');
}

describe('receipts', () => {
  let t: TestApp;
  let admin: Agent;
  let master: Agent;
  let worker: Agent;
  let client: Agent;
  let services: Record<string, number>;
  let clientId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    master = await t.signIn('master');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    services = await serviceIds(t);
    clientId = await demoClientId(t);
    await t.db.query(`UPDATE clients SET nif = '123456789' WHERE id = $1`, [clientId]);
    await propertyOf(admin, clientId);
    await setBusiness(master, { name: 'Lavandaria da Prata', legalName: 'Lavandaria da Prata, Lda.', nif: '509999999', address: 'Rua da Prata 100, 1100-420 Lisboa' });
  });
  afterAll(async () => {
    await t.close();
  });

  const order = () => takeOrder(admin, { clientId, lines: [{ serviceId: services.WASH_IRON, weightGrams: 5500 }, { serviceId: services.DRY_CLEAN, quantity: 2, itemType: 'Fato' }] });
  const issue = (body: Record<string, unknown>) => admin.post('/api/receipts').send(body);
  const download = (agent: Agent, id: number) => agent.get(`/api/receipts/${id}/pdf`).buffer(true).parse(binary);

  it('when a paid, collected order gets its receipt, then it is numbered, prints the right numbers and is marked non-fiscal', async () => {
    const o = await order();
    await admin.post('/api/payments').send({ laundryOrderId: o.id, amountCents: 2000, method: 'mbway', paidAt: '2026-03-10T09:00:00Z' });
    await admin.post('/api/payments').send({ laundryOrderId: o.id, amountCents: 2336, method: 'cash', paidAt: '2026-03-10T09:30:00Z' });
    await collectOrder(admin, o.id);

    const res = await issue({ laundryOrderId: o.id });
    expect(res.status).toBe(201);
    const r = res.body.data;
    expect(r.receiptNumber).toMatch(/^REC-\d{4}-\d{2}-\d{4}$/);
    expect(r).toMatchObject({ serviceLine: 'laundry', reference: o.orderNumber, totalCents: 4336, balanceCents: 0, locale: 'pt' });
    expect(r.snapshot).toMatchObject({
      company: { name: 'Lavandaria da Prata, Lda.', nif: '509999999' },
      client: { name: 'Maria Santos', nif: '123456789', address: 'Rua da Graça 12, 2.º Esq., 1170-165 Lisboa' },
      subtotalCents: 3525,
      vatByRate: [{ vatRateBasisPoints: 2300, baseCents: 3525, vatCents: 811 }],
      totalCents: 4336,
      paidCents: 4336,
      balanceCents: 0,
    });
    expect(r.snapshot.lines).toEqual([
      { description: 'Lavar + Engomar', detail: null, quantity: '5,5 kg', unitPriceCents: 350, totalCents: 1925 },
      { description: 'Limpeza a seco', detail: 'Fato', quantity: '2', unitPriceCents: 800, totalCents: 1600 },
    ]);

    const pdf = await download(admin, r.id);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`${r.receiptNumber}.pdf`);
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const expected of ['DOCUMENTO NÃO FISCAL', r.receiptNumber, 'Maria Santos', 'NIF: 123456789', 'Lavandaria da Prata, Lda.', '35,25 €', '8,11 €', '43,36 €', '19,25 €']) {
      expect(text).toContain(expected);
    }
  });

  it('when a receipt is downloaded twice, then the bytes are identical and match the recorded hash', async () => {
    const o = await order();
    const r = (await issue({ laundryOrderId: o.id })).body.data;
    t.clock.advance(60_000);
    const first = (await download(admin, r.id)).body as Buffer;
    const second = (await download(admin, r.id)).body as Buffer;
    expect(first.equals(second)).toBe(true);
    expect(crypto.createHash('sha256').update(first).digest('hex')).toBe(r.pdfSha256);
  });

  it('when a receipt is issued a second time for the same order, then 409 RECEIPT_ALREADY_ISSUED names the first', async () => {
    const o = await order();
    const first = (await issue({ laundryOrderId: o.id })).body.data;
    const again = await issue({ laundryOrderId: o.id });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'RECEIPT_ALREADY_ISSUED', details: { receiptId: first.id, receiptNumber: first.receiptNumber } });
    const detail = await admin.get(`/api/laundry-orders/${o.id}`);
    expect(detail.body.data.payments.receipt).toEqual({ id: first.id, receiptNumber: first.receiptNumber });
  });

  it('when twenty receipts are issued at once, then their numbers are consecutive within the month, without gaps', async () => {
    t.clock.set('2026-05-15T10:00:00Z');
    try {
      const orders = [];
      for (let i = 0; i < 20; i++) orders.push(await order());
      const results = await Promise.all(orders.map((o) => issue({ laundryOrderId: o.id })));
      expect(results.every((r) => r.status === 201)).toBe(true);
      const numbers = results.map((r) => r.body.data.receiptNumber as string).sort();
      expect(numbers[0]).toBe('REC-2026-05-0001');
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `REC-2026-05-${String(i + 1).padStart(4, '0')}`));
      // The same order asked twice at once still gets one receipt.
      const o = await order();
      const twice = await Promise.all([issue({ laundryOrderId: o.id }), issue({ laundryOrderId: o.id })]);
      expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
      const next = await issue({ laundryOrderId: (await order()).id });
      expect(next.body.data.receiptNumber).toBe('REC-2026-05-0022');
    } finally {
      t.clock.set(new Date());
    }
  });

  it('when the Lisbon month differs from the UTC month, then the number uses the Lisbon month', async () => {
    t.clock.set('2026-06-30T23:30:00Z');
    try {
      const r = await issue({ laundryOrderId: (await order()).id });
      expect(r.body.data.receiptNumber).toBe('REC-2026-07-0001');
    } finally {
      t.clock.set(new Date());
    }
  });

  it('when the client reads English, then the receipt is in English', async () => {
    const { client: other } = await signedInClient(t, admin, { locale: 'en', name: 'John Smith' });
    const o = await takeOrder(admin, { clientId: other.id, lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
    const r = (await issue({ laundryOrderId: o.id })).body.data;
    expect(r.locale).toBe('en');
    expect(r.snapshot.lines[0].description).toBe('Dry cleaning');
    const text = pdfText((await download(admin, r.id)).body as Buffer);
    expect(text).toContain('NON-FISCAL DOCUMENT');
    expect(text).toContain('€9.84');
  });

  it('when the order is unpriced or cancelled, then 409 NOT_PRICED or ORDER_CANCELLED', async () => {
    const unpriced = await order();
    await t.db.query(`UPDATE laundry_orders SET priced_at = NULL WHERE id = $1`, [unpriced.id]);
    const a = await issue({ laundryOrderId: unpriced.id });
    expect(a.status).toBe(409);
    expect(a.body.error.code).toBe('NOT_PRICED');
    const cancelled = await order();
    await admin.post(`/api/laundry-orders/${cancelled.id}/status`).send({ status: 'cancelled', note: 'Desistiu' });
    const b = await issue({ laundryOrderId: cancelled.id });
    expect(b.status).toBe(409);
    expect(b.body.error.code).toBe('ORDER_CANCELLED');
    const none = await issue({ laundryOrderId: 999999 });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('UNKNOWN_ORDER');
  });

  it('when a cleaning job is not completed, then 409 NOT_PRICED; once completed, its receipt bills the hours', async () => {
    const propertyId = await propertyOf(admin, clientId);
    const job = await bookJob(admin, { clientId, propertyId, workerIds: [await workerId(t)] });
    const early = await issue({ cleaningJobId: job.id });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('NOT_PRICED');
    await completeJob(t, job.id, { at: '2026-03-12T13:00:00Z', billableMinutes: 210, subtotalCents: 5250, vatCents: 1208 });
    const r = await issue({ cleaningJobId: job.id });
    expect(r.status).toBe(201);
    expect(r.body.data.snapshot).toMatchObject({ serviceLine: 'cleaning', reference: `CLN-${job.id}`, serviceDate: '2026-03-12', subtotalCents: 5250, vatCents: 1208, totalCents: 6458, balanceCents: 6458 });
    expect(r.body.data.snapshot.lines[0]).toMatchObject({ description: 'Limpeza de casa', quantity: '3,5 h', unitPriceCents: 1500 });
  });

  it('when a client lists and downloads, then they get their own receipts only; another client and a worker get nothing', async () => {
    const o = await order();
    const r = (await issue({ laundryOrderId: o.id })).body.data;
    const mine = await client.get('/api/receipts');
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((x: { id: number }) => x.id)).toContain(r.id);
    expect((await download(client, r.id)).status).toBe(200);

    const { agent: stranger } = await signedInClient(t, admin);
    expect((await stranger.get(`/api/receipts/${r.id}`)).status).toBe(404);
    expect((await download(stranger, r.id)).status).toBe(404);
    expect((await stranger.get('/api/receipts')).body.data).toEqual([]);
    expect((await worker.get(`/api/receipts/${r.id}`)).status).toBe(403);
    expect((await client.post('/api/receipts').send({ laundryOrderId: o.id })).status).toBe(403);
  });
});
