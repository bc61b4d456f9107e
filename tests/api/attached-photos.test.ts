import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PROPERTY, signedInClient } from '../helpers/people-fixtures.js';
import { bookJob, completeJob, propertyOf, serviceIds, takeOrder, workerId } from '../helpers/money-fixtures.js';
import { jpegWithExif, plainJpeg, svgWithScript } from '../fixtures/photo-fixtures.js';
import { filesUnder, keysInDatabase } from '../fixtures/photo-api.js';
import { lisbonDate } from '../../src/lib/clock.js';

type Agent = ReturnType<typeof supertest.agent>;
interface File {
  bytes: Buffer;
  name: string;
  contentType?: string;
}

/** The body of a binary answer (supertest leaves images unparsed otherwise). */
const binary = (req: supertest.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('photos attached to requests and messages', () => {
  let t: TestApp;
  let work: string;
  let uploads: string;
  let admin: Agent;
  let master: Agent;
  let worker: Agent;
  let ana: { client: { id: number }; agent: Agent };
  let bruno: { client: { id: number }; agent: Agent };
  let anaHome: number;
  let jpeg: Buffer;
  let masterId: number;
  let adminId: number;

  const day = (n: number) => {
    const d = new Date(`${lisbonDate(t.clock.now())}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  const request = async (agent: Agent = ana.agent, propertyId = anaHome) => {
    const res = await agent.post('/api/requests').send({ kind: 'pickup', propertyId, preferredDate: day(2), windowStart: '09:00', windowEnd: '12:00' });
    expect(res.status).toBe(201);
    return res.body.data.id as number;
  };
  const attach = (agent: Agent, url: string, files: File[], fields: Record<string, string> = {}) => {
    let req = agent.post(url);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    for (const f of files) req = req.attach('photos', f.bytes, { filename: f.name, contentType: f.contentType ?? 'image/jpeg' });
    return req;
  };
  const photo = (name = 'nodoa.jpg'): File => ({ bytes: jpeg, name });
  const rows = async (table: 'request' | 'message', id: number) =>
    (await t.db.query(`SELECT 1 FROM attached_photos WHERE ${table}_id = $1`, [id])).rowCount;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'attached-photos-'));
    uploads = path.join(work, 'uploads');
    t = await createTestApp({ env: { UPLOADS_DIR: uploads, UPLOAD_TMP_DIR: path.join(work, 'spool') } });
    admin = await t.signIn('admin');
    master = await t.signIn('master');
    worker = await t.signIn('worker');
    ana = await signedInClient(t, admin, { name: 'Ana Fotos' });
    bruno = await signedInClient(t, admin, { name: 'Bruno Fotos' });
    anaHome = (await admin.post(`/api/clients/${ana.client.id}/properties`).send(PROPERTY)).body.data.id;
    await admin.post(`/api/clients/${bruno.client.id}/properties`).send(PROPERTY);
    jpeg = await plainJpeg(640, 480, 3);
    masterId = await workerId(t, 'master');
    adminId = await workerId(t, 'admin');
  });
  afterAll(async () => {
    try {
      // Storage and database agree after everything above: no orphan files, nothing missing.
      expect(filesUnder(uploads)).toEqual(await keysInDatabase(t.db));
    } finally {
      await t.close();
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('when a client attaches photos to their request, then the client and staff see them on its detail, cleaned of metadata; another client and a worker get 404', async () => {
    const id = await request();
    const res = await attach(ana.agent, `/api/requests/${id}/photos`, [{ bytes: await jpegWithExif(), name: 'gps.jpg' }, photo()]);
    expect(res.status).toBe(201);
    expect(res.body.data.photos).toHaveLength(2);
    const [first] = res.body.data.photos as Array<{ id: number; url: string; thumbnailUrl: string }>;
    expect(first!.url).toBe(`/api/attached-photos/${first!.id}`);

    for (const agent of [ana.agent, admin, master]) {
      const detail = await agent.get(`/api/requests/${id}`).expect(200);
      expect(detail.body.data.photos.map((p: { id: number }) => p.id)).toEqual(res.body.data.photos.map((p: { id: number }) => p.id));
      const image = await binary(agent.get(first!.url));
      expect(image.status).toBe(200);
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      expect(image.headers['content-security-policy']).toBe("default-src 'none'");
      const meta = await sharp(image.body as Buffer).metadata();
      expect(meta.exif).toBeUndefined();
      expect((await binary(agent.get(first!.thumbnailUrl))).status).toBe(200);
    }
    for (const agent of [bruno.agent, worker]) {
      expect((await agent.get(first!.url)).status).toBe(404);
      expect((await agent.get(first!.thumbnailUrl)).status).toBe(404);
    }
    expect((await supertest(t.app).get(first!.url)).status).toBe(401);
    expect((await admin.get('/api/attached-photos/999999')).status).toBe(404);
  });

  it('when the input is wrong, then nothing is kept: not an image 415, no file 400, six files 400, over five in all 409, another client’s request 404, staff 403, a closed request 409', async () => {
    const id = await request();
    const svg = await attach(ana.agent, `/api/requests/${id}/photos`, [{ bytes: svgWithScript(), name: 'x.jpg' }]);
    expect(svg.status).toBe(415);
    expect(svg.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const none = await ana.agent.post(`/api/requests/${id}/photos`).field('x', '1');
    expect(none.status).toBe(400);
    const six = await attach(ana.agent, `/api/requests/${id}/photos`, Array.from({ length: 6 }, (_, i) => photo(`p${i}.jpg`)));
    expect(six.status).toBe(400);
    expect(six.body.error.code).toBe('BATCH_LIMIT_EXCEEDED');
    expect(await rows('request', id)).toBe(0);

    await attach(ana.agent, `/api/requests/${id}/photos`, [photo(), photo(), photo()]).expect(201);
    const over = await attach(ana.agent, `/api/requests/${id}/photos`, [photo(), photo(), photo()]);
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('PHOTO_QUOTA_EXCEEDED');
    expect(over.body.error.details).toMatchObject({ scope: 'request', limit: 5, current: 3, adding: 3 });
    expect(await rows('request', id)).toBe(3);

    const foreign = await attach(bruno.agent, `/api/requests/${id}/photos`, [photo()]);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    expect((await attach(admin, `/api/requests/${id}/photos`, [photo()])).status).toBe(403);
    expect((await attach(worker, `/api/requests/${id}/photos`, [photo()])).status).toBe(403);

    const cancelled = await request();
    const current = (await ana.agent.get(`/api/requests/${cancelled}`)).body.data;
    await ana.agent.post(`/api/requests/${cancelled}/cancel`).send({ version: current.version }).expect(200);
    const closed = await attach(ana.agent, `/api/requests/${cancelled}/photos`, [photo()]);
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('REQUEST_CLOSED');
  });

  it('when a client sends a photo without text on their order, then staff read it in the conversation; another client and a worker cannot post there or read it', async () => {
    const services = await serviceIds(t);
    const order = await takeOrder(admin, { clientId: ana.client.id, lines: [{ serviceId: services.DRY_CLEAN!, quantity: 1 }] });
    const url = `/api/threads/laundry_order/${order.id}/photo-messages`;
    const sent = await attach(ana.agent, url, [photo('mancha.jpg')]);
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({ body: '', mine: true, author: { kind: 'client' } });
    expect(sent.body.data.photos).toHaveLength(1);
    const withText = await attach(ana.agent, url, [photo(), photo()], { body: '  A nódoa da manga  ' });
    expect(withText.status).toBe(201);
    expect(withText.body.data.body).toBe('A nódoa da manga');

    const staffView = await admin.get(`/api/threads/laundry_order/${order.id}/messages?sort=id`).expect(200);
    expect(staffView.body.data.map((m: { photos: unknown[] }) => m.photos.length)).toEqual([1, 2]);
    const photoUrl = staffView.body.data[0].photos[0].url as string;
    expect((await binary(admin.get(photoUrl))).status).toBe(200);
    expect((await binary(ana.agent.get(photoUrl))).status).toBe(200);
    for (const agent of [bruno.agent, worker]) {
      expect((await agent.get(photoUrl)).status).toBe(404);
      expect((await attach(agent, url, [photo()])).status).toBe(404);
    }

    const empty = await ana.agent.post(url).field('body', '   ');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('MESSAGE_EMPTY');
    const five = await attach(ana.agent, url, Array.from({ length: 5 }, (_, i) => photo(`m${i}.jpg`)));
    expect(five.status).toBe(400);
    expect(five.body.error.code).toBe('BATCH_LIMIT_EXCEEDED');
    const gif = await attach(ana.agent, url, [{ bytes: svgWithScript(), name: 'a.png', contentType: 'image/png' }]);
    expect(gif.status).toBe(415);
    expect((await admin.get(`/api/threads/laundry_order/${order.id}/messages`)).body.data).toHaveLength(2);

    // A retry on a weak signal (or a double tap) sends the same Idempotency-Key: one message, the same answer.
    const key = 'photo-message-retry-1';
    const first = await attach(ana.agent, url, [photo('de-novo.jpg')], { body: 'Outra vez' }).set('Idempotency-Key', key);
    expect(first.status).toBe(201);
    const again = await attach(ana.agent, url, [photo('de-novo.jpg')], { body: 'Outra vez' }).set('Idempotency-Key', key);
    expect(again.status).toBe(201);
    expect(again.body.data.id).toBe(first.body.data.id);
    expect((await admin.get(`/api/threads/laundry_order/${order.id}/messages`)).body.data).toHaveLength(3);
  });

  it('when a photo is sent on an open job’s conversation, then its worker reads it until the job is completed, then 404', async () => {
    const job = await bookJob(admin, { clientId: ana.client.id, propertyId: await propertyOf(admin, ana.client.id), workerIds: [await workerId(t)] });
    const sent = await attach(ana.agent, `/api/threads/cleaning_job/${job.id}/photo-messages`, [photo('chave.jpg')], { body: 'A chave fica aqui' });
    expect(sent.status).toBe(201);
    const url = sent.body.data.photos[0].url as string;
    expect((await binary(worker.get(url))).status).toBe(200);
    const byWorker = await attach(worker, `/api/threads/cleaning_job/${job.id}/photo-messages`, [photo('feito.jpg')]);
    expect(byWorker.status).toBe(201);
    expect(byWorker.body.data.author.kind).toBe('worker');
    await completeJob(t, job.id, { at: new Date(t.clock.now().getTime() - 60_000).toISOString(), billableMinutes: 60, subtotalCents: 2000, vatCents: 460 });
    expect((await worker.get(url)).status).toBe(404);
    expect((await binary(ana.agent.get(url))).status).toBe(200);
  });

  it('when staff put someone else in charge of a conversation, then that person is told in-app and finds it under "assigned to me"; taking it oneself tells no one', async () => {
    const services = await serviceIds(t);
    const order = await takeOrder(admin, { clientId: ana.client.id, lines: [{ serviceId: services.DRY_CLEAN!, quantity: 1 }] });
    await ana.agent.post(`/api/threads/laundry_order/${order.id}/messages`).send({ body: 'Quem me atende?' }).expect(201);
    const notices = async (userId: number) =>
      (await t.db.query<{ link: string; params: { by: string } }>(`SELECT link, params FROM notifications WHERE user_id = $1 AND type = 'thread_assigned' ORDER BY id`, [userId])).rows;
    const before = (await notices(masterId)).length;
    const assigned = await admin.put(`/api/threads/laundry_order/${order.id}/assignee`).send({ assigneeId: masterId }).expect(200);
    expect(assigned.body.data.assignee).toMatchObject({ id: masterId });
    const told = await notices(masterId);
    expect(told).toHaveLength(before + 1);
    expect(told.at(-1)!.link).toBe(`/admin/laundry/${order.id}`);
    const bell = await master.get('/api/notifications').expect(200);
    expect(bell.body.data.find((n: { type: string }) => n.type === 'thread_assigned')).toBeTruthy();

    const mine = await master.get('/api/threads?assignedToMe=true').expect(200);
    expect(mine.body.data.map((x: { subjectId: number }) => x.subjectId)).toContain(order.id);
    expect(mine.body.data.every((x: { assignee: { id: number } | null }) => x.assignee?.id === masterId)).toBe(true);
    const notAdmins = await admin.get('/api/threads?assignedToMe=true').expect(200);
    expect(notAdmins.body.data.map((x: { subjectId: number }) => x.subjectId)).not.toContain(order.id);

    const people = await admin.get('/api/threads/assignees').expect(200);
    expect(people.body.data.map((p: { id: number }) => p.id)).toEqual(expect.arrayContaining([masterId, adminId]));
    expect(people.body.data.every((p: { role: string }) => p.role === 'master' || p.role === 'admin')).toBe(true);
    expect((await ana.agent.get('/api/threads/assignees')).status).toBe(403);

    const adminBefore = (await notices(adminId)).length;
    await admin.put(`/api/threads/laundry_order/${order.id}/assignee`).send({ assigneeId: adminId }).expect(200);
    expect(await notices(adminId)).toHaveLength(adminBefore);
  });

  it('when a client is exported and anonymised, then their attached photos are listed, then gone with their files', async () => {
    const own = await signedInClient(t, admin, { name: 'Carla Apagada' });
    const home = (await admin.post(`/api/clients/${own.client.id}/properties`).send(PROPERTY)).body.data.id as number;
    const id = await request(own.agent, home);
    await attach(own.agent, `/api/requests/${id}/photos`, [photo()]).expect(201);
    const sent = await attach(own.agent, `/api/threads/request/${id}/photo-messages`, [photo()], { body: 'Veja' });
    expect(sent.status).toBe(201);
    const exported = await admin.get(`/api/clients/${own.client.id}/export`).expect(200);
    expect(exported.body.data.sections.attachedPhotos).toMatchObject([{ requestId: id, messageId: null }, { requestId: null, messageId: sent.body.data.id }]);
    const keys = (await t.db.query<{ k: string }>(`SELECT storage_key AS k FROM attached_photos WHERE client_id = $1`, [own.client.id])).rows.map((r) => r.k);
    expect(keys).toHaveLength(2);

    await admin.post(`/api/clients/${own.client.id}/anonymise`).send({ confirm: true }).expect(200);
    expect((await t.db.query(`SELECT 1 FROM attached_photos WHERE client_id = $1`, [own.client.id])).rowCount).toBe(0);
    const files = filesUnder(uploads);
    for (const k of keys) expect(files).not.toContain(k);
    expect((await admin.get(`/api/clients/${own.client.id}/export`)).body.data.sections.attachedPhotos).toEqual([]);
  });
});
