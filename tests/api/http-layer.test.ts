import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { z } from 'zod';
import { createTestApp, createTestDatabase, type TestApp } from '../helpers/test-app.js';
import { route } from '../../src/http/endpoint.js';
import { productionExtras } from '../helpers/test-config.js';

let created = 0;

/** Endpoints that exist only in this test, declared with the same helper as the real ones. */
const extraRoutes = (routes: Parameters<typeof route>[0]) => {
  route(
    routes,
    {
      method: 'post',
      path: '/api/test/widgets',
      summary: 'test create',
      tags: ['Test'],
      access: ['master', 'admin'],
      body: z.object({ name: z.string().min(1) }).strict(),
      status: 201,
    },
    async ({ body }) => {
      created += 1;
      await new Promise((r) => setTimeout(r, 50));
      return { id: created, name: body.name };
    },
  );
  route(routes, { method: 'get', path: '/api/test/boom', summary: 'throws', tags: ['Test'], access: 'public' }, () => {
    throw new Error('secret internal detail');
  });
  route(routes, { method: 'get', path: '/api/test/slow', summary: 'answers after 400 ms', tags: ['Test'], access: 'public' }, async () => {
    await new Promise((r) => setTimeout(r, 400));
    return { slow: true };
  });
  route(
    routes,
    { method: 'get', path: '/api/test/items/:id', summary: 'params', tags: ['Test'], access: 'authenticated', params: z.object({ id: z.coerce.number().int().positive() }) },
    ({ params }) => ({ id: params.id }),
  );
};

describe('HTTP layer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ extraRoutes, env: { BODY_LIMIT_KB: '10' } });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('bodies', () => {
    it('when JSON is malformed, then 400 INVALID_JSON in the envelope', async () => {
      const res = await t.request.post('/api/auth/login/user').set('Content-Type', 'application/json').send('{"username": "master",');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, error: { code: 'INVALID_JSON' } });
      expect(res.body._meta.correlationId).toBe(res.headers['x-correlation-id']);
    });

    it('when the body is a form or plain text, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const form = await t.request.post('/api/auth/login/user').type('form').send('username=master&password=master123');
      expect(form.status).toBe(415);
      expect(form.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const text = await t.request.post('/api/auth/login/user').set('Content-Type', 'text/plain').send('hello');
      expect(text.status).toBe(415);
    });

    it('when multipart is sent to a route without uploads, then 415', async () => {
      const res = await t.request.post('/api/auth/login/user').field('username', 'master').field('password', 'master123');
      expect(res.status).toBe(415);
    });

    it('when the body exceeds the limit, then 413 PAYLOAD_TOO_LARGE as JSON', async () => {
      const res = await t.request.post('/api/auth/login/user').send({ username: 'master', password: 'x'.repeat(20 * 1024) });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('when a body has unknown fields on a strict schema, then 400 VALIDATION_FAILED', async () => {
      const agent = await t.signIn('admin');
      const res = await agent.post('/api/test/widgets').send({ name: 'a', extra: true });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('when a path id is not a number, then 400 with the parameter named', async () => {
      const agent = await t.signIn('admin');
      const res = await agent.get('/api/test/items/abc');
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('params.id');
    });
  });

  describe('errors', () => {
    it('when a handler throws, then 500 INTERNAL without the stack or message, and the log has both', async () => {
      const res = await t.request.get('/api/test/boom');
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('INTERNAL');
      expect(JSON.stringify(res.body)).not.toContain('secret internal detail');
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/);
      const line = t.logs.lines.find((l) => l.correlationId === res.body._meta.correlationId && String(l.msg).startsWith('❌ INTERNAL'));
      expect(line).toBeDefined();
      expect(line!.level).toBe('ERROR');
      expect(JSON.stringify(line)).toContain('secret internal detail');
    });

    it('when a request succeeds, fails with 4xx or 5xx, then the log line carries the runbook marker', async () => {
      const ok = await t.request.get('/api/healthz');
      const warn = await t.request.get('/api/auth/session');
      const fail = await t.request.get('/api/test/boom');
      const byId = (id: string) => t.logs.lines.filter((l) => l.reqId === id).map((l) => String(l.msg));
      expect(byId(warn.body._meta.correlationId).some((m) => m.startsWith('⚠️ GET /api/auth/session 401'))).toBe(true);
      expect(byId(fail.body._meta.correlationId).some((m) => m.startsWith('❌ GET /api/test/boom 500'))).toBe(true);
      expect(ok.status).toBe(200);
      const fetched = await (await t.signIn('admin')).get('/api/auth/session');
      expect(byId(fetched.body._meta.correlationId).some((m) => /^✅ GET \/api\/auth\/session 200 fetched in \d+ms$/.test(m))).toBe(true);
      const health = t.logs.lines.find((l) => l.reqId === ok.body._meta.correlationId);
      expect(health?.level).toBe('DEBUG');
    });

    it('when the client hangs up before the answer, then the line says so as a warning (not a server fault), with its correlation id', async () => {
      await expect(t.request.get('/api/test/slow').set('X-Correlation-Id', 'gave-up-1').timeout(100)).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 150));
      const line = t.logs.lines.find((l) => l.reqId === 'gave-up-1');
      expect(line?.level).toBe('WARN');
      expect(String(line?.msg)).toMatch(/^⚠️ GET \/api\/test\/slow 200 aborted by the client after \d+ms$/);
    });
  });

  describe('authorization', () => {
    it('when anonymous calls a protected route, then 401; a client calling a staff route gets 403', async () => {
      expect((await t.request.post('/api/test/widgets').send({ name: 'x' })).status).toBe(401);
      const client = await t.signIn('client');
      const res = await client.post('/api/test/widgets').send({ name: 'x' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    });
  });

  describe('CORS and CSRF', () => {
    it('when an allowed origin preflights, then it is echoed with credentials and our headers', async () => {
      const res = await t.request
        .options('/api/auth/login/user')
        .set('Origin', 'http://localhost:3001')
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'content-type,idempotency-key,x-correlation-id');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3001');
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers['access-control-allow-methods']).toContain('PATCH');
      expect(res.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/i);
      expect(res.headers.vary).toMatch(/Origin/);
    });

    it('when an allowed origin calls, then X-Correlation-Id is exposed', async () => {
      const res = await t.request.get('/api/healthz').set('Origin', 'http://localhost:3000');
      expect(res.headers['access-control-expose-headers']).toContain('X-Correlation-Id');
    });

    it('when a disallowed origin calls, then 403 ORIGIN_NOT_ALLOWED as JSON and no CORS grant', async () => {
      const res = await t.request.post('/api/auth/login/user').set('Origin', 'https://evil.example').send({ username: 'master', password: 'master123' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ORIGIN_NOT_ALLOWED');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('when the page is served by this server (same origin), then its POSTs are accepted', async () => {
      const res = await t.request
        .post('/api/auth/login/user')
        .set('Host', 'lavandaria.example.com')
        .set('Origin', 'http://lavandaria.example.com')
        .send({ username: 'master', password: 'master123' });
      expect(res.status).toBe(200);
    });

    it('when a cross-site request without Origin tries to change data, then 403 CSRF_REJECTED', async () => {
      const res = await t.request.post('/api/auth/logout').set('Sec-Fetch-Site', 'cross-site');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF_REJECTED');
    });

    it('when curl sends neither Origin nor Sec-Fetch-Site, then the request is allowed', async () => {
      expect((await t.request.post('/api/auth/logout')).status).toBe(200);
      expect((await t.request.post('/api/auth/logout').set('Sec-Fetch-Site', 'same-origin')).status).toBe(200);
    });
  });

  describe('idempotency', () => {
    it('when a create is retried with the same key, then the first response is replayed and it acts once', async () => {
      const agent = await t.signIn('admin');
      const before = created;
      const first = await agent.post('/api/test/widgets').set('Idempotency-Key', 'key-0001-abcdef').send({ name: 'towels' });
      const again = await agent.post('/api/test/widgets').set('Idempotency-Key', 'key-0001-abcdef').send({ name: 'towels' });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(created).toBe(before + 1);
    });

    it('when the retry follows the answer at once, then it is replayed even while recording the answer is slow', async () => {
      const agent = await t.signIn('admin');
      const query = t.db.query;
      // Recording the answer takes 150 ms: the answer must not leave before it is recorded.
      t.db.query = (async (text: string, values?: unknown[]) => {
        if (text.includes("SET state = 'completed'")) await new Promise((r) => setTimeout(r, 150));
        return query.call(t.db, text, values);
      }) as typeof query;
      try {
        const first = await agent.post('/api/test/widgets').set('Idempotency-Key', 'slow-record-0001').send({ name: 'aprons' });
        const again = await agent.post('/api/test/widgets').set('Idempotency-Key', 'slow-record-0001').send({ name: 'aprons' });
        expect(first.status).toBe(201);
        expect(again.status, JSON.stringify(again.body)).toBe(201);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.body).toEqual(first.body);
      } finally {
        t.db.query = query;
      }
    });

    it('when two identical requests race, then one acts and the other is told to retry (409)', async () => {
      const agent = await t.signIn('admin');
      const before = created;
      const [a, b] = await Promise.all([
        agent.post('/api/test/widgets').set('Idempotency-Key', 'race-key-0001').send({ name: 'sheets' }),
        agent.post('/api/test/widgets').set('Idempotency-Key', 'race-key-0001').send({ name: 'sheets' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(created).toBe(before + 1);
    });

    it('when the same key comes with a different body, then 422 IDEMPOTENCY_KEY_REUSED', async () => {
      const agent = await t.signIn('admin');
      await agent.post('/api/test/widgets').set('Idempotency-Key', 'key-0002-abcdef').send({ name: 'a' }).expect(201);
      const res = await agent.post('/api/test/widgets').set('Idempotency-Key', 'key-0002-abcdef').send({ name: 'b' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('when another caller uses the same key, then it is a separate request', async () => {
      const admin = await t.signIn('admin');
      const master = await t.signIn('master');
      const before = created;
      await admin.post('/api/test/widgets').set('Idempotency-Key', 'shared-key-0003').send({ name: 'x' }).expect(201);
      await master.post('/api/test/widgets').set('Idempotency-Key', 'shared-key-0003').send({ name: 'x' }).expect(201);
      expect(created).toBe(before + 2);
    });

    it('when the key is malformed, then 400 INVALID_IDEMPOTENCY_KEY', async () => {
      const agent = await t.signIn('admin');
      const res = await agent.post('/api/test/widgets').set('Idempotency-Key', 'no spaces allowed').send({ name: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_IDEMPOTENCY_KEY');
    });
  });

  describe('compression', () => {
    it('when a client accepts gzip, then a large JSON answer is compressed', async () => {
      const res = await t.request.get('/api/docs/openapi.json').set('Accept-Encoding', 'gzip');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.body.openapi).toBe('3.1.0');
    });
  });

  describe('headers', () => {
    it('when any API answers, then security headers are set and caching is off', async () => {
      const res = await t.request.get('/api/healthz');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });
});

describe('HTTP layer in production behind one proxy', () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    t = await createTestApp({ database, env: { ...productionExtras(database.connection), TRUST_PROXY: '1', SEED_DEMO: 'false' } });
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('when the proxy says the request came over HTTPS, then the cookie is Secure', async () => {
    const res = await t.request.post('/api/auth/login/user').set('X-Forwarded-Proto', 'https').send({ username: 'admin', password: 'admin123' });
    expect(res.status).toBe(200);
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join()).toMatch(/; Secure/);
  });

  it('when the cookie is Secure, then it carries the __Host- prefix, keeps the session over HTTPS, and logout clears it and the site data', async () => {
    const agent = supertest.agent(t.app);
    const login = await agent.post('/api/auth/login/user').set('X-Forwarded-Proto', 'https').send({ username: 'admin', password: 'admin123' });
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).join();
    expect(cookie).toMatch(/^__Host-lavandaria\.sid=/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie, cookie).toMatch(/; Secure/);
    expect(cookie).not.toMatch(/Domain=/i);
    const sid = cookie.split(';')[0]!;
    const session = await t.request.get('/api/auth/session').set('X-Forwarded-Proto', 'https').set('Cookie', sid);
    expect(session.status).toBe(200);
    const logout = await t.request.post('/api/auth/logout').set('X-Forwarded-Proto', 'https').set('Cookie', sid);
    expect(logout.status).toBe(200);
    expect(logout.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    expect(([] as string[]).concat(logout.headers['set-cookie'] ?? []).join()).toMatch(/^__Host-lavandaria\.sid=;.*Secure/);
    expect((await t.request.get('/api/auth/session').set('X-Forwarded-Proto', 'https').set('Cookie', sid)).status).toBe(401);
  });

  it('when the request came over plain HTTP (the runbook curl on the host), then the cookie is still set, not Secure', async () => {
    const res = await t.request.post('/api/auth/login/user').send({ username: 'admin', password: 'admin123' });
    expect(res.status).toBe(200);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join();
    expect(cookie).toMatch(/^lavandaria\.sid=/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('when in production, then HSTS and upgrade-insecure-requests are on', async () => {
    const res = await t.request.get('/api/healthz');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
