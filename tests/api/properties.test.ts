import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createClient, PROPERTY, signedInClient } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('properties', () => {
  let t: TestApp;
  let admin: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const add = (clientId: number, body: Record<string, unknown> = {}) => admin.post(`/api/clients/${clientId}/properties`).send({ ...PROPERTY, ...body });

  it('when a client’s first property is added, then it is primary; a second is not; a second primary is refused', async () => {
    const { client } = await createClient(admin);
    const first = await add(client.id, { name: 'Primeira' });
    expect(first.status).toBe(201);
    expect(first.body.data.isPrimary).toBe(true);
    const second = await add(client.id, { name: 'Segunda' });
    expect(second.body.data.isPrimary).toBe(false);
    const refused = await add(client.id, { name: 'Terceira', isPrimary: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PRIMARY_EXISTS');
  });

  it('when several first properties are added at once, then exactly one ends up primary', async () => {
    const { client } = await createClient(admin);
    const results = await Promise.all([1, 2, 3, 4].map((i) => add(client.id, { name: `Paralela ${i}` })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM properties WHERE client_id = $1 AND is_primary`, [client.id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('when the primary is deleted, then the oldest remaining property is promoted', async () => {
    const { client } = await createClient(admin);
    const a = (await add(client.id, { name: 'A' })).body.data;
    t.clock.advance(1000);
    const b = (await add(client.id, { name: 'B' })).body.data;
    const c = (await add(client.id, { name: 'C' })).body.data;
    expect((await admin.delete(`/api/properties/${a.id}`)).status).toBe(204);
    const list = (await admin.get(`/api/clients/${client.id}/properties`)).body.data;
    expect(list.map((p: { id: number; isPrimary: boolean }) => [p.id, p.isPrimary])).toEqual([
      [b.id, true],
      [c.id, false],
    ]);
  });

  it('when another property is made primary, then the previous primary stops being one', async () => {
    const { client } = await createClient(admin);
    const a = (await add(client.id, { name: 'A' })).body.data;
    const b = (await add(client.id, { name: 'B' })).body.data;
    expect((await admin.post(`/api/properties/${b.id}/make-primary`)).body.data.isPrimary).toBe(true);
    expect((await admin.get(`/api/properties/${a.id}`)).body.data.isPrimary).toBe(false);
  });

  it('when access instructions are saved, then staff read them back but the database holds only ciphertext', async () => {
    const { client } = await createClient(admin);
    const p = (await add(client.id, { accessInstructions: 'Lockbox 4815 atrás do vaso' })).body.data;
    expect(p.accessInstructions).toBe('Lockbox 4815 atrás do vaso');
    const { rows } = await t.db.query<{ access_instructions_enc: string }>(`SELECT access_instructions_enc FROM properties WHERE id = $1`, [p.id]);
    expect(rows[0]!.access_instructions_enc).toMatch(/^v1\./);
    expect(rows[0]!.access_instructions_enc).not.toContain('4815');
  });

  it('when the owning client reads their properties, then without access instructions; another client gets 404', async () => {
    const { client, agent } = await signedInClient(t, admin);
    const p = (await add(client.id, { accessInstructions: 'Chave com a vizinha' })).body.data;
    const own = await agent.get(`/api/properties/${p.id}`);
    expect(own.status).toBe(200);
    expect(own.body.data).not.toHaveProperty('accessInstructions');
    const list = await agent.get(`/api/clients/${client.id}/properties`);
    expect(list.body.data).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain('vizinha');

    const { agent: other } = await signedInClient(t, admin);
    expect((await other.get(`/api/properties/${p.id}`)).status).toBe(404);
    expect((await other.get(`/api/clients/${client.id}/properties`)).status).toBe(404);
  });

  it('when a worker asks for a property not on their jobs, then 404 without any of its data', async () => {
    const worker = await t.signIn('worker');
    const { client } = await createClient(admin);
    const p = (await add(client.id, { accessInstructions: 'Código 9999' })).body.data;
    const res = await worker.get(`/api/properties/${p.id}`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('9999');
  });

  it('when the postal code, district or type is wrong, then 400 naming the field', async () => {
    const { client } = await createClient(admin);
    for (const [field, value] of [
      ['postalCode', '1170165'],
      ['district', 'algarve'],
      ['propertyType', 'castelo'],
    ] as const) {
      const res = await add(client.id, { [field]: value });
      expect(res.status, field).toBe(400);
      expect(res.body.error.details[0].path).toBe(`body.${field}`);
    }
  });

  it('when a property is referenced by a job, then deleting it is 409 PROPERTY_HAS_JOBS and it can be deactivated', async () => {
    const { client } = await createClient(admin);
    const p = (await add(client.id)).body.data;
    // Any table that references properties with ON DELETE RESTRICT (the cleaning jobs) blocks the delete.
    await t.db.query(`CREATE TABLE IF NOT EXISTS test_job_refs (property_id bigint REFERENCES properties (id) ON DELETE RESTRICT)`);
    await t.db.query(`INSERT INTO test_job_refs VALUES ($1)`, [p.id]);
    const res = await admin.delete(`/api/properties/${p.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PROPERTY_HAS_JOBS');
    expect((await admin.post(`/api/properties/${p.id}/deactivate`)).body.data.isActive).toBe(false);
  });

  it('when an edit is based on a stale version, then 409 VERSION_CONFLICT', async () => {
    const { client } = await createClient(admin);
    const p = (await add(client.id)).body.data;
    expect((await admin.patch(`/api/properties/${p.id}`).send({ version: p.version, city: 'Porto', district: 'porto', postalCode: '4050-180' })).status).toBe(200);
    const stale = await admin.patch(`/api/properties/${p.id}`).send({ version: p.version, name: 'Outro' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });
});
