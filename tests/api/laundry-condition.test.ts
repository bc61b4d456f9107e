import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { signedInClient } from '../helpers/people-fixtures.js';
import { corruptJpeg, plainJpeg, pngImage } from '../fixtures/photo-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;
const run = promisify(execFile);

/** Supertest reads a binary answer into a Buffer. */
const binary = (res: supertest.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

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

describe('laundry intake condition', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let client: Agent;
  let clientId: number;
  let shirt: number;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T10:00:00Z');
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
    const categories = await admin.get('/api/laundry-categories');
    const clothing = categories.body.data.find((c: { nameEn: string }) => c.nameEn === 'Clothing').id;
    const res = await admin.post('/api/laundry-services').send({ categoryId: clothing, pricingUnit: 'per_item', name: 'Camisa', nameEn: 'Shirt', priceCents: 350 });
    expect(res.status).toBe(201);
    shirt = res.body.data.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const takeOrder = async () => {
    const res = await admin.post('/api/laundry-orders').send({ clientId, orderType: 'itemized', lines: [{ serviceId: shirt, quantity: 2 }] });
    expect(res.status).toBe(201);
    return res.body.data as { id: number; orderNumber: string; items: Array<{ id: number; tagCode: string }> };
  };
  const uploadTo = (agent: Agent, itemId: number, bytes: Buffer, name = 'stain.jpg', fields: Record<string, string> = {}) => {
    let req = agent.post(`/api/laundry-items/${itemId}/condition-photos`);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('photos', bytes, { filename: name, contentType: name.endsWith('.png') ? 'image/png' : 'image/jpeg' });
  };
  const audited = async (action: string, entityId: number) =>
    (await t.db.query<{ actor_type: string; actor_id: string }>(`SELECT actor_type, actor_id::text FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id`, [action, String(entityId)])).rows;

  it('when staff note a stain and upload a photo, then the order lists them with a thumbnail served privately', async () => {
    const order = await takeOrder();
    const item = order.items[0]!;
    const noted = await admin.post(`/api/laundry-items/${item.id}/condition`).send({ kind: 'stain', note: 'Nódoa de vinho no punho esquerdo' });
    expect(noted.status).toBe(201);
    expect(noted.body.data.items).toHaveLength(1);
    expect(noted.body.data.items[0]).toMatchObject({ itemId: item.id, tagCode: item.tagCode, notes: [{ kind: 'stain', note: 'Nódoa de vinho no punho esquerdo' }] });
    expect(await audited('add_condition', item.id)).toHaveLength(1);

    const up = await uploadTo(admin, item.id, await plainJpeg(800, 600), 'punho.jpg', { uploadKey: 'cond-key-0001' });
    expect(up.status).toBe(201);
    const photo = up.body.data.photos[0];
    expect(photo).toMatchObject({ width: 800, height: 600, url: `/api/laundry-condition-photos/${photo.id}`, thumbnailUrl: `/api/laundry-condition-photos/${photo.id}/thumbnail` });
    // A retry of the same photo (the tablet lost the answer) makes nothing new.
    const again = await uploadTo(admin, item.id, await plainJpeg(800, 600), 'punho.jpg', { uploadKey: 'cond-key-0001' });
    expect(again.status).toBe(200);
    expect(again.body.data.photos[0].id).toBe(photo.id);

    const thumb = await admin.get(photo.thumbnailUrl).buffer(true).parse(binary);
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['x-content-type-options']).toBe('nosniff');
    expect(thumb.headers['cache-control']).toMatch(/private/);
    const meta = await sharp(thumb.body as Buffer).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(400);
    const etag = thumb.headers.etag as string;
    expect((await admin.get(photo.thumbnailUrl).set('If-None-Match', etag)).status).toBe(304);
    const full = await worker.get(photo.url).buffer(true).parse(binary);
    expect(full.status).toBe(200);
    expect((await sharp(full.body as Buffer).metadata()).width).toBe(800);

    const png = await uploadTo(worker, order.items[1]!.id, await pngImage(300, 200), 'botao.png');
    expect(png.status).toBe(201);
    const view = await worker.get(`/api/laundry-orders/${order.id}/condition`);
    expect(view.status).toBe(200);
    expect(view.body.data.items.map((i: { itemId: number }) => i.itemId)).toEqual([item.id, order.items[1]!.id]);
    expect(view.body.data.items[0].photos[0].uploadedBy).toBeDefined();
    expect(view.body.data.acknowledgement).toBeNull();
  });

  it('when the client opens their order, then they see the condition and photos and acknowledge it once (audited); something new re-opens it', async () => {
    const order = await takeOrder();
    const item = order.items[0]!;
    expect((await client.post(`/api/laundry-orders/${order.id}/condition/acknowledge`)).body.error.code).toBe('NOTHING_TO_ACKNOWLEDGE');
    await admin.post(`/api/laundry-items/${item.id}/condition`).send({ kind: 'missing_button', note: 'Falta o 2.º botão' });
    const up = await uploadTo(admin, item.id, await plainJpeg(640, 480));
    const photo = up.body.data.photos[0];

    const seen = await client.get(`/api/laundry-orders/${order.id}/condition`);
    expect(seen.status).toBe(200);
    expect(seen.body.data.items[0].notes[0]).toMatchObject({ kind: 'missing_button', note: 'Falta o 2.º botão' });
    expect(seen.body.data.items[0].notes[0].createdBy).toBeUndefined();
    expect(seen.body.data.items[0].photos[0].uploadedBy).toBeUndefined();
    expect((await client.get(photo.thumbnailUrl)).status).toBe(200);
    expect((await client.get(photo.url)).status).toBe(200);

    t.clock.set('2026-03-10T11:30:00Z');
    const ack = await client.post(`/api/laundry-orders/${order.id}/condition/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.data.acknowledgement).toMatchObject({ at: '2026-03-10T11:30:00.000Z', by: { id: clientId } });
    t.clock.set('2026-03-10T12:00:00Z');
    const twice = await client.post(`/api/laundry-orders/${order.id}/condition/acknowledge`);
    expect(twice.status).toBe(200);
    expect(twice.body.data.acknowledgement.at).toBe('2026-03-10T11:30:00.000Z');
    const records = await audited('acknowledge_condition', order.id);
    expect(records).toEqual([{ actor_type: 'client', actor_id: String(clientId) }]);
    expect((await admin.get(`/api/laundry-orders/${order.id}/condition`)).body.data.acknowledgement.by.id).toBe(clientId);

    await admin.post(`/api/laundry-items/${order.items[1]!.id}/condition`).send({ kind: 'tear', note: 'Rasgão na bainha' });
    expect((await client.get(`/api/laundry-orders/${order.id}/condition`)).body.data.acknowledgement).toBeNull();
    expect(await audited('reopen_condition', order.id)).toHaveLength(1);
    expect((await client.post(`/api/laundry-orders/${order.id}/condition/acknowledge`)).status).toBe(200);
    expect(await audited('acknowledge_condition', order.id)).toHaveLength(2);
  });

  it('when another client asks, then the order, its condition and its photos do not exist; staff and workers cannot acknowledge', async () => {
    const order = await takeOrder();
    const up = await uploadTo(admin, order.items[0]!.id, await plainJpeg(320, 240));
    const photo = up.body.data.photos[0];
    const other = await signedInClient(t, admin);
    expect((await other.agent.get(`/api/laundry-orders/${order.id}/condition`)).status).toBe(404);
    expect((await other.agent.get(photo.url)).status).toBe(404);
    expect((await other.agent.get(photo.thumbnailUrl)).status).toBe(404);
    expect((await other.agent.post(`/api/laundry-orders/${order.id}/condition/acknowledge`)).status).toBe(404);
    expect((await client.post(`/api/laundry-items/${order.items[0]!.id}/condition`).send({ kind: 'stain' })).status).toBe(403);
    expect((await uploadTo(client as Agent, order.items[0]!.id, await plainJpeg(64, 48))).status).toBe(403);
    expect((await admin.post(`/api/laundry-orders/${order.id}/condition/acknowledge`)).status).toBe(403);
    expect((await worker.post(`/api/laundry-orders/${order.id}/condition/acknowledge`)).status).toBe(403);
    expect((await admin.get('/api/laundry-condition-photos/999999')).status).toBe(404);
    expect((await admin.get('/api/laundry-orders/999999/condition')).status).toBe(404);
    expect((await admin.post('/api/laundry-items/999999/condition').send({ kind: 'stain' })).status).toBe(404);
  });

  it('when the input is bad, then 400/415/422 with stable codes and nothing kept', async () => {
    const order = await takeOrder();
    const itemId = order.items[0]!.id;
    const kind = await admin.post(`/api/laundry-items/${itemId}/condition`).send({ kind: 'burnt' });
    expect(kind.status).toBe(400);
    expect(kind.body.error.code).toBe('VALIDATION_FAILED');
    const other = await admin.post(`/api/laundry-items/${itemId}/condition`).send({ kind: 'other' });
    expect(other.status).toBe(400);
    expect((await admin.post(`/api/laundry-items/${itemId}/condition`).send({ kind: 'stain', note: 'x'.repeat(501) })).status).toBe(400);
    const none = await admin.post(`/api/laundry-items/${itemId}/condition-photos`).field('caption', 'nada');
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('NO_FILES');
    const text = await uploadTo(admin, itemId, Buffer.from('not an image at all'), 'x.jpg');
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await uploadTo(admin, itemId, corruptJpeg(), 'x.jpg');
    expect(broken.status).toBe(422);
    expect((await admin.get(`/api/laundry-orders/${order.id}/condition`)).body.data.items).toEqual([]);
  });

  it('when an order is closed, then its condition can no longer change (409 ORDER_CLOSED)', async () => {
    const order = await takeOrder();
    await t.db.query(`UPDATE laundry_orders SET status = 'cancelled' WHERE id = $1`, [order.id]);
    const res = await admin.post(`/api/laundry-items/${order.items[0]!.id}/condition`).send({ kind: 'stain' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ORDER_CLOSED');
    expect((await uploadTo(admin, order.items[0]!.id, await plainJpeg(64, 48))).status).toBe(409);
  });

  it('when the ticket is printed, then it lists each noted condition by item, in the chosen language', async () => {
    const order = await takeOrder();
    await admin.post(`/api/laundry-items/${order.items[0]!.id}/condition`).send({ kind: 'stain', note: 'gola amarelada' });
    await admin.post(`/api/laundry-items/${order.items[1]!.id}/condition`).send({ kind: 'missing_button' });
    const pt = await pdfText((await admin.get(`/api/laundry-orders/${order.id}/ticket`).buffer(true).parse(binary)).body as Buffer);
    expect(pt).toContain(`${order.items[0]!.tagCode} Camisa: Nódoa — gola amarelada`);
    expect(pt).toContain(`${order.items[1]!.tagCode} Camisa: Botão em falta`);
    const en = await pdfText((await client.get(`/api/laundry-orders/${order.id}/ticket?lang=en`).buffer(true).parse(binary)).body as Buffer);
    expect(en).toContain('Stain — gola amarelada');
    expect(en).toContain('Missing button');
  });

  it('when the data of a client is exported and then anonymised, then the condition is in the export, and the text of the notes and the photos go', async () => {
    const { client: other } = await signedInClient(t, admin);
    const order = (await admin.post('/api/laundry-orders').send({ clientId: other.id, orderType: 'itemized', lines: [{ serviceId: shirt, quantity: 1 }] })).body.data;
    const itemId = order.items[0].id as number;
    await admin.post(`/api/laundry-items/${itemId}/condition`).send({ kind: 'stain', note: 'Nódoa de café' });
    const photo = (await uploadTo(admin, itemId, await plainJpeg(200, 150))).body.data.photos[0];

    const exported = await admin.get(`/api/clients/${other.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.data.sections.laundryCondition).toEqual([
      expect.objectContaining({ orderId: order.id, items: [expect.objectContaining({ notes: [expect.objectContaining({ kind: 'stain', note: 'Nódoa de café' })], photos: [expect.objectContaining({ id: photo.id })] })] }),
    ]);

    expect((await admin.post(`/api/clients/${other.id}/anonymise`).send({ confirm: true })).status).toBe(200);
    const after = await admin.get(`/api/laundry-orders/${order.id}/condition`);
    expect(after.body.data.items[0].notes[0]).toMatchObject({ kind: 'stain', note: null });
    expect(after.body.data.items[0].photos).toEqual([]);
    expect((await admin.get(photo.url)).status).toBe(404);
  });

  it('when staff take back a note or a photo made by mistake, then it goes (audited, files too); workers and clients may not, nor on a closed order', async () => {
    const order = await takeOrder();
    const itemId = order.items[0]!.id;
    const noted = await admin.post(`/api/laundry-items/${itemId}/condition`).send({ kind: 'tear', note: 'peça errada' });
    const noteId = noted.body.data.items[0].notes[0].id as number;
    const photo = (await uploadTo(admin, itemId, await plainJpeg(200, 150))).body.data.photos[0];
    expect((await worker.delete(`/api/laundry-conditions/${noteId}`)).status).toBe(403);
    expect((await client.delete(`/api/laundry-condition-photos/${photo.id}`)).status).toBe(403);

    const gone = await admin.delete(`/api/laundry-conditions/${noteId}`);
    expect(gone.status).toBe(200);
    expect(gone.body.data.items[0].notes).toEqual([]);
    expect(await audited('remove_condition', itemId)).toHaveLength(1);
    const photoGone = await admin.delete(`/api/laundry-condition-photos/${photo.id}`);
    expect(photoGone.status).toBe(200);
    expect(photoGone.body.data.items).toEqual([]);
    expect(await audited('delete', photo.id)).toHaveLength(1);
    expect((await admin.get(photo.thumbnailUrl)).status).toBe(404);
    expect((await admin.delete(`/api/laundry-conditions/${noteId}`)).status).toBe(404);

    const kept = await admin.post(`/api/laundry-items/${itemId}/condition`).send({ kind: 'stain' });
    await t.db.query(`UPDATE laundry_orders SET status = 'collected' WHERE id = $1`, [order.id]);
    const closed = await admin.delete(`/api/laundry-conditions/${kept.body.data.items[0].notes[0].id}`);
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('ORDER_CLOSED');
  });
});
