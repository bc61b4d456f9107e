import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PROPERTY, signedInUser } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

/** Issue 23 §3: tickets reach masters and admins; a job's changes reach the job's workers only. */
describe('notifications people act on', () => {
  let t: TestApp;
  let master: Agent;
  let admin: Agent;
  let worker: Agent;
  let dataDir: string;
  const ids: Record<'master' | 'admin' | 'worker', number> = { master: 0, admin: 0, worker: 0 };
  const mailDir = () => path.join(dataDir, 'mail');
  const job = (name: string) => t.built.jobs.find((j) => j.name === name)!;

  async function inApp(type: string, key: string, value: number) {
    const { rows } = await t.db.query<{ user_id: number; link: string; params: Record<string, unknown> }>(
      `SELECT user_id, link, params FROM notifications WHERE type = $1 AND (params->>$2)::int = $3 ORDER BY user_id, id`,
      [type, key, value],
    );
    return rows;
  }
  async function mails(type: string, key: string, value: number) {
    const { rows } = await t.db.query<{ id: number; user_id: number; status: string }>(
      `SELECT id, user_id, status FROM mail_outbox WHERE type = $1 AND (params->>$2)::int = $3 ORDER BY user_id`,
      [type, key, value],
    );
    return rows;
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-act-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    master = await t.signIn('master');
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
    for (const [who, username] of [['master', 'master'], ['admin', 'admin'], ['worker', 'worker1']] as const) {
      ids[who] = (await t.db.query<{ id: number }>(`UPDATE users SET email = $2 WHERE username = $1 RETURNING id`, [username, `${username}@lavandaria.example.pt`])).rows[0]!.id;
    }
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('tickets', () => {
    it('when a worker opens an urgent ticket, then master and admin get it in-app and by e-mail (.eml), linked to the ticket', async () => {
      const res = await worker.post('/api/tickets').send({ title: 'Máquina 2 a perder água', description: 'Está a alagar a lavandaria.', priority: 'urgent' });
      expect(res.status).toBe(201);
      const ticketId = res.body.data.id as number;
      const notes = await inApp('ticket_urgent', 'ticketId', ticketId);
      expect(notes.map((n) => n.user_id).sort()).toEqual([ids.master, ids.admin].sort());
      expect(notes.every((n) => n.link === `/app/tickets/${ticketId}`)).toBe(true);
      expect(await inApp('ticket_created', 'ticketId', ticketId)).toEqual([]);

      const queued = await mails('ticket_urgent', 'ticketId', ticketId);
      expect(queued.map((m) => m.user_id).sort()).toEqual([ids.master, ids.admin].sort());
      for (const m of queued) await job('mail-deliver').handler({ outboxId: m.id });
      for (const m of queued) {
        const eml = fs.readFileSync(path.join(mailDir(), `mail-${m.id}.eml`), 'utf8');
        expect(eml).toMatch(/^To: (master|admin)@lavandaria\.example\.pt$/m);
        expect(eml).toContain('Subject: =?UTF-8?'); // encoded: "URGENTE — Lavandaria: Máquina 2…"
      }
      expect((await master.get('/api/notifications')).body.data[0]).toMatchObject({ type: 'ticket_urgent', title: 'Pedido URGENTE 🚨', link: `/app/tickets/${ticketId}` });
    });

    it('when master switches every e-mail off, then an urgent ticket is still e-mailed to them (it is not a choice)', async () => {
      const prefs = (await master.get('/api/notification-preferences')).body.data.items as Array<{ type: string }>;
      expect(prefs.map((p) => p.type)).not.toContain('ticket_urgent');
      const off = Object.fromEntries(prefs.map((p) => [p.type, false]));
      expect((await master.put('/api/notification-preferences').send({ email: off })).status).toBe(200);
      const res = await worker.post('/api/tickets').send({ title: 'Caldeira avariada', description: 'Sem água quente.', priority: 'urgent' });
      expect((await mails('ticket_urgent', 'ticketId', res.body.data.id)).map((m) => m.user_id)).toContain(ids.master);
    });

    it('when a ticket that is not urgent is opened, then staff but its author see it in-app; the e-mail is off until they switch it on', async () => {
      const first = await admin.post('/api/tickets').send({ title: 'Falta detergente', description: 'Armário vazio.', priority: 'medium' });
      const notes = await inApp('ticket_created', 'ticketId', first.body.data.id);
      expect(notes.map((n) => n.user_id)).toEqual([ids.master]);
      expect(notes[0]!.params).toMatchObject({ priority: 'medium', title: 'Falta detergente' });
      expect(await mails('ticket_created', 'ticketId', first.body.data.id)).toEqual([]);

      expect((await admin.get('/api/notification-preferences')).body.data.items).toContainEqual({ type: 'ticket_created', email: false, emailDefault: false });
      await admin.put('/api/notification-preferences').send({ email: { ticket_created: true } });
      const second = await worker.post('/api/tickets').send({ title: 'Lâmpada fundida', description: 'Na entrada.', priority: 'low' });
      expect((await mails('ticket_created', 'ticketId', second.body.data.id)).map((m) => m.user_id)).toEqual([ids.admin]);
    });

    it('when a ticket is raised to urgent, then the other staff hear "urgent" once; a later edit says nothing', async () => {
      const created = (await worker.post('/api/tickets').send({ title: 'Porta da frente presa', description: 'Não fecha.', priority: 'high' })).body.data;
      const raised = await admin.patch(`/api/tickets/${created.id}`).send({ version: created.version, priority: 'urgent' });
      expect(raised.status).toBe(200);
      expect((await inApp('ticket_urgent', 'ticketId', created.id)).map((n) => n.user_id)).toEqual([ids.master]);
      const again = await admin.patch(`/api/tickets/${created.id}`).send({ version: raised.body.data.version, title: 'Porta da frente presa (chave)' });
      expect(again.status).toBe(200);
      expect(await inApp('ticket_urgent', 'ticketId', created.id)).toHaveLength(1);
    });
  });

  describe('cleaning jobs', () => {
    let clientId: number;
    let propertyId: number;
    let otherPropertyId: number;
    let second: { id: number };
    let outsider: { id: number };

    beforeAll(async () => {
      clientId = (await t.db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0]!.id;
      propertyId = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Casa Azul' })).body.data.id;
      otherPropertyId = (await admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, name: 'Casa Verde', addressLine1: 'Rua Verde 3' })).body.data.id;
      second = (await signedInUser(t, admin, { name: 'Rita Limpa' })).user;
      outsider = (await signedInUser(t, admin, { name: 'Sara Fora' })).user;
    });

    async function createJob() {
      const res = await admin
        .post('/api/cleaning-jobs')
        .send({ clientId, propertyId, jobType: 'airbnb', scheduledDate: '2030-06-10', scheduledTime: '10:00', estimatedHours: 2, workerIds: [ids.worker, second.id] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.data as { id: number; version: number };
    }
    const changesOf = async (jobId: number) =>
      (await inApp('job_changed', 'jobId', jobId)).map((n) => ({ user: n.user_id, changes: n.params.changes, link: n.link }));

    it('when a job’s time changes, then its two workers hear what changed, and nobody else', async () => {
      const created = await createJob();
      const res = await admin.patch(`/api/cleaning-jobs/${created.id}`).send({ version: created.version, scheduledTime: '14:30' });
      expect(res.status).toBe(200);
      expect(await changesOf(created.id)).toEqual(
        [ids.worker, second.id].sort((a, b) => a - b).map((user) => ({ user, changes: ['time'], link: `/app/cleaning/${created.id}` })),
      );
      expect((await worker.get('/api/notifications')).body.data[0]).toMatchObject({ type: 'job_changed', title: 'Limpeza alterada' });
      expect((await worker.get('/api/notifications')).body.data[0].body).toContain('14:30');
    });

    it('when the address changes, then the workers hear "address"; notes alone change nothing for them', async () => {
      const created = await createJob();
      const moved = await admin.patch(`/api/cleaning-jobs/${created.id}`).send({ version: created.version, propertyId: otherPropertyId });
      expect(moved.status).toBe(200);
      expect((await changesOf(created.id)).map((c) => c.changes)).toEqual([['address'], ['address']]);
      await admin.patch(`/api/cleaning-jobs/${created.id}`).send({ version: moved.body.data.version, specialInstructions: 'Levar escada' }).expect(200);
      expect(await changesOf(created.id)).toHaveLength(2);
    });

    it('when the team changes, then the new worker hears "assigned", the one taken off hears "removed", the one kept hears "team"', async () => {
      const created = await createJob();
      const res = await admin.patch(`/api/cleaning-jobs/${created.id}`).send({ version: created.version, workerIds: [ids.worker, outsider.id] });
      expect(res.status).toBe(200);
      expect(await changesOf(created.id)).toEqual(
        [
          { user: ids.worker, changes: ['workers'], link: `/app/cleaning/${created.id}` },
          { user: second.id, changes: ['removed'], link: '/app/cleaning' },
        ].sort((a, b) => a.user - b.user),
      );
      expect((await inApp('cleaning.assigned', 'jobId', created.id)).map((n) => n.user_id)).toContain(outsider.id);
    });
  });
});
