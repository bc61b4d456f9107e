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
});
