import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { displayFileName, multipartUpload, type UploadLimits } from '../../src/http/middleware/upload.js';
import { errorHandler } from '../../src/http/middleware/error-handler.js';
import { correlationId } from '../../src/http/middleware/correlation.js';
import { createLogger } from '../../src/lib/logger.js';
import { malformedMultipart, MULTIPART_BOUNDARY } from '../fixtures/photo-fixtures.js';

const LIMITS: UploadLimits = { files: 10, fileSize: 64 * 1024, fields: 8, fieldSize: 1024 };

/** A bare app with the upload middleware and the real error handler: what each request left behind is observable. */
function uploadApp(tmpRoot: string) {
  const app = express();
  const seen: Array<{ dir: string; names: string[]; originalNames: string[]; body: unknown }> = [];
  app.use(correlationId());
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.post('/upload', multipartUpload({ field: 'photos', tmpRoot, limits: LIMITS }), (req, res) => {
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    seen.push({
      dir: files[0] ? path.dirname(files[0].path) : '',
      names: files.map((f) => path.basename(f.path)),
      originalNames: files.map((f) => f.originalname),
      body: { ...req.body },
    });
    // The files are still there while the handler runs.
    res.json({ count: files.length, present: files.every((f) => fs.existsSync(f.path)) });
  });
  app.use(errorHandler(createLogger({ level: 'silent', pretty: false })));
  return { app, seen };
}

const until = async (check: () => boolean, ms = 3_000) => {
  const started = Date.now();
  while (!check() && Date.now() - started < ms) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('multipart upload middleware', () => {
  let tmpRoot: string;
  let app: ReturnType<typeof uploadApp>;
  const spoolIsEmpty = () => fs.readdirSync(tmpRoot).length === 0;

  beforeAll(() => {
    tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'photo-upload-'));
    app = uploadApp(tmpRoot);
  });
  afterEach(async () => {
    expect(await until(spoolIsEmpty), 'the spool directory is empty after every request').toBe(true);
  });
  afterAll(() => {
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  });

  it('when files arrive, then the handler reads them from a private spool under server-made names, and nothing stays after the response', async () => {
    const res = await supertest(app.app)
      .post('/upload')
      .field('photoType', 'before')
      .attach('photos', Buffer.from('one'), '../../etc/passwd.jpg')
      .attach('photos', Buffer.from('two'), 'C:\\Users\\ana\\cozinha.jpg');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: 2, present: true });
    const seen = app.seen.at(-1)!;
    expect(path.dirname(seen.dir)).toBe(tmpRoot);
    expect(seen.names.every((n) => /^[0-9a-f-]{36}$/.test(n))).toBe(true);
    expect(seen.body).toEqual({ photoType: 'before' });
    expect(seen.originalNames.map(displayFileName)).toEqual(['passwd.jpg', 'cozinha.jpg']);
  });

  it('when more files than the limit arrive, then 400 BATCH_LIMIT_EXCEEDED', async () => {
    let req = supertest(app.app).post('/upload');
    for (let i = 0; i <= LIMITS.files; i++) req = req.attach('photos', Buffer.from(`f${i}`), `${i}.jpg`);
    const res = await req;
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BATCH_LIMIT_EXCEEDED', details: { maxFiles: 10 } });
  });

  it('when a file is larger than the limit, then 413 FILE_TOO_LARGE', async () => {
    const res = await supertest(app.app).post('/upload').attach('photos', Buffer.alloc(LIMITS.fileSize + 1), 'big.jpg');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
  });

  it('when a file is exactly at the limit, then it is accepted', async () => {
    const res = await supertest(app.app).post('/upload').attach('photos', Buffer.alloc(LIMITS.fileSize), 'edge.jpg');
    expect(res.body).toEqual({ count: 1, present: true });
  });

  it('when a body declares more bytes than the limits allow, then 413 before anything is read', async () => {
    const res = await supertest(app.app)
      .post('/upload')
      .set('Content-Type', `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`)
      .set('Content-Length', String(LIMITS.files * LIMITS.fileSize * 2))
      .send(Buffer.alloc(10));
    expect(res.status).toBe(413);
  });

  it('when a file comes in another field, then 400 UNEXPECTED_FILE_FIELD', async () => {
    const res = await supertest(app.app).post('/upload').attach('avatar', Buffer.from('x'), 'x.jpg');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'UNEXPECTED_FILE_FIELD', details: { field: 'avatar' } });
  });

  it('when there are too many fields or a field is too long, then 400 MULTIPART_LIMIT_EXCEEDED', async () => {
    let many = supertest(app.app).post('/upload');
    for (let i = 0; i <= LIMITS.fields; i++) many = many.field(`f${i}`, 'x');
    const tooMany = await many;
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('MULTIPART_LIMIT_EXCEEDED');
    const tooLong = await supertest(app.app).post('/upload').field('caption', 'x'.repeat(LIMITS.fieldSize + 1));
    expect(tooLong.body.error).toMatchObject({ code: 'MULTIPART_LIMIT_EXCEEDED', details: { reason: 'LIMIT_FIELD_VALUE' } });
    const nested = await supertest(app.app).post('/upload').field('meta[0][x]', 'x');
    expect(nested.body.error.code).toBe('MULTIPART_LIMIT_EXCEEDED');
  });

  it.each(['truncatedBoundary', 'cutMidFile', 'noHeaderEnd'] as const)(
    'when the multipart body is malformed (%s), then 400 MALFORMED_MULTIPART and the server keeps serving',
    async (kind) => {
      const res = await supertest(app.app)
        .post('/upload')
        .set('Content-Type', `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`)
        .send(malformedMultipart(kind));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('MALFORMED_MULTIPART');
      expect((await supertest(app.app).get('/health')).status).toBe(200);
    },
  );

  it('when the multipart Content-Type has no boundary, then 400 MALFORMED_MULTIPART', async () => {
    const res = await supertest(app.app).post('/upload').set('Content-Type', 'multipart/form-data').send(Buffer.from('--x\r\n'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_MULTIPART');
  });

  it('when the client hangs up half way through a file, then the spool is removed and the server keeps serving', async () => {
    const server = http.createServer(app.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const head = `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/upload',
      headers: { 'Content-Type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`, 'Content-Length': String(head.length + 50_000) },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(Buffer.alloc(20_000, 0xaa));
    // Let the server create the spool and start writing the file, then vanish.
    expect(await until(() => !spoolIsEmpty())).toBe(true);
    req.destroy();
    expect(await until(spoolIsEmpty)).toBe(true);
    expect((await supertest(server).get('/health')).status).toBe(200);
    await new Promise((r) => server.close(r));
  });

  it('when the spool directory cannot be created, then 503 STORAGE_UNAVAILABLE', async () => {
    const blocker = path.join(os.tmpdir(), `photo-upload-blocker-${process.pid}`);
    fs.writeFileSync(blocker, 'x');
    try {
      const res = await supertest(uploadApp(path.join(blocker, 'spool')).app).post('/upload').attach('photos', Buffer.from('x'), 'x.jpg');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('STORAGE_UNAVAILABLE');
    } finally {
      fs.rmSync(blocker, { force: true });
    }
  });

  it('when the body is not multipart, then the middleware leaves it alone', async () => {
    const res = await supertest(app.app).post('/upload').send({ a: 1 });
    expect(res.body).toEqual({ count: 0, present: true });
  });
});

describe('display file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\fotos\\sala.jpg', 'sala.jpg'],
    ['evil\u0000.jpg\u202e', 'evil.jpg'],
    ['   ', null],
    [undefined, null],
    ['a'.repeat(300), 'a'.repeat(255)],
  ])('when the client names a file %j, then it is shown as %j', (input, shown) => {
    expect(displayFileName(input)).toBe(shown);
  });
});
