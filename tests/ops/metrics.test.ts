import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const TOKEN = 'm'.repeat(40);

function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (!/^[{ ]/.test(rest)) continue;
    if (Object.entries(labels).every(([k, v]) => rest.includes(`${k}="${v}"`))) return Number(line.split(' ').at(-1));
  }
  return undefined;
}

describe('/api/metrics from loopback without a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DB_SLOW_QUERY_WARN_MS: '5', DB_SLOW_QUERY_ERROR_MS: '5000' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('when requests were served, then histograms by route template and status class, errors, pool, queue and process metrics are exposed', async () => {
    await t.request.get('/api/healthz');
    await t.request.get('/api/readyz');
    await t.request.post('/api/auth/login/user').send({ username: 'master', password: 'wrong-password' });
    await t.request.get('/api/no-such-thing/12345');
    const res = await t.request.get('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(sample(text, 'lavandaria_http_request_duration_seconds_count', { route: '/api/healthz', status_class: '2xx' })).toBe(1);
    expect(sample(text, 'lavandaria_http_request_duration_seconds_count', { route: '/api/auth/login/user', status_class: '4xx', method: 'POST' })).toBe(1);
    expect(sample(text, 'lavandaria_http_request_duration_seconds_bucket', { route: '/api/readyz', le: '+Inf' })).toBe(1);
    expect(sample(text, 'lavandaria_http_errors_total', { route: '/api/auth/login/user', status: '401' })).toBe(1);
    expect(sample(text, 'lavandaria_http_errors_total', { route: 'unmatched', status: '404' })).toBe(1);
    // Never the raw URL: ids in labels would make a time series per record.
    expect(text).not.toContain('12345');
    expect(sample(text, 'lavandaria_db_pool_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'lavandaria_db_pool_waiting')).toBe(0);
    expect(sample(text, 'lavandaria_job_queue_depth')).toBe(0);
    expect(sample(text, 'lavandaria_build_info', { version: 'test' })).toBe(1);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('when sign-ins trip the account limit, then the rate-limit counter counts each refusal', async () => {
    for (let i = 0; i < 5; i++) await t.request.post('/api/auth/login/user').send({ username: 'admin', password: `wrong-${i}` });
    const refused = await t.request.post('/api/auth/login/user').send({ username: 'admin', password: 'admin123' });
    expect(refused.status).toBe(429);
    const text = (await t.request.get('/api/metrics')).text;
    expect(sample(text, 'lavandaria_rate_limit_triggers_total', { limiter: 'login', scope: 'account' })).toBe(1);
  });

  it('when a query is slower than the warning threshold, then the slow-query counter rises', async () => {
    const before = sample((await t.request.get('/api/metrics')).text, 'lavandaria_db_slow_queries_total', { level: 'warn' }) ?? 0;
    await t.db.query('SELECT pg_sleep(0.05)');
    const after = sample((await t.request.get('/api/metrics')).text, 'lavandaria_db_slow_queries_total', { level: 'warn' });
    expect(after).toBe(before + 1);
  });

  it('when the job queue plugs in its depth, then the gauge reports it', async () => {
    t.built.metrics.setJobQueueDepthSource(async () => 7);
    expect(sample((await t.request.get('/api/metrics')).text, 'lavandaria_job_queue_depth')).toBe(7);
  });
});

describe('/api/metrics access', () => {
  it('when METRICS_TOKEN is set, then only the bearer token opens it and everyone else gets the unknown-route 404', async () => {
    const t = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
    try {
      const unknown = await t.request.get('/api/metriks');
      for (const attempt of [t.request.get('/api/metrics'), t.request.get('/api/metrics').set('Authorization', `Bearer ${TOKEN}x`)]) {
        const res = await attempt;
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe(unknown.body.error.code);
      }
      const ok = await t.request.get('/api/metrics').set('Authorization', `Bearer ${TOKEN}`);
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('lavandaria_http_request_duration_seconds');
    } finally {
      await t.close();
    }
  });

  it('when behind a proxy without a token, then the client address decides: allow-listed ranges yes, others 404', async () => {
    const t = await createTestApp({ env: { TRUST_PROXY: '1', METRICS_ALLOW_IPS: '203.0.113.0/24,2001:db8::1' } });
    try {
      expect((await t.request.get('/api/metrics').set('X-Forwarded-For', '198.51.100.7')).status).toBe(404);
      expect((await t.request.get('/api/metrics').set('X-Forwarded-For', '203.0.113.9')).status).toBe(200);
      expect((await t.request.get('/api/metrics').set('X-Forwarded-For', '2001:db8::1')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('when METRICS_ENABLED=false, then there is no such route', async () => {
    const t = await createTestApp({ env: { METRICS_ENABLED: 'false' } });
    try {
      expect((await t.request.get('/api/metrics')).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('when the token is short or an allow-list entry is not an address, then the configuration is refused', () => {
    const base = { NODE_ENV: 'test', SESSION_SECRET: 's'.repeat(64) };
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, METRICS_ALLOW_IPS: '10.0.0.0/33' })).toThrow(/METRICS_ALLOW_IPS/);
    expect(() => loadConfig({ ...base, METRICS_ALLOW_IPS: 'prometheus' })).toThrow(/METRICS_ALLOW_IPS/);
    expect(loadConfig({ ...base, METRICS_ALLOW_IPS: '10.0.0.0/8, ::1' }).metrics.allowIps).toEqual(['10.0.0.0/8', '::1']);
  });
});
