import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { testEnv } from '../helpers/test-config.js';

const run = promisify(execFile);

const fail = (t: TestApp, username: string, ip = '203.0.113.10') =>
  t.request.post('/api/auth/login/user').set('X-Forwarded-For', ip).send({ username, password: 'definitely-wrong' });

describe('sign-in rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One trusted proxy so each test can speak from its own client address.
    t = await createTestApp({ env: { TRUST_PROXY: '1', RATE_LIMIT_LOGIN_IP_MAX: '8' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('when one account fails 5 times, then the 6th attempt is 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await fail(t, 'admin', '203.0.113.1')).status).toBe(401);
    const blocked = await t.request
      .post('/api/auth/login/user')
      .set('X-Forwarded-For', '203.0.113.2')
      .send({ username: 'admin', password: 'admin123' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(t.logs.messages().some((m) => m.startsWith('🚫 [RATE-LIMIT]'))).toBe(true);
  });

  it('when another account signs in from elsewhere, then it is not affected by that account lock', async () => {
    const res = await t.request.post('/api/auth/login/user').set('X-Forwarded-For', '203.0.113.3').send({ username: 'master', password: 'master123' });
    expect(res.status).toBe(200);
  });

  it('when a success comes before the limit, then the account count starts again', async () => {
    for (let i = 0; i < 4; i++) await fail(t, 'worker1', `198.51.100.${i + 1}`);
    await t.request.post('/api/auth/login/user').set('X-Forwarded-For', '198.51.100.9').send({ username: 'worker1', password: 'worker123' }).expect(200);
    for (let i = 0; i < 4; i++) expect((await fail(t, 'worker1', `198.51.100.${i + 20}`)).status).toBe(401);
    await t.request.post('/api/auth/login/user').set('X-Forwarded-For', '198.51.100.30').send({ username: 'worker1', password: 'worker123' }).expect(200);
  });

  it('when one address fails across many accounts, then that address is limited but others are not', async () => {
    for (let i = 0; i < 8; i++) expect((await fail(t, `someone-${i}`, '192.0.2.77')).status).toBe(401);
    const blocked = await t.request.post('/api/auth/login/client').set('X-Forwarded-For', '192.0.2.77').send({ phone: '911111111', password: 'lavandaria2025' });
    expect(blocked.status).toBe(429);
    const elsewhere = await t.request.post('/api/auth/login/client').set('X-Forwarded-For', '192.0.2.78').send({ phone: '911111111', password: 'lavandaria2025' });
    expect(elsewhere.status).toBe(200);
  });

  it('when two instances share the database, then failures on both count toward one limit', async () => {
    const other = await createTestApp({ env: { TRUST_PROXY: '1' }, connection: t.connection });
    try {
      for (let i = 0; i < 5; i++) {
        const instance = i % 2 === 0 ? t : other;
        expect((await fail(instance, 'shared.account', `100.64.0.${i + 1}`)).status).toBe(401);
      }
      expect((await fail(other, 'shared.account', '100.64.0.50')).status).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('when the reset command runs for an account, then that account can sign in again at once', async () => {
    for (let i = 0; i < 5; i++) await fail(t, 'master', `10.9.0.${i + 1}`);
    expect((await t.request.post('/api/auth/login/user').set('X-Forwarded-For', '10.9.1.1').send({ username: 'master', password: 'master123' })).status).toBe(429);
    const { stdout } = await run(process.execPath, ['scripts/cli.mjs', 'rate-limit-reset', '--user', 'MASTER'], {
      env: { ...process.env, ...testEnv(t.connection), NODE_ENV: 'test' },
    });
    expect(stdout).toMatch(/✅ Sign-in limits reset \(1 counter cleared\)/);
    expect((await t.request.post('/api/auth/login/user').set('X-Forwarded-For', '10.9.1.2').send({ username: 'master', password: 'master123' })).status).toBe(200);
  });

  it('when an account is tried under several spellings, then they all spend one allowance of 5', async () => {
    // `admİn` (U+0130) was folded onto `admin` by PostgreSQL but counted apart by JavaScript; the letter
    // is now refused before any lookup, and the spellings that do reach the account count under its id.
    const turkishI = await fail(t, 'adm\u0130n', '203.0.113.40');
    expect(turkishI.status).toBe(400);
    expect(turkishI.body.error.code).toBe('VALIDATION_FAILED');
    const spellings = ['worker1', 'WORKER1', 'Worker1', ' worker1 ', 'wOrKeR1'];
    for (const [i, username] of spellings.entries()) expect((await fail(t, username, `203.0.113.${41 + i}`)).status).toBe(401);
    const blocked = await t.request.post('/api/auth/login/user').set('X-Forwarded-For', '203.0.113.60').send({ username: 'worker1', password: 'worker123' });
    expect(blocked.status).toBe(429);
    await t.db.query(`DELETE FROM rate_limits`);
  });

  it('when a client phone is written several ways, then they all count as one number', async () => {
    const phones = ['911111111', '+351911111111', '00351 911 111 111', '911 111 111', '(+351) 911-111-111'];
    for (const [i, phone] of phones.entries()) {
      const res = await t.request.post('/api/auth/login/client').set('X-Forwarded-For', `203.0.113.${70 + i}`).send({ phone, password: 'nope-nope' });
      expect(res.status).toBe(401);
    }
    const blocked = await t.request.post('/api/auth/login/client').set('X-Forwarded-For', '203.0.113.80').send({ phone: '911111111', password: 'lavandaria2025' });
    expect(blocked.status).toBe(429);
    await t.db.query(`DELETE FROM rate_limits`);
  });

  it('when counters are stored and logged, then no username, phone or address appears in their keys', async () => {
    await fail(t, 'nobody.here', '203.0.113.90');
    await t.request.post('/api/auth/login/client').set('X-Forwarded-For', '203.0.113.91').send({ phone: '+351 912 000 001', password: 'nope-nope' });
    const keys = (await t.db.query<{ key: string }>(`SELECT key FROM rate_limits`)).rows.map((r) => r.key).join(' ');
    expect(keys).not.toMatch(/nobody|912000001|203\.0\.113/);
    expect(t.logs.text()).not.toMatch(/nobody\.here|912000001|912 000 001/);
    await t.db.query(`DELETE FROM rate_limits`);
  });

  it('when a signed-in session guesses the current password, then the 6th try is 429 with Retry-After, even with the right one', async () => {
    const admin = await t.signIn('admin');
    for (let i = 0; i < 5; i++) {
      const res = await admin.post('/api/auth/change-password').set('X-Forwarded-For', `203.0.113.${100 + i}`).send({ currentPassword: `guess-${i}`, newPassword: 'Sardinha-Assada-42' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('CURRENT_PASSWORD_INCORRECT');
    }
    const blocked = await admin.post('/api/auth/change-password').set('X-Forwarded-For', '203.0.113.110').send({ currentPassword: 'admin123', newPassword: 'Sardinha-Assada-42' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The same allowance as sign-in: the account cannot sign in elsewhere either until it is lifted.
    const signIn = await t.request.post('/api/auth/login/user').set('X-Forwarded-For', '203.0.113.111').send({ username: 'admin', password: 'admin123' });
    expect(signIn.status).toBe(429);
    await t.db.query(`DELETE FROM rate_limits`);
  });

  it('when X-Forwarded-For is forged with extra hops, then only the address added by our proxy counts', async () => {
    for (let i = 0; i < 8; i++) await fail(t, `forger-${i}`, `1.2.3.${i}, 192.0.2.200`);
    const res = await t.request.post('/api/auth/login/user').set('X-Forwarded-For', '9.9.9.9, 192.0.2.200').send({ username: 'fresh.account', password: 'x-wrong' });
    expect(res.status).toBe(429);
  });
});
