import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PROPERTY, signedInClient } from '../helpers/people-fixtures.js';
import { plainJpeg } from '../fixtures/photo-fixtures.js';
import { uploadPhotos } from '../fixtures/photo-api.js';

type Agent = ReturnType<typeof supertest.agent>;

interface Checklist {
  templateName: string | null;
  items: Array<{ id: number; section: string; label: string; required: boolean; requiresPhoto: boolean; done: boolean; photoId: number | null }>;
  requiredLeft: number;
  complete: boolean;
  waiver: { reason: string } | null;
}

const SECTIONS = [
  { title: 'Cozinha', items: [{ label: 'Loiça lavada e arrumada' }, { label: 'Frigorífico vazio', required: false }] },
  { title: 'Casa de banho', items: [{ label: 'Toalhas novas postas', requiresPhoto: true }] },
];

describe('checklists', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;
  let client: Agent;
  let otherClient: Agent;
  let clientId: number;
  let workerId: number;
  let propertyId: number;
  let templateId: number;

  const newJob = async () =>
    (await admin.post('/api/cleaning-jobs').send({ clientId, propertyId, jobType: 'airbnb', scheduledDate: '2026-06-02', scheduledTime: '11:00', estimatedHours: 2, workerIds: [workerId] }).expect(201)).body.data.id as number;
  const checklistOf = async (jobId: number, agent: Agent = worker) => (await agent.get(`/api/cleaning-jobs/${jobId}/checklist`).expect(200)).body.data as Checklist;
  const tick = (jobId: number, itemId: number, body: Record<string, unknown>, agent: Agent = worker) => agent.post(`/api/cleaning-jobs/${jobId}/checklist/items/${itemId}`).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    client = await t.signIn('client');
    otherClient = (await signedInClient(t, admin)).agent;
    clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
    workerId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'worker1'`)).rows[0]!.id;
    propertyId = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Príncipe Real T1' }).expect(201)).body.data.id;
    // The after-photo rule is the photos module's (tested there); here only the checklist decides.
    await t.db.query(`INSERT INTO settings (key, value) VALUES ('requireAfterPhoto', 'false')`);
    t.clock.set('2026-06-02T09:00:00Z');
  });
  afterAll(() => t?.close());

  it('when staff create a template with sections and a photo item, then it is listed with its defaults filled in', async () => {
    const res = await admin.post('/api/checklist-templates').send({ name: 'Saída T1', sections: SECTIONS }).expect(201);
    templateId = res.body.data.id;
    expect(res.body.data).toMatchObject({ name: 'Saída T1', itemCount: 3, version: 1 });
    expect(res.body.data.sections[0].items[0]).toEqual({ label: 'Loiça lavada e arrumada', required: true, requiresPhoto: false });
    expect((await admin.get('/api/checklist-templates').expect(200)).body.data.map((x: { id: number }) => x.id)).toContain(templateId);
    expect((await admin.post('/api/checklist-templates').send({ name: 'Vazio', sections: [] })).status).toBe(400);
    await worker.get('/api/checklist-templates').expect(403);
  });

  it('when a property has no default checklist, then its jobs have none and complete as before', async () => {
    const jobId = await newJob();
    expect(await checklistOf(jobId)).toMatchObject({ templateName: null, items: [], complete: true });
  });

  it('when the property names a default, then a job copies it and a later template edit leaves the copy alone', async () => {
    await admin.put(`/api/properties/${propertyId}/turnover-rule`).send({ cleanTime: '11:00', estimatedHours: 2, workerIds: [workerId], checklistTemplateId: templateId, version: 0 }).expect(200);
    const jobId = await newJob();
    const first = await checklistOf(jobId);
    expect(first.templateName).toBe('Saída T1');
    expect(first.items.map((i) => [i.section, i.label, i.required, i.requiresPhoto, i.done])).toEqual([
      ['Cozinha', 'Loiça lavada e arrumada', true, false, false],
      ['Cozinha', 'Frigorífico vazio', false, false, false],
      ['Casa de banho', 'Toalhas novas postas', true, true, false],
    ]);
    expect([first.requiredLeft, first.complete]).toEqual([2, false]);
    await admin.put(`/api/checklist-templates/${templateId}`).send({ name: 'Saída T1 v2', sections: [{ title: 'Sala', items: [{ label: 'Aspirar' }] }], version: 1 }).expect(200);
    expect((await checklistOf(jobId)).items).toHaveLength(3);
    await admin.put(`/api/checklist-templates/${templateId}`).send({ name: 'Saída T1', sections: SECTIONS, version: 2 }).expect(200);
    // The client sees their job's checklist; another client does not learn the job exists.
    expect((await checklistOf(jobId, client)).items).toHaveLength(3);
    await otherClient.get(`/api/cleaning-jobs/${jobId}/checklist`).expect(404);
  });

  it('when a worker completes with required items open, then 409 CHECKLIST_INCOMPLETE; with them ticked (the photo item with its photo), then completed', async () => {
    const jobId = await newJob();
    const list = await checklistOf(jobId);
    const [dishes, , towels] = list.items;
    await worker.post(`/api/cleaning-jobs/${jobId}/start`).send({}).expect(200);
    t.clock.set('2026-06-02T10:00:00Z');
    await worker.post(`/api/cleaning-jobs/${jobId}/end`).send({}).expect(200);
    const refused = await worker.post(`/api/cleaning-jobs/${jobId}/complete`).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CHECKLIST_INCOMPLETE');
    expect(refused.body.error.details.itemIds).toEqual([dishes!.id, towels!.id]);

    await tick(jobId, dishes!.id, { done: true }).expect(200);
    const noPhoto = await tick(jobId, towels!.id, { done: true });
    expect([noPhoto.status, noPhoto.body.error.code]).toEqual([400, 'PHOTO_REQUIRED']);
    const photoId = (await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(), name: 'toalhas.jpg' }], { photoType: 'after', roomArea: 'Casa de banho' }).expect(201)).body.data.photos[0].id;
    const done = (await tick(jobId, towels!.id, { done: true, photoId }).expect(200)).body.data as Checklist;
    expect(done.items.find((i) => i.id === towels!.id)).toMatchObject({ done: true, photoId });
    expect([done.requiredLeft, done.complete]).toEqual([0, true]);
    await worker.post(`/api/cleaning-jobs/${jobId}/complete`).send({}).expect(200);
    expect((await tick(jobId, dishes!.id, { done: false })).status).toBe(409);
  });

  it('when taps queued offline are replayed late and out of order, then the newest tap wins and a replay changes nothing', async () => {
    const jobId = await newJob();
    const item = (await checklistOf(jobId)).items[1]!;
    t.clock.set('2026-06-02T12:00:00Z');
    await tick(jobId, item.id, { done: true, occurredAt: '2026-06-02T11:40:00Z' }).expect(200);
    await tick(jobId, item.id, { done: false, occurredAt: '2026-06-02T11:30:00Z' }).expect(200);
    await tick(jobId, item.id, { done: true, occurredAt: '2026-06-02T11:40:00Z' }).expect(200);
    const after = (await checklistOf(jobId)).items[1]!;
    expect(after.done).toBe(true);
    const stored = await t.db.query<{ changed_at: Date }>(`SELECT changed_at FROM job_checklist_items WHERE id = $1`, [item.id]);
    expect(stored.rows[0]!.changed_at.toISOString()).toBe('2026-06-02T11:40:00.000Z');
    const tooOld = await tick(jobId, item.id, { done: true, occurredAt: '2026-06-01T11:40:00Z' });
    expect([tooOld.status, tooOld.body.error.code]).toEqual([400, 'OCCURRED_AT_TOO_OLD']);
    const future = await tick(jobId, item.id, { done: true, occurredAt: '2026-06-02T13:00:00Z' });
    expect([future.status, future.body.error.code]).toEqual([400, 'OCCURRED_AT_IN_FUTURE']);
  });

  it('when the photo of an item was queued on the phone, then a tick naming its upload key waits for it (409 PHOTO_NOT_UPLOADED) and then links it', async () => {
    const jobId = await newJob();
    const towels = (await checklistOf(jobId)).items.find((i) => i.requiresPhoto)!;
    const early = await tick(jobId, towels.id, { done: true, photoUploadKey: 'phone-photo-0001' });
    expect([early.status, early.body.error.code]).toEqual([409, 'PHOTO_NOT_UPLOADED']);
    const both = await tick(jobId, towels.id, { done: true, photoId: 1, photoUploadKey: 'phone-photo-0001' });
    expect([both.status, both.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const bad = await tick(jobId, towels.id, { done: true, photoUploadKey: 'no spaces allowed' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const photoId = (
      await uploadPhotos(worker, jobId, [{ bytes: await plainJpeg(), name: 'toalhas.jpg' }], { photoType: 'after', roomArea: 'Casa de banho', uploadKey: 'phone-photo-0001' }).expect(201)
    ).body.data.photos[0].id;
    const done = (await tick(jobId, towels.id, { done: true, photoUploadKey: 'phone-photo-0001' }).expect(200)).body.data as Checklist;
    expect(done.items.find((i) => i.id === towels.id)).toMatchObject({ done: true, photoId });
    // Another job's photo key is not this job's photo.
    const otherJob = await newJob();
    const otherTowels = (await checklistOf(otherJob)).items.find((i) => i.requiresPhoto)!;
    expect((await tick(otherJob, otherTowels.id, { done: true, photoUploadKey: 'phone-photo-0001' })).status).toBe(409);
    // A client never ticks.
    expect((await tick(jobId, towels.id, { done: false }, client)).status).toBe(403);
  });

  it('when staff switch a template off, then it is listed as off, cannot be newly chosen as a default, and a property already using it keeps it', async () => {
    const other = (await admin.post('/api/checklist-templates').send({ name: 'Limpeza de primavera', sections: SECTIONS }).expect(201)).body.data;
    expect(other.isActive).toBe(true);
    const off = (await admin.put(`/api/checklist-templates/${other.id}`).send({ name: other.name, sections: SECTIONS, isActive: false, version: other.version }).expect(200)).body.data;
    expect(off).toMatchObject({ isActive: false, version: other.version + 1 });
    // Left out: unchanged.
    const renamed = (await admin.put(`/api/checklist-templates/${other.id}`).send({ name: 'Primavera', sections: SECTIONS, version: off.version }).expect(200)).body.data;
    expect(renamed.isActive).toBe(false);
    const listed = (await admin.get('/api/checklist-templates').expect(200)).body.data as Array<{ id: number; isActive: boolean }>;
    expect(listed.find((x) => x.id === other.id)?.isActive).toBe(false);
    const rule = (await admin.get(`/api/properties/${propertyId}/turnover-rule`).expect(200)).body.data;
    const refused = await admin
      .put(`/api/properties/${propertyId}/turnover-rule`)
      .send({ cleanTime: '11:00', estimatedHours: 2, workerIds: [workerId], checklistTemplateId: other.id, version: rule.version });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'UNKNOWN_CHECKLIST_TEMPLATE']);
    // The property's own default switched off: the rule can still be saved with it.
    const own = (await admin.get(`/api/checklist-templates/${templateId}`).expect(200)).body.data;
    await admin.put(`/api/checklist-templates/${templateId}`).send({ name: own.name, sections: own.sections, isActive: false, version: own.version }).expect(200);
    const kept = await admin
      .put(`/api/properties/${propertyId}/turnover-rule`)
      .send({ cleanTime: '10:30', estimatedHours: 2, workerIds: [workerId], checklistTemplateId: templateId, version: rule.version })
      .expect(200);
    expect(kept.body.data).toMatchObject({ cleanTime: '10:30', checklistTemplateId: templateId });
    await admin.put(`/api/checklist-templates/${templateId}`).send({ name: own.name, sections: own.sections, isActive: true, version: own.version + 1 }).expect(200);
    await worker.put(`/api/checklist-templates/${templateId}`).send({ name: own.name, sections: own.sections, isActive: false, version: own.version + 2 }).expect(403);
  });

  it('when staff waive the checklist with a reason, then the job completes and the waiver is audited', async () => {
    const jobId = await newJob();
    await checklistOf(jobId);
    await worker.post(`/api/cleaning-jobs/${jobId}/checklist-waiver`).send({ reason: 'Hóspede ainda no local' }).expect(403);
    const waived = (await admin.post(`/api/cleaning-jobs/${jobId}/checklist-waiver`).send({ reason: 'Hóspede ainda no local' }).expect(200)).body.data as Checklist;
    expect([waived.complete, waived.waiver?.reason]).toEqual([true, 'Hóspede ainda no local']);
    await worker.post(`/api/cleaning-jobs/${jobId}/start`).send({}).expect(200);
    t.clock.set('2026-06-02T13:00:00Z');
    await worker.post(`/api/cleaning-jobs/${jobId}/end`).send({}).expect(200);
    await worker.post(`/api/cleaning-jobs/${jobId}/complete`).send({}).expect(200);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'waive_checklist' AND entity_id = $1`, [String(jobId)]);
    expect(audit.rowCount).toBe(1);
  });
});
