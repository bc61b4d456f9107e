import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PROPERTY, signedInClient } from '../helpers/people-fixtures.js';
import { plainJpeg } from '../fixtures/photo-fixtures.js';
import { uploadPhotos } from '../fixtures/photo-api.js';

type Agent = ReturnType<typeof supertest.agent>;

/** Issue 20 §5: problems noted on a turnover, the host's report and the link that shares it. */
describe('host reports', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let client: Agent;
  let otherClient: Agent;
  let clientId: number;
  let workerId: number;
  let propertyId: number;

  const newJob = async () =>
    (await admin.post('/api/cleaning-jobs').send({ clientId, propertyId, jobType: 'airbnb', scheduledDate: '2026-06-02', scheduledTime: '11:00', estimatedHours: 1, workerIds: [workerId] }).expect(201)).body.data
      .id as number;
  let hour = 6;
  const complete = async (jobId: number) => {
    hour += 1;
    t.clock.set(`2026-06-02T${String(hour).padStart(2, '0')}:00:00Z`);
    await worker.post(`/api/cleaning-jobs/${jobId}/start`).send({}).expect(200);
    t.clock.set(`2026-06-02T${String(hour).padStart(2, '0')}:40:00Z`);
    await worker.post(`/api/cleaning-jobs/${jobId}/end`).send({}).expect(200);
    await worker.post(`/api/cleaning-jobs/${jobId}/complete`).send({}).expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    otherClient = (await signedInClient(t, admin)).agent;
    clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
    workerId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'worker1'`)).rows[0]!.id;
    propertyId = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Graça T1' }).expect(201)).body.data.id;
    await t.db.query(`INSERT INTO settings (key, value) VALUES ('requireAfterPhoto', 'false')`);
    t.clock.set('2026-06-02T06:00:00Z');
  });
  afterAll(() => t?.close());

  describe('the report by e-mail', () => {
    const mails = async (jobId: number) =>
      (await t.db.query<{ id: number }>(`SELECT id FROM mail_outbox WHERE client_id = $1 AND type = 'turnover_report_ready' AND params->>'jobId' = $2`, [clientId, String(jobId)])).rows;

    it('when a turnover is completed, then its report is e-mailed only to a host who asked for it, never as a second in-app line', async () => {
      const before = (await client.get('/api/notification-preferences').expect(200)).body.data.items as Array<{ type: string; email: boolean; emailDefault: boolean }>;
      expect(before).toContainEqual({ type: 'turnover_report_ready', email: false, emailDefault: false });
      const quiet = await newJob();
      await complete(quiet);
      expect(await mails(quiet)).toHaveLength(0);

      await client.put('/api/notification-preferences').send({ email: { turnover_report_ready: true } }).expect(200);
      const asked = await newJob();
      await complete(asked);
      expect(await mails(asked)).toHaveLength(1);
      const inApp = await t.db.query(`SELECT id FROM notifications WHERE client_id = $1 AND type = 'turnover_report_ready'`, [clientId]);
      expect(inApp.rows).toHaveLength(0);
      await client.put('/api/notification-preferences').send({ email: { turnover_report_ready: false } }).expect(200);
    });
  });

  describe('problems noted on a job', () => {
    it('when the worker notes a problem with a detail photo, then staff list it, it is a ticket linked to the job, and the report shows it with the first name only', async () => {
      const jobId = await newJob();
      const up = await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(320, 240, 3), name: 'toalha.jpg' }], { photoType: 'detail', roomArea: 'Casa de banho' }).expect(201);
      const photoId = up.body.data.photos[0].id as number;
      const raised = await worker.post(`/api/cleaning-jobs/${jobId}/issues`).send({ text: '  Falta uma toalha de banho.\nO hóspede levou-a.  ', photoId }).expect(201);
      expect(raised.body.data).toMatchObject({ text: 'Falta uma toalha de banho.\nO hóspede levou-a.', photo: { id: photoId, thumbnailUrl: `/api/photos/${photoId}/thumbnail` } });
      const workerName = (await t.db.query<{ name: string }>(`SELECT name FROM users WHERE id = $1`, [workerId])).rows[0]!.name;
      expect(raised.body.data.raisedBy).toEqual({ firstName: workerName.split(' ')[0] });

      const listed = (await admin.get(`/api/cleaning-jobs/${jobId}/issues`).expect(200)).body.data;
      expect(listed).toEqual([raised.body.data]);
      const ticket = (await admin.get(`/api/tickets?cleaningJobId=${jobId}`).expect(200)).body.data[0];
      expect(ticket).toMatchObject({ title: 'Falta uma toalha de banho.', cleaningJobId: jobId, status: 'open' });

      await complete(jobId);
      const report = (await client.get(`/api/cleaning-jobs/${jobId}/report`).expect(200)).body.data;
      expect(report.issues).toEqual([raised.body.data]);
      await otherClient.get(`/api/cleaning-jobs/${jobId}/report`).expect(404);
      await worker.get(`/api/cleaning-jobs/${jobId}/report`).expect(403);
      await client.get(`/api/cleaning-jobs/${jobId}/issues`).expect(403);
      expect(JSON.stringify(report.issues)).not.toContain(workerName.split(' ').slice(1).join(' ') || '\u0000');

      // Once the job is closed the worker tells the office instead; staff may still note one.
      const late = await worker.post(`/api/cleaning-jobs/${jobId}/issues`).send({ text: 'Esqueci-me de dizer' });
      expect([late.status, late.body.error.code]).toEqual([409, 'JOB_CLOSED']);
      await admin.post(`/api/cleaning-jobs/${jobId}/issues`).send({ text: 'O cliente ligou: encontrou a toalha.' }).expect(201);
    });

    it('when the text is too long, the photo is not a detail photo of the job, or the caller is not on the job, then the answer is a 4xx', async () => {
      const jobId = await newJob();
      const other = await newJob();
      const before = await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(320, 240, 4), name: 'antes.jpg' }], { photoType: 'before', roomArea: 'Sala' }).expect(201);
      const elsewhere = await uploadPhotos(worker, other, [{ bytes: await plainJpeg(320, 240, 5), name: 'outro.jpg' }], { photoType: 'detail' }).expect(201);
      const long = await worker.post(`/api/cleaning-jobs/${jobId}/issues`).send({ text: 'x'.repeat(1001) });
      expect([long.status, long.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      for (const photoId of [before.body.data.photos[0].id, elsewhere.body.data.photos[0].id]) {
        const r = await worker.post(`/api/cleaning-jobs/${jobId}/issues`).send({ text: 'Vidro partido', photoId });
        expect([r.status, r.body.error.code]).toEqual([400, 'UNKNOWN_PHOTO']);
      }
      expect((await client.post(`/api/cleaning-jobs/${jobId}/issues`).send({ text: 'Olá' })).status).toBe(403);
      expect((await t.db.query(`SELECT 1 FROM tickets WHERE cleaning_job_id = $1`, [jobId])).rowCount).toBe(0);
    });
  });

  describe('shared report links', () => {
    let jobId: number;
    let photoIds: number[];
    let anon: ReturnType<typeof supertest>;
    beforeAll(async () => {
      anon = t.request as unknown as ReturnType<typeof supertest>;
      jobId = await newJob();
      const before = await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(320, 240, 11), name: 'antes.jpg' }], { photoType: 'before', roomArea: 'Sala' }).expect(201);
      const after = await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(320, 240, 12), name: 'depois.jpg' }], { photoType: 'after', roomArea: 'Sala' }).expect(201);
      photoIds = [before.body.data.photos[0].id, after.body.data.photos[0].id];
    });

    it('when the job is open, then no link can be made; once completed, another client gets 404, a worker 403 and anonymous 401', async () => {
      expect((await client.post(`/api/cleaning-jobs/${jobId}/report-links`).send({})).body.error.code).toBe('REPORT_NOT_READY');
      await complete(jobId);
      await otherClient.post(`/api/cleaning-jobs/${jobId}/report-links`).send({}).expect(404);
      await otherClient.get(`/api/cleaning-jobs/${jobId}/report-links`).expect(404);
      await worker.post(`/api/cleaning-jobs/${jobId}/report-links`).send({}).expect(403);
      await anon.post(`/api/cleaning-jobs/${jobId}/report-links`).send({}).expect(401);
      await anon.get(`/api/cleaning-jobs/${jobId}/report`).expect(401);
    });

    it('when the host makes a link, then the token is shown once, only its SHA-256 is stored, and anyone with it reads the same report with photos served privately', async () => {
      t.clock.set('2026-06-03T10:00:00Z');
      const made = (await client.post(`/api/cleaning-jobs/${jobId}/report-links`).send({}).expect(201)).body.data;
      expect(made.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(made.url).toMatch(new RegExp(`/r/${made.token}$`));
      expect(made.expiresAt).toBe('2026-07-03T10:00:00.000Z');
      const stored = (await t.db.query(`SELECT * FROM cleaning_job_report_links WHERE id = $1`, [made.id])).rows[0];
      expect(JSON.stringify(stored)).not.toContain(made.token);
      expect(stored!.token_sha256).toBe(crypto.createHash('sha256').update(made.token).digest('hex'));

      const listed = (await client.get(`/api/cleaning-jobs/${jobId}/report-links`).expect(200)).body.data;
      expect(listed).toEqual([{ id: made.id, jobId, createdAt: '2026-06-03T10:00:00.000Z', expiresAt: made.expiresAt, revokedAt: null, lastOpenedAt: null }]);
      expect(JSON.stringify(listed)).not.toContain(made.token);

      const own = (await client.get(`/api/cleaning-jobs/${jobId}/report`).expect(200)).body.data;
      const shared = await anon.get(`/api/shared-reports/${made.token}`).expect(200);
      expect(shared.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(shared.headers['referrer-policy']).toBe('no-referrer');
      const ids = (r: { rooms: Array<{ before: Array<{ id: number }>; after: Array<{ id: number }> }> }) => r.rooms.flatMap((room) => [...room.before, ...room.after].map((p) => p.id));
      expect(ids(shared.body.data)).toEqual(ids(own));
      expect(ids(own).sort()).toEqual([...photoIds].sort());
      const photo = shared.body.data.rooms[0].after[0];
      expect(photo.url).toBe(`/api/shared-reports/${made.token}/photos/${photo.id}`);
      expect(JSON.stringify(shared.body.data)).not.toMatch(/\+351|@|phone|email/i);

      for (const url of [photo.url, photo.thumbnailUrl]) {
        const image = await anon.get(url).expect(200);
        expect(image.headers['content-type']).toBe('image/webp');
        expect(image.headers['x-content-type-options']).toBe('nosniff');
        expect(image.headers['content-security-policy']).toBe("default-src 'none'");
        // Asked about on every view, so a revoked link stops its photos at once (304 while it stands).
        expect(image.headers['cache-control']).toBe('private, no-cache');
        const again = await anon.get(url).set('If-None-Match', image.headers.etag!);
        expect(again.status).toBe(304);
        expect(image.headers['x-robots-tag']).toBe('noindex, nofollow');
        expect(image.headers['referrer-policy']).toBe('no-referrer');
        expect(image.headers['content-disposition']).toMatch(/^inline; filename="photo-\d+/);
      }
      // A photo of another job through this link is no photo at all; the link is no way into /api/photos.
      const otherJob = await newJob();
      const elsewhere = (await uploadPhotos(worker, otherJob, [{ bytes: await plainJpeg(320, 240, 13), name: 'x.jpg' }], { photoType: 'before' }).expect(201)).body.data.photos[0].id;
      await anon.get(`/api/shared-reports/${made.token}/photos/${elsewhere}`).expect(404);
      await anon.get(`/api/photos/${photo.id}`).expect(401);
      // The client's "seen" mark is theirs: a co-host opening the photo does not set it.
      expect((await t.db.query(`SELECT client_viewed_at FROM cleaning_job_photos WHERE id = $1`, [photo.id])).rows[0]!.client_viewed_at).toBeNull();
      expect((await client.get(`/api/cleaning-jobs/${jobId}/report-links`)).body.data[0].lastOpenedAt).toBe('2026-06-03T10:00:00.000Z');
    });

    it('when a link is revoked (audited) or expires, or the token is unknown, then the answer is the same 404', async () => {
      t.clock.set('2026-06-04T10:00:00Z');
      const revoked = (await admin.post(`/api/cleaning-jobs/${jobId}/report-links`).send({}).expect(201)).body.data;
      const expiring = (await client.post(`/api/cleaning-jobs/${jobId}/report-links`).send({}).expect(201)).body.data;
      await anon.get(`/api/shared-reports/${revoked.token}`).expect(200);
      await otherClient.delete(`/api/report-links/${revoked.id}`).expect(404);
      await worker.delete(`/api/report-links/${revoked.id}`).expect(403);
      await client.delete(`/api/report-links/${revoked.id}`).expect(204);
      await client.delete(`/api/report-links/${revoked.id}`).expect(204);
      const audit = (await t.db.query(`SELECT action FROM audit_log WHERE entity = 'report_link' AND entity_id = $1 ORDER BY id`, [String(revoked.id)])).rows.map((r) => r.action);
      expect(audit).toEqual(['create', 'revoke']);

      const answers = [];
      answers.push(await anon.get(`/api/shared-reports/${revoked.token}`));
      answers.push(await anon.get(`/api/shared-reports/${revoked.token}/photos/${photoIds[0]}/thumbnail`));
      // A browser that kept the photo asks again with its ETag: no 304 for a revoked link.
      answers.push(await anon.get(`/api/shared-reports/${revoked.token}/photos/${photoIds[0]}`).set('If-None-Match', '*'));
      answers.push(await anon.get(`/api/shared-reports/${'A'.repeat(22)}`));
      answers.push(await anon.get(`/api/shared-reports/not-a-token`));
      // 30 days by default; the setting shortens new links.
      t.clock.set('2026-07-04T10:00:01Z');
      answers.push(await anon.get(`/api/shared-reports/${expiring.token}`));
      for (const a of answers) expect([a.status, a.body.error?.code]).toEqual([404, 'NOT_FOUND']);
      expect(new Set(answers.map((a) => a.body.error.message)).size).toBe(1);

      await t.db.query(`INSERT INTO settings (key, value) VALUES ('reportLinkDays', '2')`);
      const short = (await client.post(`/api/cleaning-jobs/${jobId}/report-links`).send({}).expect(201)).body.data;
      expect(short.expiresAt).toBe('2026-07-06T10:00:01.000Z');
    });

    it('when a host is exported, then their report links are in the file without the token; when anonymised, every link stops', async () => {
      const host = await signedInClient(t, admin, { name: 'Anfitriã a Esquecer' });
      const place = (await admin.post(`/api/clients/${host.client.id}/properties`).send({ ...PROPERTY, name: 'Sé T0' }).expect(201)).body.data.id as number;
      const job = (
        await admin
          .post('/api/cleaning-jobs')
          .send({ clientId: host.client.id, propertyId: place, jobType: 'airbnb', scheduledDate: '2026-06-02', scheduledTime: '11:00', estimatedHours: 1, workerIds: [workerId] })
          .expect(201)
      ).body.data.id as number;
      await complete(job);
      const kept = (await host.agent.post(`/api/cleaning-jobs/${job}/report-links`).send({}).expect(201)).body.data;
      const dropped = (await host.agent.post(`/api/cleaning-jobs/${job}/report-links`).send({}).expect(201)).body.data;
      await host.agent.delete(`/api/report-links/${dropped.id}`).expect(204);
      await anon.get(`/api/shared-reports/${kept.token}`).expect(200);

      const file = (await host.agent.get('/api/clients/me/export').expect(200)).body.data;
      expect(file.sections.reportLinks).toEqual([
        expect.objectContaining({ id: kept.id, jobId: job, expiresAt: kept.expiresAt, revokedAt: null }),
        expect.objectContaining({ id: dropped.id, jobId: job, revokedAt: expect.any(String) }),
      ]);
      expect(JSON.stringify(file)).not.toContain(kept.token);

      await admin.post(`/api/clients/${host.client.id}/anonymise`).send({ confirm: true }).expect(200);
      await anon.get(`/api/shared-reports/${kept.token}`).expect(404);
      const after = (await admin.get(`/api/clients/${host.client.id}/export`).expect(200)).body.data.sections.reportLinks as Array<{ revokedAt: string | null }>;
      expect(after.map((l) => l.revokedAt !== null)).toEqual([true, true]);
    });

    it('when one address asks too often, then it gets 429 while others go on', async () => {
      const limited = await createTestApp({ env: { TRUST_PROXY: '1', RATE_LIMIT_SHARED_REPORT_MAX: '3', RATE_LIMIT_SHARED_REPORT_WINDOW_MS: '60000' }, connection: t.connection });
      try {
        const from = (ip: string) => limited.request.get(`/api/shared-reports/${'B'.repeat(22)}`).set('X-Forwarded-For', ip);
        for (let i = 0; i < 3; i++) expect((await from('203.0.113.50')).status).toBe(404);
        const over = await from('203.0.113.50');
        expect([over.status, over.body.error.code]).toEqual([429, 'RATE_LIMIT_EXCEEDED']);
        expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
        expect((await from('203.0.113.51')).status).toBe(404);
        // Loopback is counted too (the limit of the whole API spares it outside production).
        for (let i = 0; i < 3; i++) await limited.request.get(`/api/shared-reports/${'C'.repeat(22)}`);
        expect((await limited.request.get(`/api/shared-reports/${'C'.repeat(22)}`)).status).toBe(429);
      } finally {
        await limited.close();
      }
    });
  });
});
