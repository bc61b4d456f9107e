import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { uniquePhone } from '../helpers/people-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** An account as the earlier system left it: a bcrypt hash of cost 10 ($2b$, as its library wrote them). */
async function legacyClient(password: string, mustChange = false) {
  const phone = uniquePhone();
  const hash = await bcrypt.hash(password, 10);
  const { rows } = await t.db.query<{ id: number }>(
    `INSERT INTO clients (phone, password_hash, name, must_change_password) VALUES ($1, $2, 'Cliente Antigo', $3) RETURNING id`,
    [phone, hash, mustChange],
  );
  return { id: rows[0]!.id, phone, hash };
}

const storedHash = async (table: 'clients' | 'users', id: number) =>
  (await t.db.query<{ password_hash: string; must_change_password: boolean }>(`SELECT password_hash, must_change_password FROM ${table} WHERE id = $1`, [id])).rows[0]!;

describe('passwords brought over from the earlier system (bcrypt)', () => {
  it('when a client signs in with their old password, then it is accepted once and the stored hash becomes Argon2id', async () => {
    const client = await legacyClient('Marés-de-Setembro-77');
    const first = await t.request.post('/api/auth/login/client').send({ phone: client.phone, password: 'Marés-de-Setembro-77' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data.mustChangePassword).toBe(false);
    const after = await storedHash('clients', client.id);
    expect(after.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=1\$/);
    expect(after.must_change_password).toBe(false);
    const again = await t.request.post('/api/auth/login/client').send({ phone: client.phone, password: 'Marés-de-Setembro-77' });
    expect(again.status).toBe(200);
    expect((await storedHash('clients', client.id)).password_hash).toBe(after.password_hash);
  });

  it('when the old password is wrong, then the same 401 as any failure and the bcrypt hash stays', async () => {
    const client = await legacyClient('Marés-de-Setembro-77');
    const res = await t.request.post('/api/auth/login/client').send({ phone: client.phone, password: 'marés-de-setembro-77' });
    expect([res.status, res.body.error.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect((await storedHash('clients', client.id)).password_hash).toBe(client.hash);
  });

  it("when the old password fails today's policy, then the sign-in works but nothing else until it is changed", async () => {
    const client = await legacyClient('1234');
    const agent = (await import('supertest')).default.agent(t.app);
    const login = await agent.post('/api/auth/login/client').send({ phone: client.phone, password: '1234' });
    expect(login.status).toBe(200);
    expect(login.body.data.mustChangePassword).toBe(true);
    expect((await storedHash('clients', client.id)).must_change_password).toBe(true);
    const blocked = await agent.get('/api/laundry-orders');
    expect([blocked.status, blocked.body.error.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    const change = await agent.post('/api/auth/change-password').send({ currentPassword: '1234', newPassword: 'Sardinha-Assada-42' });
    expect(change.status).toBe(200);
    expect((await agent.get('/api/laundry-orders')).status).toBe(200);
  });

  it('when a staff member signs in with an old bcrypt password ($2a$ or $2y$ as other libraries wrote), then it is upgraded too', async () => {
    for (const prefix of ['$2a$', '$2y$']) {
      const hash = (await bcrypt.hash('Pastel-de-Nata-1837', 10)).replace(/^\$2[ab]\$/, prefix);
      const username = `antigo.${prefix.charAt(2)}.${process.pid}`;
      const { rows } = await t.db.query<{ id: number }>(`INSERT INTO users (username, password_hash, role, name) VALUES ($1, $2, 'worker', 'Antigo') RETURNING id`, [username, hash]);
      const res = await t.request.post('/api/auth/login/user').send({ username, password: 'Pastel-de-Nata-1837' });
      expect(res.status, prefix).toBe(200);
      expect((await storedHash('users', rows[0]!.id)).password_hash).toMatch(/^\$argon2id\$/);
    }
  });

  it('when an imported client without a password tries any password, then it is refused', async () => {
    const phone = uniquePhone();
    await t.db.query(`INSERT INTO clients (phone, password_hash, name) VALUES ($1, '!imported', 'Sem Palavra-passe')`, [phone]);
    const res = await t.request.post('/api/auth/login/client').send({ phone, password: '!imported' });
    expect(res.status).toBe(401);
  });
});
