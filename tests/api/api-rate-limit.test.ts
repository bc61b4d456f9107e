import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** The per-address limit on the whole API (issue 16 §8). */
describe('API rate limit per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One trusted proxy so each test speaks from an address of its own (loopback is exempt in tests).
    t = await createTestApp({ env: { TRUST_PROXY: '1', RATE_LIMIT_API_MAX: '5', RATE_LIMIT_API_WINDOW_SECONDS: '60' } });
  });
  afterAll(async () => {
    await t.close();
  });
  const from = (ip: string, app = t) => app.request.get('/api/auth/session').set('X-Forwarded-For', ip);

  it('when one address passes the limit, then it gets 429 in the error envelope with Retry-After, and others go on', async () => {
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.7')).status).toBe(401);
    const limited = await from('203.0.113.7');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED', details: { limit: 5 } } });
    expect(limited.body._meta.correlationId).toBeTruthy();
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(t.logs.messages().some((m) => m.startsWith('🚫 [RATE-LIMIT]'))).toBe(true);
    expect((await from('203.0.113.8')).status).toBe(401);
    // Probes stay out of it: a load balancer's checks never count.
    expect((await t.request.get('/api/healthz').set('X-Forwarded-For', '203.0.113.7')).status).toBe(200);
    // The counter table holds digests, not addresses.
    const keys = (await t.db.query<{ key: string }>(`SELECT key FROM rate_limits WHERE key LIKE 'api-ip:%'`)).rows.map((r) => r.key).join(' ');
    expect(keys).not.toMatch(/203\.0\.113/);
  });

  it('when two instances share the database, then requests on both count toward one limit', async () => {
    const other = await createTestApp({ env: { TRUST_PROXY: '1', RATE_LIMIT_API_MAX: '5' }, connection: t.connection });
    try {
      for (let i = 0; i < 5; i++) expect((await from('198.51.100.40', i % 2 ? other : t)).status).toBe(401);
      expect((await from('198.51.100.40', other)).status).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('when the caller is on loopback outside production, then it is never limited (tests and the browser suite)', async () => {
    for (let i = 0; i < 8; i++) expect((await t.request.get('/api/auth/session')).status).toBe(401);
  });

  it('when the limit is 0, then it is off', async () => {
    const off = await createTestApp({ env: { TRUST_PROXY: '1', RATE_LIMIT_API_MAX: '0' }, connection: t.connection });
    try {
      for (let i = 0; i < 8; i++) expect((await from('192.0.2.99', off)).status).toBe(401);
    } finally {
      await off.close();
    }
  });
});
