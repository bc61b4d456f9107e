import { GetObjectCommand } from '@aws-sdk/client-s3';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client, createS3Storage } from '../../src/modules/photos/s3-storage.driver.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PROPERTY } from '../helpers/people-fixtures.js';
import { jpegWithExif, plainJpeg } from '../fixtures/photo-fixtures.js';
import { keysInDatabase, uploadPhotos } from '../fixtures/photo-api.js';
import { startS3TestServer } from '../fixtures/s3-test-server.js';

type Agent = ReturnType<typeof supertest.agent>;

const binary = (res: supertest.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('photos on S3-compatible object storage', () => {
  let s3: Awaited<ReturnType<typeof startS3TestServer>>;
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let jobId: number;

  beforeAll(async () => {
    s3 = await startS3TestServer();
    t = await createTestApp({ env: s3.env });
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    const workerId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'worker1'`)).rows[0]!.id;
    const clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
    const propertyId = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Casa no balde' })).body.data.id;
    jobId = (
      await admin.post('/api/cleaning-jobs').send({ clientId, propertyId, jobType: 'airbnb', scheduledDate: '2030-05-01', scheduledTime: '11:00', estimatedHours: 1, workerIds: [workerId] })
    ).body.data.id;
  });

  afterAll(async () => {
    // The bucket holds exactly the files the database names.
    expect((await createS3Storage(s3.config).list()).sort()).toEqual(await keysInDatabase(t.db));
    await t.close();
    await s3.close();
  });

  it('when a photo is uploaded, then both images are in the bucket and the API serves them byte for byte', async () => {
    const res = await uploadPhotos(worker, jobId, [{ bytes: await jpegWithExif(900, 600), name: 'sala.jpg' }], { photoType: 'after', roomArea: 'Sala' });
    expect(res.status).toBe(201);
    const id = res.body.data.photos[0].id as number;
    const row = (await t.db.query<{ storage_key: string; thumbnail_key: string }>(`SELECT storage_key, thumbnail_key FROM cleaning_job_photos WHERE id = $1`, [id])).rows[0]!;

    const client = createS3Client(s3.config);
    for (const [url, key] of [
      [`/api/photos/${id}`, row.storage_key],
      [`/api/photos/${id}/thumbnail`, row.thumbnail_key],
    ] as const) {
      const object = await client.send(new GetObjectCommand({ Bucket: s3.config.bucket, Key: key }));
      const inBucket = Buffer.from(await object.Body!.transformToByteArray());
      expect(object.ContentType).toBe('image/webp');
      const served = await admin.get(url).buffer(true).parse(binary);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/webp');
      expect((served.body as Buffer).equals(inBucket)).toBe(true);
    }
  });

  it('when a photo is deleted, then its objects leave the bucket', async () => {
    const res = await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(200, 100), name: 'x.jpg' }], { photoType: 'detail' });
    const id = res.body.data.photos[0].id as number;
    const keys = (await t.db.query<{ storage_key: string; thumbnail_key: string }>(`SELECT storage_key, thumbnail_key FROM cleaning_job_photos WHERE id = $1`, [id])).rows[0]!;
    expect((await worker.delete(`/api/photos/${id}`)).status).toBe(204);
    const listed = await createS3Storage(s3.config).list();
    expect(listed).not.toContain(keys.storage_key);
    expect(listed).not.toContain(keys.thumbnail_key);
  });

  it('when the bucket server is down, then uploads and reads answer 503 STORAGE_UNAVAILABLE and nothing is recorded, and it recovers', async () => {
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cleaning_job_photos`)).rows[0]!.n;
    const { rows } = await t.db.query<{ id: number }>(`SELECT id FROM cleaning_job_photos LIMIT 1`);
    await s3.stop();
    const up = await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(200, 100), name: 'y.jpg' }], { photoType: 'before' });
    expect([up.status, up.body.error.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
    const read = await admin.get(`/api/photos/${rows[0]!.id}`);
    expect([read.status, read.body.error.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
    expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cleaning_job_photos`)).rows[0]!.n).toBe(before);
    expect((await t.request.get('/api/healthz')).status).toBe(200);
    await s3.restart();
    expect((await admin.get(`/api/photos/${rows[0]!.id}`)).status).toBe(200);
  });
});
