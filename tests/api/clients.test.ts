import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createClient, firstSignIn, signedInClient, uniquePhone, validNif } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('clients', () => {
  let t: TestApp;
  let admin: Agent;
  let worker: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    worker = await t.signIn('worker');
  });
  afterAll(async () => {
    await t.close();
  });

  it('when an enterprise client is created with a bare 9-digit phone and a valid NIF, then it is stored in E.164 with must_change_password', async () => {
    const nif = validNif();
    const res = await admin.post('/api/clients').send({ phone: '966 123 457', name: 'Rita Sousa', isEnterprise: true, companyName: 'Sousa & Filhos, Lda.', nif, email: 'rita@sousa.example.pt' });
    expect(res.status).toBe(201);
    expect(res.body.data.client).toMatchObject({ phone: '+351966123457', nif, isEnterprise: true, companyName: 'Sousa & Filhos, Lda.', mustChangePassword: true });
    expect(res.body.data.temporaryPassword).toHaveLength(12);
    // The temporary password is never stored or shown again.
    const again = await admin.get(`/api/clients/${res.body.data.client.id}`);
    expect(JSON.stringify(again.body)).not.toContain(res.body.data.temporaryPassword);
  });

  it('when a phone is already a client’s, in any spelling, then 409 PHONE_TAKEN and not a 500', async () => {
    const { client } = await createClient(admin);
    const national = client.phone.replace('+351', '');
    for (const phone of [client.phone, national, `00351 ${national}`]) {
      const res = await admin.post('/api/clients').send({ phone, name: 'Duplicado' });
      expect(res.status, phone).toBe(409);
      expect(res.body.error.code).toBe('PHONE_TAKEN');
    }
  });

  it('when the NIF check digit, the e-mail, the phone or the company are wrong, then 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ nif: '123456780' }, 'body.nif'],
      [{ email: 'not-an-email' }, 'body.email'],
      [{ phone: '12345' }, 'body.phone'],
      [{ isEnterprise: true }, 'body.companyName'],
      [{ nickname: 'x' }, 'body'],
    ];
    for (const [extra, path] of cases) {
      const res = await admin.post('/api/clients').send({ phone: uniquePhone(), name: 'Campo Errado', ...extra });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { path: string }) => d.path), path).toContain(path);
    }
  });

  it('when clients are searched by name, phone digits, NIF or e-mail, then the right one is found', async () => {
    const nif = validNif();
    const { client } = await createClient(admin, { name: 'Leonor Vasconcelos', nif, email: 'leonor.v@example.pt' });
    const digits = client.phone.slice(-6);
    for (const q of ['vasconcelos', digits, nif.slice(0, 6), 'leonor.v@']) {
      const res = await admin.get(`/api/clients?search=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.data.map((c: { id: number }) => c.id), q).toContain(client.id);
    }
    const none = await admin.get('/api/clients?search=zzzzzz-nobody');
    expect(none.body.data).toEqual([]);
    expect(none.body._meta).toMatchObject({ total: 0, totalCapped: false, nextCursor: null, limit: 50, offset: 0, count: 0 });
  });

  it('when a client reads their own record, then there are no staff notes; another client’s record is 404', async () => {
    const { client: other } = await createClient(admin, { notes: 'Nota interna sobre o cliente' });
    const { client, agent } = await signedInClient(t, admin, { notes: 'Cliente exigente' });
    const own = await agent.get(`/api/clients/${client.id}`);
    expect(own.status).toBe(200);
    expect(own.body.data.id).toBe(client.id);
    expect(own.body.data).not.toHaveProperty('notes');
    expect((await agent.get('/api/clients/me')).body.data).not.toHaveProperty('notes');
    const foreign = await agent.get(`/api/clients/${other.id}`);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('Nota interna');
  });

  it('when a client edits their own profile, then name and e-mail change; phone or NIF are refused', async () => {
    const { agent } = await signedInClient(t, admin);
    const me = (await agent.get('/api/clients/me')).body.data;
    const ok = await agent.patch('/api/clients/me').send({ version: me.version, name: 'Nome Novo', email: 'novo@example.pt' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ name: 'Nome Novo', email: 'novo@example.pt', phone: me.phone });
    for (const field of [{ phone: '912999888' }, { nif: validNif() }]) {
      const res = await agent.patch('/api/clients/me').send({ version: ok.body.data.version, ...field });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await agent.get('/api/clients/me')).body.data.phone).toBe(me.phone);
  });

  it('when two staff edit the same client from the same version, then the second gets 409 VERSION_CONFLICT', async () => {
    const { client } = await createClient(admin);
    const master = await t.signIn('master');
    expect((await admin.patch(`/api/clients/${client.id}`).send({ version: client.version, notes: 'primeira' })).status).toBe(200);
    const late = await master.patch(`/api/clients/${client.id}`).send({ version: client.version, notes: 'segunda' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('VERSION_CONFLICT');
    expect((await admin.get(`/api/clients/${client.id}`)).body.data.notes).toBe('primeira');
  });

  it('when a client is deactivated, then their session ends and they cannot sign in', async () => {
    const { client, agent } = await signedInClient(t, admin);
    expect((await agent.get('/api/clients/me')).status).toBe(200);
    expect((await admin.post(`/api/clients/${client.id}/deactivate`)).body.data.isActive).toBe(false);
    expect((await agent.get('/api/clients/me')).status).toBe(401);
  });

  it('when staff reset a client’s password, then the new temporary password works and must be changed', async () => {
    const { client } = await createClient(admin);
    const res = await admin.post(`/api/clients/${client.id}/reset-password`);
    expect(res.status).toBe(200);
    expect(res.body.data.client.mustChangePassword).toBe(true);
    const agent = await firstSignIn(t, client.phone, res.body.data.temporaryPassword);
    expect((await agent.get('/api/clients/me')).status).toBe(200);
  });

  it('when a worker asks for a client, then 404 (no jobs assign them any) and the client list is 403', async () => {
    const { client } = await createClient(admin, { nif: validNif(), dateOfBirth: '1980-01-01', notes: 'segredo' });
    const one = await worker.get(`/api/clients/${client.id}`);
    expect(one.status).toBe(404);
    expect(JSON.stringify(one.body)).not.toMatch(/nif|dateOfBirth|segredo/);
    expect((await worker.get('/api/clients')).status).toBe(403);
  });
});
