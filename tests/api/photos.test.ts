import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { createLocalStorage } from '../../src/modules/photos/local-storage.driver.js';
import { StorageUnavailable, type PhotoStorage } from '../../src/modules/photos/photo-storage.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createStaff, NEW_PASSWORD, PROPERTY, signedInClient } from '../helpers/people-fixtures.js';
import {
  corruptJpeg,
  EXIF_TAKEN,
  gifScriptPolyglot,
  heicHeader,
  htmlNamedJpg,
  jpegWithExif,
  malformedMultipart,
  MULTIPART_BOUNDARY,
  pixelFloodPng,
  plainJpeg,
  pngImage,
  svgWithScript,
} from '../fixtures/photo-fixtures.js';
import { filesUnder, keysInDatabase, uploadPhotos } from '../fixtures/photo-api.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('cleaning job photos', () => {
  let t: TestApp;
  let work: string;
  let uploads: string;
  let spool: string;
  let master: Agent;
  let admin: Agent;
  let worker: Agent;
  let worker2: Agent;
  let outsider: Agent;
  let client: Agent;
  let otherClient: Agent;
  let workerId: number;
  let worker2Id: number;
  let clientId: number;
  let propertyId: number;
  let jobId: number;
  let jpeg: Buffer;

  async function signedInWorker(): Promise<{ agent: Agent; id: number }> {
    const { user, temporaryPassword } = await createStaff(admin, { name: 'Rita Limpa' });
    const agent = supertest.agent(t.app);
    await agent.post('/api/auth/login/user').send({ username: user.username, password: temporaryPassword }).expect(200);
    await agent.post('/api/auth/change-password').send({ currentPassword: temporaryPassword, newPassword: NEW_PASSWORD }).expect(200);
    return { agent, id: user.id };
  }

  async function newJob(workerIds = [workerId, worker2Id]): Promise<number> {
    const res = await admin
      .post('/api/cleaning-jobs')
      .send({ clientId, propertyId, jobType: 'house', scheduledDate: '2030-03-10', scheduledTime: '09:00', estimatedHours: 2, workerIds });
    expect(res.status).toBe(201);
    return res.body.data.id as number;
  }

  /**
   * Start and end the demo worker's time on a job, so it can be completed. Staff tap for the worker: the
   * jobs here are years ahead, and a worker's own Start is refused that long before (TOO_EARLY).
   */
  async function workOn(id: number) {
    await admin.post(`/api/cleaning-jobs/${id}/start`).send({ workerId }).expect(200);
    await admin.post(`/api/cleaning-jobs/${id}/end`).send({ workerId }).expect(200);
  }

  const photoCount = async (id = jobId) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cleaning_job_photos WHERE job_id = $1`, [id])).rows[0]!.n;
  /** The spool is removed as each response closes (asynchronously), so it is checked until it is gone. */
  const spoolIsEmpty = async () => {
    for (let i = 0; i < 100 && filesUnder(spool).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    return filesUnder(spool).length === 0;
  };

  async function setSetting(key: string, value: unknown) {
    const current = (await master.get('/api/settings')).body.data.find((s: { key: string }) => s.key === key);
    const res = await master.patch('/api/settings').send({ [key]: { value, version: current.version } });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'photos-api-'));
    uploads = path.join(work, 'uploads');
    spool = path.join(work, 'spool');
    t = await createTestApp({ env: { UPLOADS_DIR: uploads, UPLOAD_TMP_DIR: spool } });
    master = await t.signIn('master');
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    workerId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'worker1'`)).rows[0]!.id;
    clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
    ({ agent: worker2, id: worker2Id } = await signedInWorker());
    ({ agent: outsider } = await signedInWorker());
    otherClient = (await signedInClient(t, admin)).agent;
    propertyId = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Casa das Fotos' })).body.data.id;
    jobId = await newJob();
    jpeg = await plainJpeg(640, 480, 1);
  });

  afterAll(async () => {
    // Files in storage match the database exactly after everything above: no orphans, nothing missing.
    expect(filesUnder(uploads)).toEqual(await keysInDatabase(t.db));
    expect(await spoolIsEmpty()).toBe(true);
    await t.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  describe('upload and serving', () => {
    let photoId: number;

    it('when a worker uploads a phone photo, then it is stored upright, re-encoded, without GPS, under a random key, with its capture time', async () => {
      const res = await uploadPhotos(worker, jobId, [{ bytes: await jpegWithExif(600, 400), name: 'IMG_0001.jpg' }], {
        photoType: 'before',
        roomArea: 'Cozinha',
        caption: 'Bancada',
        uploadKey: 'phone-key-0001',
      });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ created: 1, replayed: 0 });
      const photo = res.body.data.photos[0];
      photoId = photo.id;
      expect(photo).toMatchObject({
        jobId,
        photoType: 'before',
        roomArea: 'Cozinha',
        caption: 'Bancada',
        pairIndex: 1,
        takenAt: EXIF_TAKEN.instant,
        width: 400,
        height: 600,
        url: `/api/photos/${photoId}`,
        thumbnailUrl: `/api/photos/${photoId}/thumbnail`,
        uploadedBy: { id: workerId },
        originalFileName: 'IMG_0001.jpg',
        canDelete: true,
      });
      expect(photo).not.toHaveProperty('clientViewedAt');

      const row = (await t.db.query<{ storage_key: string; thumbnail_key: string }>(`SELECT storage_key, thumbnail_key FROM cleaning_job_photos WHERE id = $1`, [photoId])).rows[0]!;
      expect(row.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}\.webp$/);
      expect(row.storage_key).not.toContain('IMG');
      const stored = fs.readFileSync(path.join(uploads, row.storage_key));
      const meta = await sharp(stored).metadata();
      expect([meta.format, meta.width, meta.height, meta.exif, meta.orientation]).toEqual(['webp', 400, 600, undefined, undefined]);
      expect(stored.includes(Buffer.from('FixturePhone'))).toBe(false);
      expect(Math.max((await sharp(fs.readFileSync(path.join(uploads, row.thumbnail_key))).metadata()).width!, 0)).toBeLessThanOrEqual(400);
    });

    it('when staff open the photo, then the stored bytes come with safe headers, and a matching ETag gets 304', async () => {
      const res = await admin.get(`/api/photos/${photoId}`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers).toMatchObject({
        'content-type': 'image/webp',
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="photo-${photoId}.webp"`,
        'content-security-policy': "default-src 'none'",
        'cache-control': 'private, max-age=3600',
      });
      expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
      const key = (await t.db.query<{ storage_key: string }>(`SELECT storage_key FROM cleaning_job_photos WHERE id = $1`, [photoId])).rows[0]!.storage_key;
      expect((res.body as Buffer).equals(fs.readFileSync(path.join(uploads, key)))).toBe(true);

      const again = await admin.get(`/api/photos/${photoId}`).set('If-None-Match', res.headers.etag!);
      expect(again.status).toBe(304);
      expect(again.headers.etag).toBe(res.headers.etag);

      const thumb = await admin.get(`/api/photos/${photoId}/thumbnail`);
      expect(thumb.status).toBe(200);
      expect(thumb.headers['content-disposition']).toBe(`inline; filename="photo-${photoId}-thumbnail.webp"`);
      expect(thumb.headers.etag).not.toBe(res.headers.etag);
    });

    it('when the upload directory is asked for over HTTP, then nothing is served from it', async () => {
      const key = (await t.db.query<{ storage_key: string }>(`SELECT storage_key FROM cleaning_job_photos WHERE id = $1`, [photoId])).rows[0]!.storage_key;
      for (const url of [`/uploads/${key}`, `/${key}`, `/api/uploads/${key}`, `/api/photos/../uploads/${key}`]) {
        const res = await admin.get(url);
        expect(res.status, url).toBe(404);
        expect(res.headers['content-type'] ?? '', url).not.toMatch(/^image\//);
      }
    });

    it('when someone who may not see the job asks for the photo, then 404 for every rendition (and 401 signed out)', async () => {
      for (const agent of [otherClient, outsider]) {
        for (const url of [`/api/photos/${photoId}`, `/api/photos/${photoId}/thumbnail`, `/api/cleaning-jobs/${jobId}/photos`, `/api/cleaning-jobs/${jobId}/photos/summary`]) {
          const res = await agent.get(url);
          expect([url, res.status, res.body.error?.code]).toEqual([url, 404, 'NOT_FOUND']);
        }
      }
      expect((await t.request.get(`/api/photos/${photoId}`)).status).toBe(401);
      expect((await worker2.get(`/api/photos/${photoId}`)).status).toBe(200);
      expect((await t.request.get('/api/photos/999999999').set('Cookie', '')).status).toBe(401);
      expect((await admin.get('/api/photos/999999999')).status).toBe(404);
    });

    it('when the client opens a photo full size, then the first view is recorded for staff (thumbnails are not views) and later views do not move it', async () => {
      const before = (await admin.get(`/api/cleaning-jobs/${jobId}/photos`)).body.data[0];
      expect(before.clientViewedAt).toBeNull();
      expect((await admin.get(`/api/photos/${photoId}`)).status).toBe(200);
      expect((await admin.get(`/api/cleaning-jobs/${jobId}/photos`)).body.data[0].clientViewedAt, 'staff views are not client views').toBeNull();

      const listed = await client.get(`/api/cleaning-jobs/${jobId}/photos`);
      expect(listed.status).toBe(200);
      expect(Object.keys(listed.body.data[0]).sort()).toEqual(
        ['caption', 'height', 'id', 'jobId', 'pairIndex', 'photoType', 'roomArea', 'takenAt', 'thumbnailUrl', 'uploadedAt', 'url', 'width'].sort(),
      );
      expect((await client.get(`/api/photos/${photoId}/thumbnail`)).status).toBe(200);
      expect((await admin.get(`/api/cleaning-jobs/${jobId}/photos`)).body.data[0].clientViewedAt, 'a thumbnail in a gallery is not a view').toBeNull();
      expect((await client.get(`/api/photos/${photoId}`)).status).toBe(200);
      const first = (await admin.get(`/api/cleaning-jobs/${jobId}/photos`)).body.data[0].clientViewedAt;
      expect(Math.abs(Date.parse(first) - t.clock.now().getTime())).toBeLessThan(1000);
      t.clock.advance(3_600_000);
      expect((await client.get(`/api/photos/${photoId}`)).status).toBe(200);
      expect((await admin.get(`/api/cleaning-jobs/${jobId}/photos`)).body.data[0].clientViewedAt).toBe(first);
      expect((await admin.get(`/api/cleaning-jobs/${jobId}/photos/summary`)).body.data.seenByClient).toBe(1);
      expect((await worker.get(`/api/cleaning-jobs/${jobId}/photos`)).body.data[0]).not.toHaveProperty('clientViewedAt');
    });

    it('when the same upload key is sent again, then the existing photo is returned (200) and nothing new is stored', async () => {
      const files = filesUnder(uploads).length;
      const res = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'retry.jpg' }], { photoType: 'before', uploadKey: 'phone-key-0001' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ created: 0, replayed: 1, photos: [{ id: photoId }] });
      expect(filesUnder(uploads)).toHaveLength(files);
      expect(await photoCount()).toBe(1);
    });

    it('when two retries with one new key race, then exactly one photo is made and no file is left over', async () => {
      const send = () => uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'race.jpg' }], { photoType: 'detail', uploadKey: 'phone-key-race' });
      const [a, b] = await Promise.all([send(), send()]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.body.data.photos[0].id).toBe(b.body.data.photos[0].id);
      expect((await t.db.query(`SELECT 1 FROM cleaning_job_photos WHERE upload_key = 'phone-key-race'`)).rows).toHaveLength(1);
      expect(filesUnder(uploads)).toEqual(await keysInDatabase(t.db));
    });
  });

  describe('batches, listing and pairs', () => {
    let pairJob: number;

    it('when a batch carries per-file types and keys, then each file gets its own, in order, and a retry mixes replayed and new', async () => {
      pairJob = await newJob();
      const meta = [
        { photoType: 'after', roomArea: 'sala', uploadKey: 'batch-key-0001' },
        { photoType: 'before', uploadKey: 'batch-key-0002' },
        { photoType: 'detail', caption: 'Mancha no sofá', uploadKey: 'batch-key-0003' },
        { photoType: 'before', roomArea: 'Quarto', uploadKey: 'batch-key-0004' },
      ];
      const files = [1, 2, 3, 4].map((i) => ({ bytes: jpeg, name: `b${i}.jpg` }));
      const res = await uploadPhotos(worker, pairJob, files, { roomArea: 'Sala', meta: JSON.stringify(meta) });
      expect(res.status).toBe(201);
      expect(res.body.data.photos.map((p: { photoType: string; roomArea: string; caption: string | null }) => [p.photoType, p.roomArea, p.caption])).toEqual([
        ['after', 'sala', null],
        ['before', 'Sala', null],
        ['detail', 'Sala', 'Mancha no sofá'],
        ['before', 'Quarto', null],
      ]);
      const retry = await uploadPhotos(worker, pairJob, [files[0]!, files[1]!], {
        meta: JSON.stringify([{ photoType: 'after', uploadKey: 'batch-key-0001' }, { photoType: 'after', roomArea: 'Quarto', uploadKey: 'batch-key-0005' }]),
      });
      expect(retry.status).toBe(201);
      expect(retry.body.data).toMatchObject({ created: 1, replayed: 1 });
      expect(retry.body.data.photos[0].id).toBe(res.body.data.photos[0].id);
    });

    it('when the photos are listed, then each room shows its before and after side by side, rooms by name, details last', async () => {
      const res = await client.get(`/api/cleaning-jobs/${pairJob}/photos`);
      expect(res.status).toBe(200);
      const order = res.body.data.map((p: { roomArea: string; photoType: string; pairIndex: number }) => `${p.roomArea.toLowerCase()}:${p.photoType}:${p.pairIndex}`);
      expect(order).toEqual(['quarto:before:1', 'quarto:after:1', 'sala:before:1', 'sala:after:1', 'sala:detail:1']);
      expect(res.body._meta).toMatchObject({ total: 5, count: 5 });
    });

    it('when the list is filtered or paged, then type and room (any case) narrow it and the cursor walks the same order', async () => {
      const after = await admin.get(`/api/cleaning-jobs/${pairJob}/photos?photoType=after`);
      expect(after.body.data.map((p: { photoType: string }) => p.photoType)).toEqual(['after', 'after']);
      const sala = await admin.get(`/api/cleaning-jobs/${pairJob}/photos?roomArea=SALA`);
      expect(sala.body._meta.total).toBe(3);
      const first = await admin.get(`/api/cleaning-jobs/${pairJob}/photos?limit=2`);
      const rest = await admin.get(`/api/cleaning-jobs/${pairJob}/photos?limit=10&cursor=${first.body._meta.nextCursor}`);
      const all = await admin.get(`/api/cleaning-jobs/${pairJob}/photos`);
      expect([...first.body.data, ...rest.body.data].map((p: { id: number }) => p.id)).toEqual(all.body.data.map((p: { id: number }) => p.id));
      expect((await admin.get(`/api/cleaning-jobs/${pairJob}/photos?photoType=inside`)).status).toBe(400);
    });

    it('when the summary is read, then counts per type and per room come back, and only staff see how many the client has seen', async () => {
      const staff = (await admin.get(`/api/cleaning-jobs/${pairJob}/photos/summary`)).body.data;
      expect(staff).toMatchObject({
        counts: { before: 2, after: 2, detail: 1, total: 5 },
        maxPhotos: 60,
        afterPhotoRequired: true,
        requirementMet: true,
        waiver: null,
        seenByClient: 0,
      });
      expect(staff.rooms.map((r: { roomArea: string; before: number; after: number; detail: number }) => [r.roomArea.toLowerCase(), r.before, r.after, r.detail])).toEqual([
        ['quarto', 1, 1, 0],
        ['sala', 1, 1, 1],
      ]);
      const mine = (await client.get(`/api/cleaning-jobs/${pairJob}/photos/summary`)).body.data;
      expect(mine).not.toHaveProperty('seenByClient');
      expect(mine).not.toHaveProperty('waiver');
    });

    it('when the job detail is read, then it carries the photo counts per type for staff, its workers and its client (not the list)', async () => {
      for (const agent of [admin, worker, client]) {
        const detail = await agent.get(`/api/cleaning-jobs/${pairJob}`);
        expect(detail.status).toBe(200);
        expect(detail.body.data.photoCounts).toEqual({ before: 2, after: 2, detail: 1 });
      }
      expect((await admin.get(`/api/cleaning-jobs/${await newJob()}`)).body.data.photoCounts).toEqual({ before: 0, after: 0, detail: 0 });
      const listed = (await admin.get(`/api/cleaning-jobs?clientId=${clientId}`)).body.data as Array<Record<string, unknown>>;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((job) => !('photoCounts' in job))).toBe(true);
    });
  });

  describe('bad input and failure', () => {
    const nothingKept = async (before: number) => {
      expect(await photoCount()).toBe(before);
      expect(filesUnder(uploads)).toEqual(await keysInDatabase(t.db));
      expect(await spoolIsEmpty()).toBe(true);
    };

    it('when 11 files are sent, then 400 BATCH_LIMIT_EXCEEDED and nothing is kept', async () => {
      const before = await photoCount();
      const files = Array.from({ length: 11 }, (_, i) => ({ bytes: jpeg, name: `${i}.jpg` }));
      const res = await uploadPhotos(worker, jobId, files, { photoType: 'after' });
      expect([res.status, res.body.error.code]).toEqual([400, 'BATCH_LIMIT_EXCEEDED']);
      await nothingKept(before);
    });

    it('when a file is over 10 MB, then 413 FILE_TOO_LARGE and nothing is kept', async () => {
      const before = await photoCount();
      const big = Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]);
      const res = await uploadPhotos(worker, jobId, [{ bytes: big, name: 'big.jpg' }], { photoType: 'after' });
      expect([res.status, res.body.error.code]).toEqual([413, 'FILE_TOO_LARGE']);
      await nothingKept(before);
    });

    it('when no file is sent, then 400 NO_FILES (multipart with fields only, or JSON)', async () => {
      const fieldsOnly = await uploadPhotos(worker, jobId, [], { photoType: 'after' });
      expect([fieldsOnly.status, fieldsOnly.body.error.code]).toEqual([400, 'NO_FILES']);
      const json = await worker.post(`/api/cleaning-jobs/${jobId}/photos`).send({ photoType: 'after' });
      expect([json.status, json.body.error.code]).toEqual([400, 'NO_FILES']);
    });

    it.each([
      ['an SVG with script', () => svgWithScript(), 'x.svg', 'image/svg+xml'],
      ['an HTML page named .jpg', () => htmlNamedJpg(), 'photo.jpg', 'image/jpeg'],
      ['a GIF/JavaScript polyglot named .jpg', () => gifScriptPolyglot(), 'poly.jpg', 'image/jpeg'],
      ['an iPhone HEIC (no HEVC decoder here)', () => heicHeader(), 'IMG_0002.HEIC', 'image/heic'],
    ])('when %s is sent, then 415 UNSUPPORTED_MEDIA_TYPE and nothing is kept', async (_label, make, name, type) => {
      const before = await photoCount();
      const res = await uploadPhotos(worker, jobId, [{ bytes: make(), name, contentType: type }], { photoType: 'after' });
      expect([res.status, res.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      await nothingKept(before);
    });

    it('when one bad file is in a good batch, then the whole batch is refused naming that file, and the good ones are not kept', async () => {
      const before = await photoCount();
      const res = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'ok.jpg' }, { bytes: htmlNamedJpg(), name: 'bad.jpg' }, { bytes: await pngImage(), name: 'ok.png' }], {
        photoType: 'after',
      });
      expect([res.status, res.body.error.code, res.body.error.details.index]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE', 1]);
      await nothingKept(before);
    });

    it('when a pixel flood or an undecodable JPEG is sent, then 422 with its code and nothing is kept', async () => {
      const before = await photoCount();
      const flood = await uploadPhotos(worker, jobId, [{ bytes: pixelFloodPng(), name: 'flood.png', contentType: 'image/png' }], { photoType: 'after' });
      expect([flood.status, flood.body.error.code]).toEqual([422, 'IMAGE_TOO_LARGE']);
      const corrupt = await uploadPhotos(worker, jobId, [{ bytes: corruptJpeg(), name: 'corrupt.jpg' }], { photoType: 'after' });
      expect([corrupt.status, corrupt.body.error.code]).toEqual([422, 'INVALID_IMAGE']);
      await nothingKept(before);
    });

    it.each(['truncatedBoundary', 'cutMidFile', 'noHeaderEnd'] as const)(
      'when the multipart body is %s, then 400 and the server keeps serving',
      async (kind) => {
        const res = await worker
          .post(`/api/cleaning-jobs/${jobId}/photos`)
          .set('Content-Type', `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`)
          .send(malformedMultipart(kind, jpeg));
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('MALFORMED_MULTIPART');
        expect((await t.request.get('/api/healthz')).status).toBe(200);
        expect(await spoolIsEmpty()).toBe(true);
      },
    );

    it('when a file is named with a path traversal, then it is stored under a server-made key inside the upload directory and the name is only shown', async () => {
      const res = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: '../../../../etc/cron.d/evil.jpg' }], { photoType: 'detail' });
      expect(res.status).toBe(201);
      expect(res.body.data.photos[0].originalFileName).toBe('evil.jpg');
      expect(fs.existsSync('/etc/cron.d/evil.jpg')).toBe(false);
      expect(filesUnder(uploads).every((f) => /^[0-9a-f]{2}\/[0-9a-f-]{36}(-thumb)?\.webp$/.test(f))).toBe(true);
    });

    it('when the form is wrong, then 400 with the field named', async () => {
      const noType = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'a.jpg' }]);
      expect([noType.status, noType.body.error.code, noType.body.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', 'body.photoType']);
      const badType = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'a.jpg' }], { photoType: 'during' });
      expect(badType.body.error.details[0].path).toBe('body.photoType');
      const keyForTwo = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'a.jpg' }, { bytes: jpeg, name: 'b.jpg' }], { photoType: 'after', uploadKey: 'one-key-two-files' });
      expect(keyForTwo.body.error.details[0].path).toBe('body.uploadKey');
      const sameKey = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'a.jpg' }, { bytes: jpeg, name: 'b.jpg' }], {
        photoType: 'after',
        meta: JSON.stringify([{ uploadKey: 'same-key-twice' }, { uploadKey: 'same-key-twice' }]),
      });
      expect(sameKey.body.error.code).toBe('DUPLICATE_UPLOAD_KEY');
      const badMeta = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'a.jpg' }], { photoType: 'after', meta: '{not json' });
      expect(badMeta.body.error.details[0].path).toBe('body.meta');
      const unknown = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'a.jpg' }], { photoType: 'after', price: '1' });
      expect(unknown.status).toBe(400);
      expect(await spoolIsEmpty()).toBe(true);
    });

    it('when a multipart body goes to another route, then 415 (only the upload route parses multipart)', async () => {
      const res = await admin.post('/api/cleaning-jobs').attach('photos', jpeg, 'a.jpg');
      expect([res.status, res.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });

    it('when a client, an unassigned worker or anyone on a cancelled job uploads, then 403, 404 and 409 JOB_CLOSED', async () => {
      const asClient = await uploadPhotos(client, jobId, [{ bytes: jpeg, name: 'a.jpg' }], { photoType: 'after' });
      expect([asClient.status, asClient.body.error.code]).toEqual([403, 'FORBIDDEN']);
      const asOutsider = await uploadPhotos(outsider, jobId, [{ bytes: jpeg, name: 'a.jpg' }], { photoType: 'after' });
      expect([asOutsider.status, asOutsider.body.error.code]).toEqual([404, 'NOT_FOUND']);
      const cancelled = await newJob();
      await admin.post(`/api/cleaning-jobs/${cancelled}/cancel`).send({ reason: 'Cliente desmarcou' }).expect(200);
      for (const agent of [worker, admin]) {
        const res = await uploadPhotos(agent, cancelled, [{ bytes: jpeg, name: 'a.jpg' }], { photoType: 'after' });
        expect([res.status, res.body.error.code]).toEqual([409, 'JOB_CLOSED']);
      }
      expect(await spoolIsEmpty()).toBe(true);
    });

    it('when a job reaches its photo quota, then 409 PHOTO_QUOTA_EXCEEDED names the job quota and nothing of the batch is kept', async () => {
      const capped = await newJob();
      await setSetting('maxPhotosPerJob', 2);
      try {
        expect((await uploadPhotos(worker, capped, [{ bytes: jpeg, name: 'a.jpg' }], { photoType: 'before' })).status).toBe(201);
        const res = await uploadPhotos(worker, capped, [{ bytes: jpeg, name: 'b.jpg' }, { bytes: jpeg, name: 'c.jpg' }], { photoType: 'after' });
        expect([res.status, res.body.error.code]).toEqual([409, 'PHOTO_QUOTA_EXCEEDED']);
        expect(res.body.error.details).toEqual({ scope: 'job', limit: 2, current: 1, adding: 2 });
        expect(await photoCount(capped)).toBe(1);
        expect(await spoolIsEmpty()).toBe(true);
      } finally {
        await setSetting('maxPhotosPerJob', 60);
      }
    });

    it('when one person reaches the day quota over several jobs, then 409 PHOTO_QUOTA_EXCEEDED names the day quota; a retry of a photo made is still answered, and others keep their own quota', async () => {
      // "Today" is the app clock's Lisbon day (the clock runs ahead after an earlier test), as the quota counts it:
      // the database's now() put the two a day apart in the last hour before midnight.
      const today = async (userId: number) =>
        (
          await t.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM cleaning_job_photos
              WHERE uploaded_by = $1 AND uploaded_at >= (date_trunc('day', $2::timestamptz AT TIME ZONE 'Europe/Lisbon') AT TIME ZONE 'Europe/Lisbon')`,
            [userId, t.clock.now()],
          )
        ).rows[0]!.n;
      const sent = await today(workerId);
      const first = await newJob();
      const second = await newJob();
      await setSetting('maxPhotosPerUserPerDay', sent + 1);
      try {
        const made = await uploadPhotos(worker, first, [{ bytes: jpeg, name: 'a.jpg' }], { photoType: 'before', uploadKey: 'day-quota-a' });
        expect(made.status).toBe(201);
        const res = await uploadPhotos(worker, second, [{ bytes: jpeg, name: 'b.jpg' }], { photoType: 'before' });
        expect([res.status, res.body.error.code]).toEqual([409, 'PHOTO_QUOTA_EXCEEDED']);
        expect(res.body.error.details).toEqual({ scope: 'userDay', limit: sent + 1, current: sent + 1, adding: 1 });
        expect(await photoCount(second)).toBe(0);
        // The phone that lost the first answer asks again: it is answered, not refused by the quota.
        const retry = await uploadPhotos(worker, first, [{ bytes: jpeg, name: 'a.jpg' }], { photoType: 'before', uploadKey: 'day-quota-a' });
        expect(retry.status).toBe(200);
        // Staff have a day of their own.
        expect((await uploadPhotos(admin, second, [{ bytes: jpeg, name: 'c.jpg' }], { photoType: 'before' })).status).toBe(201);
        expect(await spoolIsEmpty()).toBe(true);
      } finally {
        await setSetting('maxPhotosPerUserPerDay', 300);
      }
    });

    it('when recording the photos fails, then the files already stored are removed (no orphans)', async () => {
      await t.db.query(`CREATE FUNCTION photos_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'insert refused by test'; END $$`);
      await t.db.query(`CREATE TRIGGER photos_test_fail BEFORE INSERT ON cleaning_job_photos FOR EACH ROW EXECUTE FUNCTION photos_test_fail()`);
      try {
        const before = await photoCount();
        const res = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'a.jpg' }, { bytes: jpeg, name: 'b.jpg' }], { photoType: 'after' });
        expect(res.status).toBe(500);
        await nothingKept(before);
      } finally {
        await t.db.query(`DROP TRIGGER photos_test_fail ON cleaning_job_photos; DROP FUNCTION photos_test_fail()`);
      }
    });

    describe('when the disk is unavailable', () => {
      let broken: ReturnType<typeof createApp>;
      let brokenWorker: Agent;
      let healthy: PhotoStorage;
      let puts = 0;

      beforeAll(async () => {
        // The same database and upload directory, with storage that fails on the third write (mid-batch).
        healthy = createLocalStorage(uploads);
        const failing: PhotoStorage = {
          ...healthy,
          async put(key, body, type) {
            puts += 1;
            if (puts >= 3) throw new StorageUnavailable('disk full (test)');
            return healthy.put(key, body, type);
          },
          async get() {
            throw new StorageUnavailable('disk gone (test)');
          },
        };
        broken = createApp({
          config: t.config,
          logger: createLogger({ level: 'silent', pretty: false }),
          db: t.db,
          clock: t.clock,
          readiness: t.readiness,
          version: 'test',
          clientDist: null,
          photoStorage: failing,
        });
        brokenWorker = supertest.agent(broken.app);
        await brokenWorker.post('/api/auth/login/user').send({ username: 'worker1', password: 'worker123' }).expect(200);
      });
      afterAll(() => {
        broken.close();
      });

      it('when a batch cannot be stored, then 503 STORAGE_UNAVAILABLE with nothing half-written', async () => {
        const before = await photoCount();
        const res = await uploadPhotos(brokenWorker, jobId, [{ bytes: jpeg, name: 'a.jpg' }, { bytes: jpeg, name: 'b.jpg' }], { photoType: 'after' });
        expect([res.status, res.body.error.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
        expect(res.headers['retry-after']).toBeDefined();
        expect(puts).toBe(3);
        await nothingKept(before);
      });

      it('when a photo cannot be read, then 503 STORAGE_UNAVAILABLE', async () => {
        const { rows } = await t.db.query<{ id: number }>(`SELECT id FROM cleaning_job_photos WHERE job_id = $1 LIMIT 1`, [jobId]);
        const res = await brokenWorker.get(`/api/photos/${rows[0]!.id}`);
        expect([res.status, res.body.error.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
      });
    });
  });

  describe('deleting', () => {
    it('when another worker or the client deletes a photo, then 403; its uploader may, and its files go, audited', async () => {
      const made = await uploadPhotos(worker, jobId, [{ bytes: jpeg, name: 'del.jpg' }], { photoType: 'detail' });
      const id = made.body.data.photos[0].id as number;
      expect(made.body.data.photos[0].canDelete).toBe(true);
      const seenByOther = (await worker2.get(`/api/cleaning-jobs/${jobId}/photos?photoType=detail`)).body.data.find((p: { id: number }) => p.id === id);
      expect(seenByOther.canDelete).toBe(false);
      expect((await worker2.delete(`/api/photos/${id}`)).status).toBe(403);
      expect((await client.delete(`/api/photos/${id}`)).status).toBe(403);
      expect((await outsider.delete(`/api/photos/${id}`)).status).toBe(404);
      const keys = (await t.db.query<{ storage_key: string; thumbnail_key: string }>(`SELECT storage_key, thumbnail_key FROM cleaning_job_photos WHERE id = $1`, [id])).rows[0]!;
      expect((await worker.delete(`/api/photos/${id}`)).status).toBe(204);
      expect(fs.existsSync(path.join(uploads, keys.storage_key))).toBe(false);
      expect(fs.existsSync(path.join(uploads, keys.thumbnail_key))).toBe(false);
      expect((await admin.get(`/api/photos/${id}`)).status).toBe(404);
      const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'cleaning_job_photo' AND entity_id = $1 AND action = 'delete'`, [String(id)]);
      expect(audit.rows).toHaveLength(1);
    });
  });

  describe('the after-photo rule on completion', () => {
    it('when a job has no after photo, then completing it is 409 AFTER_PHOTO_REQUIRED; with one, it completes', async () => {
      const id = await newJob([workerId]);
      await uploadPhotos(worker, id, [{ bytes: jpeg, name: 'before.jpg' }], { photoType: 'before' }).expect(201);
      await workOn(id);
      const refused = await admin.post(`/api/cleaning-jobs/${id}/complete`).send({});
      expect([refused.status, refused.body.error.code]).toEqual([409, 'AFTER_PHOTO_REQUIRED']);
      expect((await admin.get(`/api/cleaning-jobs/${id}/photos/summary`)).body.data.requirementMet).toBe(false);
      const after = await uploadPhotos(worker, id, [{ bytes: jpeg, name: 'after.jpg' }], { photoType: 'after', uploadKey: 'after-key-0001' });
      expect(after.status).toBe(201);
      expect((await admin.post(`/api/cleaning-jobs/${id}/complete`).send({})).status).toBe(200);

      // Closed: the worker can no longer add or delete, a retry of a photo already made is still answered, staff may still add.
      const late = await uploadPhotos(worker, id, [{ bytes: jpeg, name: 'late.jpg' }], { photoType: 'after' });
      expect([late.status, late.body.error.code]).toEqual([409, 'JOB_CLOSED']);
      const replay = await uploadPhotos(worker, id, [{ bytes: jpeg, name: 'after.jpg' }], { photoType: 'after', uploadKey: 'after-key-0001' });
      expect([replay.status, replay.body.data.photos[0].id]).toEqual([200, after.body.data.photos[0].id]);
      const own = await worker.delete(`/api/photos/${after.body.data.photos[0].id}`);
      expect([own.status, own.body.error.code]).toEqual([409, 'JOB_CLOSED']);
      expect((await uploadPhotos(admin, id, [{ bytes: jpeg, name: 'staff.jpg' }], { photoType: 'detail' })).status).toBe(201);
    });

    it('when staff waive the rule with a reason, then the job completes without an after photo, and the waiver is audited and shown', async () => {
      const id = await newJob([workerId]);
      await workOn(id);
      expect((await worker.post(`/api/cleaning-jobs/${id}/after-photo-waiver`).send({ reason: 'Telemóvel avariado' })).status).toBe(403);
      expect((await admin.post(`/api/cleaning-jobs/${id}/after-photo-waiver`).send({ reason: 'x' })).status).toBe(400);
      const waived = await admin.post(`/api/cleaning-jobs/${id}/after-photo-waiver`).send({ reason: 'Telemóvel da trabalhadora avariado' });
      expect(waived.status).toBe(200);
      expect(waived.body.data).toMatchObject({ requirementMet: true, waiver: { reason: 'Telemóvel da trabalhadora avariado' } });
      expect((await admin.post(`/api/cleaning-jobs/${id}/complete`).send({})).status).toBe(200);
      const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'waive_after_photo' AND entity = 'cleaning_job' AND entity_id = $1`, [String(id)]);
      expect(audit.rows).toHaveLength(1);
    });

    it('when the setting is off, then a job completes without photos', async () => {
      const id = await newJob([workerId]);
      await workOn(id);
      await setSetting('requireAfterPhoto', false);
      try {
        expect((await admin.post(`/api/cleaning-jobs/${id}/complete`).send({})).status).toBe(200);
      } finally {
        await setSetting('requireAfterPhoto', true);
      }
    });
  });

  describe('GDPR', () => {
    it("when a client's data is exported, then their photos are in it; when anonymised, the photos and their files are gone", async () => {
      const { client: gone } = await signedInClient(t, admin);
      const property = (await admin.post(`/api/clients/${gone.id}/properties`).send(PROPERTY)).body.data.id;
      const job = (
        await admin.post('/api/cleaning-jobs').send({ clientId: gone.id, propertyId: property, jobType: 'house', scheduledDate: '2030-04-01', scheduledTime: '09:00', estimatedHours: 1, workerIds: [workerId] })
      ).body.data.id as number;
      const made = await uploadPhotos(worker, job, [{ bytes: jpeg, name: 'a.jpg' }, { bytes: jpeg, name: 'b.jpg' }], { photoType: 'before', roomArea: 'Sala' });
      expect(made.status).toBe(201);
      const keys = (await t.db.query<{ storage_key: string }>(`SELECT storage_key FROM cleaning_job_photos WHERE job_id = $1`, [job])).rows.map((r) => r.storage_key);

      const exported = await admin.get(`/api/clients/${gone.id}/export`);
      expect(exported.status).toBe(200);
      expect(exported.body.data.sections.photos.map((p: { id: number }) => p.id).sort()).toEqual(made.body.data.photos.map((p: { id: number }) => p.id).sort());
      expect(exported.body.data.sections.photos[0]).toMatchObject({ jobId: job, roomArea: 'Sala', clientViewedAt: null });
      const mine = await admin.get(`/api/clients/${clientId}/export`);
      expect(mine.body.data.sections.photos.every((p: { jobId: number }) => p.jobId !== job)).toBe(true);

      expect((await admin.post(`/api/clients/${gone.id}/anonymise`).send({ confirm: true })).status).toBeLessThan(300);
      expect(await photoCount(job)).toBe(0);
      for (const key of keys) expect(fs.existsSync(path.join(uploads, key))).toBe(false);
    });
  });
});
