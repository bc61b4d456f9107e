import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createClient, validNif } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('audit log', () => {
  let t: TestApp;
  let master: Agent;
  let admin: Agent;
  let adminId: number;

  beforeAll(async () => {
    t = await createTestApp();
    master = await t.signIn('master');
    admin = await t.signIn('admin');
    adminId = (await admin.get('/api/auth/session')).body.data.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('when a client is edited, then who, what, which fields, ip and correlation id are logged, and no personal values', async () => {
    const nif = validNif();
    const { client } = await createClient(admin, { name: 'Pessoa Auditada', nif });
    const res = await admin
      .patch(`/api/clients/${client.id}`)
      .set('X-Correlation-Id', 'req_audit_check_1')
      .send({ version: client.version, name: 'Nome Mudado', notes: 'nota privada', isEnterprise: true, companyName: 'Empresa X' });
    expect(res.status).toBe(200);
    const log = await master.get(`/api/audit-log?entity=client&entityId=${client.id}&action=update`);
    expect(log.status).toBe(200);
    const entry = log.body.data[0];
    expect(entry).toMatchObject({
      actor: { type: 'user', id: adminId, name: 'Ricardo Almeida' },
      entity: 'client',
      entityId: String(client.id),
      changedFields: ['companyName', 'isEnterprise', 'name', 'notes'],
      before: { isEnterprise: false },
      after: { isEnterprise: true },
      correlationId: 'req_audit_check_1',
    });
    expect(entry.ip).toBeTruthy();
    // Nothing personal is copied into the log; the entry names the client by their name as it is now (read, not kept).
    const { rows } = await t.db.query(`SELECT * FROM audit_log WHERE entity = 'client' AND entity_id = $1`, [String(client.id)]);
    const text = JSON.stringify({ rows, entry: { ...entry, subject: undefined } });
    for (const personal of ['Pessoa Auditada', 'Nome Mudado', 'nota privada', 'Empresa X', nif, client.phone]) expect(text).not.toContain(personal);
    expect(entry.subject).toMatchObject({ clientId: client.id, clientName: 'Nome Mudado' });
  });

  it('when a change fails, then no audit row is left behind (same transaction)', async () => {
    const { client } = await createClient(admin);
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n;
    const other = await createClient(admin);
    const after = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n;
    expect(after).toBe(before + 1);
    const clash = await admin.patch(`/api/clients/${client.id}`).send({ version: client.version, phone: other.client.phone });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('PHONE_TAKEN');
    expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n).toBe(after);
  });

  it('when filtered by actor and date range, then only matching entries come back, newest first', async () => {
    await createClient(admin);
    const today = new Date().toISOString().slice(0, 10);
    const mine = await master.get(`/api/audit-log?actorType=user&actorId=${adminId}&from=${today}&to=${today}`);
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.body.data.every((e: { actor: { id: number } }) => e.actor.id === adminId)).toBe(true);
    const ats = mine.body.data.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect((await master.get('/api/audit-log?from=2000-01-01&to=2000-01-02')).body.data).toEqual([]);
    expect((await master.get('/api/audit-log?from=yesterday')).status).toBe(400);
  });

  it('when an admin reads the log, then allowed; a worker or a client, then 403', async () => {
    expect((await admin.get('/api/audit-log')).status).toBe(200);
    expect((await (await t.signIn('worker')).get('/api/audit-log')).status).toBe(403);
    expect((await (await t.signIn('client')).get('/api/audit-log')).status).toBe(403);
  });
});
