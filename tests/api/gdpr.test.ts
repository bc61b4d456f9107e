import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { NEW_PASSWORD, PROPERTY, signedInClient, validNif } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('GDPR export and anonymisation', () => {
  let t: TestApp;
  let admin: Agent;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-gdpr-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function clientWithEverything() {
    const nif = validNif();
    const { client, agent } = await signedInClient(t, admin, { name: 'Helena Privada', email: 'helena.privada@example.pt', nif, dateOfBirth: '1975-06-01', notes: 'Alergia a lixívia' });
    await admin.post(`/api/clients/${client.id}/properties`).send({ ...PROPERTY, accessInstructions: 'Chave no vaso 7' });
    const mail = await t.db.query<{ id: number }>(`SELECT id FROM mail_outbox WHERE client_id = $1`, [client.id]);
    await t.built.jobs.find((j) => j.name === 'mail-deliver')!.handler({ outboxId: mail.rows[0]!.id });
    return { client, agent, nif, mailId: mail.rows[0]!.id };
  }

  it('when staff export a client, then every section is there with the personal data, and the export is audited', async () => {
    const { client, nif } = await clientWithEverything();
    const res = await admin.get(`/api/clients/${client.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`client-${client.id}-export.json`);
    const s = res.body.data.sections;
    expect(s.client).toMatchObject({ id: client.id, name: 'Helena Privada', nif, notes: 'Alergia a lixívia' });
    expect(s.properties[0].accessInstructions).toBe('Chave no vaso 7');
    expect(s.notifications.notifications.map((n: { type: string }) => n.type)).toContain('account.welcome');
    expect(s.notifications.emails[0]).toMatchObject({ to: 'helena.privada@example.pt', status: 'sent' });
    expect(s.auditLog.map((e: { action: string }) => e.action)).toContain('create');
    const log = await admin.get(`/api/audit-log?entity=client&entityId=${client.id}&action=export`);
    expect(log.body.data).toHaveLength(1);
  });

  it('when a client downloads their own data, then they get their own export and nobody else’s', async () => {
    const { client, agent } = await clientWithEverything();
    const res = await agent.get('/api/clients/me/export');
    expect(res.status).toBe(200);
    expect(res.body.data.clientId).toBe(client.id);
    expect(res.body.data.sections.client.email).toBe('helena.privada@example.pt');
    expect((await agent.get(`/api/clients/${client.id}/export`)).status).toBe(403);
  });

  it('when a client is anonymised, then personal data is replaced, login disabled, sessions ended, notifications and mail removed, history kept', async () => {
    const { client, agent, nif, mailId } = await clientWithEverything();
    const eml = path.join(dataDir, 'mail', `mail-${mailId}.eml`);
    expect(fs.existsSync(eml)).toBe(true);

    const refused = await admin.post(`/api/clients/${client.id}/anonymise`).send({});
    expect(refused.status).toBe(400);
    const res = await admin.post(`/api/clients/${client.id}/anonymise`).send({ confirm: true });
    expect(res.status).toBe(200);

    expect((await agent.get('/api/clients/me')).status).toBe(401);
    expect((await t.request.post('/api/auth/login/client').send({ phone: client.phone, password: NEW_PASSWORD })).status).toBe(401);
    const after = (await admin.get(`/api/clients/${client.id}`)).body.data;
    expect(after).toMatchObject({ email: null, nif: null, dateOfBirth: null, notes: null, isActive: false });
    expect(after.anonymizedAt).not.toBeNull();
    expect(after.name).not.toContain('Helena');
    const dump = JSON.stringify((await admin.get(`/api/clients/${client.id}/export`)).body.data);
    for (const personal of ['Helena', 'helena.privada', nif, client.phone, 'Alergia', 'Chave no vaso', PROPERTY.addressLine1]) expect(dump, personal).not.toContain(personal);
    const counts = await t.db.query<{ n: number; m: number; s: number }>(
      `SELECT (SELECT count(*) FROM notifications WHERE client_id = $1)::int AS n, (SELECT count(*) FROM mail_outbox WHERE client_id = $1)::int AS m,
              (SELECT count(*) FROM clients WHERE id = $1)::int AS s`,
      [client.id],
    );
    expect(counts.rows[0]).toEqual({ n: 0, m: 0, s: 1 });
    expect(fs.existsSync(eml)).toBe(false);

    const again = await admin.post(`/api/clients/${client.id}/anonymise`).send({ confirm: true });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CLIENT_ANONYMISED');
    // The phone is free again for a new, real client.
    expect((await admin.post('/api/clients').send({ phone: client.phone, name: 'Nova Dona do Número' })).status).toBe(201);
  });
});
