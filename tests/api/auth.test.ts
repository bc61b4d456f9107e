import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPasswordHasher } from '../../src/modules/auth/password.js';
import { TEST_ARGON2 } from '../helpers/test-config.js';

function sidOf(res: supertest.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('lavandaria.sid='));
  return cookie?.split(';')[0]?.split('=')[1];
}

const hasher = createPasswordHasher(TEST_ARGON2);

async function addClient(t: TestApp, phone: string, password: string, extra: { mustChange?: boolean; active?: boolean } = {}) {
  const { rows } = await t.db.query<{ id: number }>(
    `INSERT INTO clients (phone, password_hash, name, must_change_password, is_active) VALUES ($1, $2, 'Test Client', $3, $4) RETURNING id`,
    [phone, await hasher.hash(password), extra.mustChange ?? false, extra.active ?? true],
  );
  return rows[0]!.id;
}

async function addWorker(t: TestApp, username: string, password: string, extra: { mustChange?: boolean; active?: boolean } = {}) {
  const { rows } = await t.db.query<{ id: number }>(
    `INSERT INTO users (username, password_hash, role, name, must_change_password, is_active) VALUES ($1, $2, 'worker', 'Test Worker', $3, $4) RETURNING id`,
    [username, await hasher.hash(password), extra.mustChange ?? false, extra.active ?? true],
  );
  return rows[0]!.id;
}

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('when staff sign in with the right password, then a session cookie is set and the principal returned', async () => {
    const res = await t.request.post('/api/auth/login/user').send({ username: 'master', password: 'master123' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ type: 'user', role: 'master', username: 'master', mustChangePassword: false });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('lavandaria.sid='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('when the username differs only in case, then sign-in still works', async () => {
    const res = await t.request.post('/api/auth/login/user').send({ username: 'MASTER', password: 'master123' });
    expect(res.status).toBe(200);
  });

  it('when a client signs in with a 9-digit Portuguese number, then it is matched in E.164', async () => {
    const res = await t.request.post('/api/auth/login/client').send({ phone: '911 111 111', password: 'lavandaria2025' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ type: 'client', role: 'client', phone: '+351911111111' });
  });

  it('when the account is unknown, the password wrong or the account inactive, then the answer is the same 401', async () => {
    await addWorker(t, 'inactive.worker', 'right-password-1', { active: false });
    const unknown = await t.request.post('/api/auth/login/user').send({ username: 'nobody-here', password: 'whatever1' });
    const wrong = await t.request.post('/api/auth/login/user').send({ username: 'admin', password: 'not-the-password' });
    const inactive = await t.request.post('/api/auth/login/user').send({ username: 'inactive.worker', password: 'right-password-1' });
    for (const res of [unknown, wrong, inactive]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong username, phone or password.' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('when a login fails, then the log says why without the password', async () => {
    await t.request.post('/api/auth/login/user').send({ username: 'admin', password: 'leaky-password-xyz' });
    expect(t.logs.text()).not.toContain('leaky-password-xyz');
    expect(t.logs.lines.some((l) => l.event === 'auth.login.failed' && l.reason === 'password')).toBe(true);
  });

  it('when the body is missing fields, then 400 VALIDATION_FAILED names them', async () => {
    const res = await t.request.post('/api/auth/login/user').send({ username: 'master' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body.password' })]);
  });
});

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('when signed out, then the session endpoint answers 401 UNAUTHENTICATED', async () => {
    const res = await t.request.get('/api/auth/session');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('when a cookie was planted before sign-in, then sign-in issues a different session id (no fixation)', async () => {
    const first = await t.request.post('/api/auth/login/user').send({ username: 'admin', password: 'admin123' });
    const planted = sidOf(first)!;
    const agent = supertest.agent(t.app);
    const second = await agent
      .post('/api/auth/login/user')
      .set('Cookie', `lavandaria.sid=${planted}`)
      .send({ username: 'admin', password: 'admin123' });
    const issued = sidOf(second)!;
    expect(issued).toBeDefined();
    expect(issued.split('.')[0]).not.toBe(planted.split('.')[0]);
    const rows = await t.db.query(`SELECT 1 FROM session WHERE sid = $1`, [decodeURIComponent(planted).slice(2).split('.')[0]]);
    expect(rows.rowCount).toBe(0);
  });

  it('when signed out, then replaying the old cookie is refused and the row is gone', async () => {
    const login = await t.request.post('/api/auth/login/user').send({ username: 'worker1', password: 'worker123' });
    const cookie = `lavandaria.sid=${sidOf(login)}`;
    expect((await t.request.get('/api/auth/session').set('Cookie', cookie)).status).toBe(200);
    const logout = await t.request.post('/api/auth/logout').set('Cookie', cookie);
    expect(logout.status).toBe(200);
    expect(([] as string[]).concat(logout.headers['set-cookie'] ?? []).join()).toMatch(/^lavandaria\.sid=;.*Expires=Thu, 01 Jan 1970/);
    expect(logout.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    expect((await t.request.get('/api/auth/session').set('Cookie', cookie)).status).toBe(401);
  });

  it('when logout has no session, then it still answers 200 (a bodyless POST from curl works)', async () => {
    const res = await t.request.post('/api/auth/logout');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ loggedOut: true });
  });

  it('when nothing signs in, then no session row or cookie is created for anonymous traffic', async () => {
    const before = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM session`);
    const res = await t.request.get('/api/auth/session');
    expect(res.headers['set-cookie']).toBeUndefined();
    const after = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM session`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('when each role signs in, then the cookie lives for that role\'s idle timeout', async () => {
    const expectations: Array<[string, Record<string, string>, number]> = [
      ['/api/auth/login/user', { username: 'admin', password: 'admin123' }, t.config.session.idleMinutes.staff],
      ['/api/auth/login/user', { username: 'worker1', password: 'worker123' }, t.config.session.idleMinutes.worker],
      ['/api/auth/login/client', { phone: '911111111', password: 'lavandaria2025' }, t.config.session.idleMinutes.client],
    ];
    for (const [path, body, minutes] of expectations) {
      const res = await t.request.post(path).send(body);
      const sid = decodeURIComponent(sidOf(res)!).slice(2).split('.')[0];
      const { rows } = await t.db.query<{ seconds: number }>(`SELECT extract(epoch FROM expire - now())::int AS seconds FROM session WHERE sid = $1`, [sid]);
      expect(Math.abs(rows[0]!.seconds - minutes * 60)).toBeLessThan(60);
    }
  });

  it('when a session is past its absolute lifetime, then it is ended even though it was active', async () => {
    const agent = await t.signIn('admin');
    expect((await agent.get('/api/auth/session')).status).toBe(200);
    t.clock.advance((t.config.session.absoluteHours.staff * 60 + 1) * 60_000);
    try {
      expect((await agent.get('/api/auth/session')).status).toBe(401);
    } finally {
      t.clock.set(new Date());
    }
  });

  it('when the session row expires (idle timeout), then the next request is 401', async () => {
    const agent = await t.signIn('worker');
    await t.db.query(`UPDATE session SET expire = now() - interval '1 second' WHERE (sess -> 'auth' ->> 'role') = 'worker'`);
    expect((await agent.get('/api/auth/session')).status).toBe(401);
  });

  it('when the secret is rotated with the old one kept as previous, then old cookies stay valid', async () => {
    const login = await t.request.post('/api/auth/login/user').send({ username: 'admin', password: 'admin123' });
    const cookie = `lavandaria.sid=${sidOf(login)}`;
    const rotated = await createTestApp({
      env: { SESSION_SECRET: 'n'.repeat(64), SESSION_SECRET_PREVIOUS: t.config.session.secrets[0]! },
      connection: t.connection,
    });
    const stranger = await createTestApp({ env: { SESSION_SECRET: 'z'.repeat(64) }, connection: t.connection });
    try {
      expect((await rotated.request.get('/api/auth/session').set('Cookie', cookie)).status).toBe(200);
      expect((await stranger.request.get('/api/auth/session').set('Cookie', cookie)).status).toBe(401);
    } finally {
      await rotated.close();
      await stranger.close();
    }
  });
});

describe('password change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('when an account must change its password, then only session, change-password and logout answer', async () => {
    await addClient(t, '+351922000001', 'temporary-pass-1', { mustChange: true });
    const agent = supertest.agent(t.app);
    const login = await agent.post('/api/auth/login/client').send({ phone: '922000001', password: 'temporary-pass-1' });
    expect(login.status).toBe(200);
    expect(login.body.data.mustChangePassword).toBe(true);
    expect((await agent.get('/api/auth/session')).status).toBe(200);
    const blocked = await agent.patch('/api/auth/profile').send({ locale: 'en' });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const changed = await agent.post('/api/auth/change-password').send({ currentPassword: 'temporary-pass-1', newPassword: 'a much better one' });
    expect(changed.status).toBe(200);
    expect(changed.body.data.mustChangePassword).toBe(false);
    expect((await agent.patch('/api/auth/profile').send({ locale: 'en' })).status).toBe(200);
    const { rows } = await t.db.query<{ id: number; must_change_password: boolean; locale: string }>(
      `SELECT id, must_change_password, locale FROM clients WHERE phone = '+351922000001'`,
    );
    expect(rows[0]).toMatchObject({ must_change_password: false, locale: 'en' });
    const audit = await t.db.query<{ action: string; actor_type: string; changed_fields: string[]; after: unknown }>(
      `SELECT action, actor_type, changed_fields, after FROM audit_log WHERE entity = 'client' AND entity_id = $1 ORDER BY id`,
      [String(rows[0]!.id)],
    );
    expect(audit.rows).toEqual([
      { action: 'change_password', actor_type: 'client', changed_fields: ['mustChangePassword', 'password'], after: { mustChangePassword: false } },
      { action: 'update_profile', actor_type: 'client', changed_fields: ['locale'], after: { locale: 'en' } },
    ]);
  });

  it('when the password changes, then the other sessions of the account end and this one continues', async () => {
    await addWorker(t, 'two.devices', 'first-password-1');
    const phone = supertest.agent(t.app);
    const laptop = supertest.agent(t.app);
    await phone.post('/api/auth/login/user').send({ username: 'two.devices', password: 'first-password-1' }).expect(200);
    await laptop.post('/api/auth/login/user').send({ username: 'two.devices', password: 'first-password-1' }).expect(200);
    const res = await laptop.post('/api/auth/change-password').send({ currentPassword: 'first-password-1', newPassword: 'second password 2' });
    expect(res.status).toBe(200);
    expect((await phone.get('/api/auth/session')).status).toBe(401);
    expect((await laptop.get('/api/auth/session')).status).toBe(200);
    await t.request.post('/api/auth/login/user').send({ username: 'two.devices', password: 'second password 2' }).expect(200);
    await t.request.post('/api/auth/login/user').send({ username: 'two.devices', password: 'first-password-1' }).expect(401);
  });

  it.each([
    ['wrong current', 'not-current', 'fine new password', 'CURRENT_PASSWORD_INCORRECT'],
    ['too short', 'policy-pass-1', 'short', 'PASSWORD_TOO_SHORT'],
    ['common', 'policy-pass-1', 'password123', 'PASSWORD_TOO_COMMON'],
    ['same', 'policy-pass-1', 'policy-pass-1', 'PASSWORD_UNCHANGED'],
    ['contains username', 'policy-pass-1', 'policy.worker-2026', 'PASSWORD_CONTAINS_IDENTIFIER'],
  ])('when the new password is refused (%s), then 400 %s and nothing changes', async (_label, current, next, code) => {
    await t.db.query(`DELETE FROM users WHERE username = 'policy.worker'`);
    await addWorker(t, 'policy.worker', 'policy-pass-1');
    const agent = supertest.agent(t.app);
    await agent.post('/api/auth/login/user').send({ username: 'policy.worker', password: 'policy-pass-1' }).expect(200);
    const res = await agent.post('/api/auth/change-password').send({ currentPassword: current, newPassword: next });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    await t.request.post('/api/auth/login/user').send({ username: 'policy.worker', password: 'policy-pass-1' }).expect(200);
  });
});
