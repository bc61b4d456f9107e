import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('health endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('when liveness is asked, then it answers ok with service, uptime and version at top-level status', async () => {
    const res = await t.request.get('/api/healthz');
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.status).toBe('ok');
    expect(res.body.data).toMatchObject({ service: 'lavandaria-api', version: 'test' });
    expect(typeof res.body.data.uptimeSeconds).toBe('number');
    expect(res.body._meta.correlationId).toMatch(/^req_\d+_[a-z0-9]+$/);
    expect(res.headers['x-correlation-id']).toBe(res.body._meta.correlationId);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('when the database is reachable and migrated, then readiness is ready with the database latency', async () => {
    const res = await t.request.get('/api/readyz');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ready');
    expect(res.body.data.checks.database.status).toBe('ok');
    expect(res.body.data.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(res.body.data.checks.schema.status).toBe('ok');
  });

  it('when the server is draining, then readiness answers 503 not_ready while liveness stays 200', async () => {
    t.readiness.shuttingDown = true;
    try {
      const ready = await t.request.get('/api/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('not_ready');
      expect(ready.body.data.checks.shutdown.status).toBe('draining');
      expect((await t.request.get('/api/healthz')).status).toBe(200);
    } finally {
      t.readiness.shuttingDown = false;
    }
  });

  it('when a valid correlation id is sent, then it is kept and appears in the log lines of that request', async () => {
    const id = 'req_1760046060891_abc';
    const res = await t.request.get('/api/auth/session').set('X-Correlation-Id', id);
    expect(res.headers['x-correlation-id']).toBe(id);
    expect(res.body._meta.correlationId).toBe(id);
    const lines = t.logs.lines.filter((l) => l.correlationId === id || l.reqId === id);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('when an invalid correlation id is sent, then a new one replaces it', async () => {
    const res = await t.request.get('/api/healthz').set('X-Correlation-Id', 'bad id with spaces');
    expect(res.headers['x-correlation-id']).toMatch(/^req_\d+_/);
    const long = await t.request.get('/api/healthz').set('X-Correlation-Id', 'a'.repeat(129));
    expect(long.headers['x-correlation-id']).toMatch(/^req_\d+_/);
  });

  it('when an unknown API route is called, then a JSON 404 envelope answers', async () => {
    const res = await t.request.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false, error: { code: 'ROUTE_NOT_FOUND' } });
    // Under a known resource too, naming the whole path that was asked for.
    const nested = await t.request.get('/api/laundry-orders/1/nope?x=1');
    expect(nested.status).toBe(404);
    expect(nested.body.error.message).toBe('No endpoint GET /api/laundry-orders/1/nope.');
  });
});
