import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Walks the route table: every endpoint, called by an anonymous caller and by the master, answers in
 * the envelope with the correlation id of the request, and the log lines of that request carry it.
 */
describe('every endpoint answers in the envelope', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('when each route is called anonymously and as the master, then body, header and log share one correlation id', async () => {
    const master = await t.signIn('master');
    expect(t.built.routes.length).toBeGreaterThan(5);
    for (const entry of t.built.routes) {
      // Sign-out would end the master's session for the rest of the walk.
      if (entry.path === '/api/auth/logout') continue;
      const path = entry.path.replace(/:[A-Za-z0-9_]+/g, '1');
      for (const caller of [t.request, master]) {
        const id = `req_walk_${entry.method}_${Math.random().toString(36).slice(2, 8)}`;
        const res = await caller[entry.method](path).set('X-Correlation-Id', id).send(entry.method === 'get' ? undefined : {});
        const where = `${entry.method.toUpperCase()} ${entry.path} → ${res.status}`;
        expect(res.headers['x-correlation-id'], where).toBe(id);
        if (!String(res.headers['content-type']).includes('application/json')) continue;
        expect(typeof res.body.success, where).toBe('boolean');
        expect(res.body._meta?.correlationId, where).toBe(id);
        expect(res.status, where).toBeLessThan(500);
        expect(t.logs.lines.some((l) => l.reqId === id || l.correlationId === id), where).toBe(true);
      }
    }
  });
});
