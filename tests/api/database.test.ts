import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolClient } from 'pg';
import { createTestApp, createTestDatabase, type TestApp } from '../helpers/test-app.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import type { DbConnectionConfig } from '../../src/config/config.js';

function hostPortOf(connection: DbConnectionConfig): { host: string; port: number; rest: DbConnectionConfig } {
  if (connection.connectionString) {
    const url = new URL(connection.connectionString);
    return {
      host: url.hostname,
      port: Number(url.port || 5432),
      rest: { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: url.pathname.slice(1) },
    };
  }
  return { host: connection.host ?? '127.0.0.1', port: connection.port ?? 5432, rest: connection };
}

describe('when the database goes away and comes back', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { host, port, rest } = hostPortOf(database.connection);
    proxy = new TcpProxy(host, port);
    const proxyPort = await proxy.start();
    t = await createTestApp({
      database,
      connection: { ...rest, connectionString: undefined, host: '127.0.0.1', port: proxyPort },
      env: { DB_CONNECTION_TIMEOUT_MS: '500', READYZ_DB_TIMEOUT_MS: '400' },
    });
  });
  afterAll(async () => {
    await t.close();
    await proxy.cut();
    await database.drop();
  });

  it('then liveness stays 200, readiness is 503 quickly, and API calls answer 503 JSON without a crash', async () => {
    const agent = await t.signIn('admin');
    expect((await t.request.get('/api/readyz')).status).toBe(200);
    await proxy.cut();

    expect((await t.request.get('/api/healthz')).status).toBe(200);
    const ready = await t.request.get('/api/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('not_ready');
    expect(ready.body.data.checks.database.status).toBe('fail');

    const stderr: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => stderr.push(String(chunk)) > 0) as typeof process.stderr.write;
    let session;
    try {
      session = await agent.get('/api/auth/session');
    } finally {
      process.stderr.write = write;
    }
    // A known outage logs one JSON line per request (the request's own, with the cause), no stack, nothing raw on stderr.
    const lines = t.logs.lines.filter((l) => l.correlationId === session.body._meta.correlationId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'ERROR', err: { code: expect.stringMatching(/UNAVAILABLE$/) } });
    expect(JSON.stringify(lines[0])).not.toMatch(/"stack"/);
    expect(stderr).toEqual([]);
    expect(session.status).toBe(503);
    expect(session.body.success).toBe(false);
    expect(['DATABASE_UNAVAILABLE', 'SESSION_STORE_UNAVAILABLE']).toContain(session.body.error.code);
    expect(session.headers['retry-after']).toBeDefined();

    const login = await t.request.post('/api/auth/login/user').send({ username: 'master', password: 'master123' });
    expect(login.status).toBe(503);
    expect(login.body.error.code).toMatch(/UNAVAILABLE$/);

    await proxy.restore();
    let readyAgain = 0;
    for (let i = 0; i < 20 && readyAgain !== 200; i++) {
      readyAgain = (await t.request.get('/api/readyz')).status;
      if (readyAgain !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(readyAgain).toBe(200);
    expect((await agent.get('/api/auth/session')).status).toBe(200);
  });

  it('then a configured readiness timeout bounds the ping (asserted from configuration, not the clock)', () => {
    expect(t.config.readyzDbTimeoutMs).toBe(400);
    expect(t.db.pool.options.connectionTimeoutMillis).toBe(500);
  });
});

describe('the connection pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DB_STATEMENT_TIMEOUT_MS: '4321', DB_SLOW_QUERY_WARN_MS: '30', DB_SLOW_QUERY_ERROR_MS: '120' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('when a session is opened, then statement timeout and application name are the configured ones', async () => {
    const { rows } = await t.db.query<{ statement_timeout: string; application_name: string }>(
      `SELECT current_setting('statement_timeout') AS statement_timeout, current_setting('application_name') AS application_name`,
    );
    expect(rows[0]).toEqual({ statement_timeout: '4321ms', application_name: 'lavandaria-api' });
  });

  it('when counts and sums come back as bigint, then they are numbers, and dates stay plain dates', async () => {
    const { rows } = await t.db.query<{ n: unknown; total: unknown; d: unknown }>(`SELECT count(*) AS n, sum(x)::bigint AS total, DATE '2026-03-29' AS d FROM generate_series(1, 3) x`);
    expect(rows[0]).toEqual({ n: 3, total: 6, d: '2026-03-29' });
  });

  it('when a query is slow, then a warning or an error line carries the runbook words and the correlation id', async () => {
    await t.db.query('SELECT pg_sleep(0.05)');
    await t.db.query('SELECT pg_sleep(0.3)');
    const lineFor = (sql: string) => t.logs.lines.find((l) => l.sql === sql);
    // The level follows the measured duration (a loaded machine may stretch the short one past the error threshold).
    const short = lineFor('SELECT pg_sleep(0.05)');
    expect(short).toBeDefined();
    if (Number(short!.durationMs) < 120) {
      expect(short).toMatchObject({ level: 'WARN' });
      expect(short!.msg).toMatch(/^⚠️ Slow query: \d+ms \(Slow database warning over 30ms\)$/);
    }
    const long = lineFor('SELECT pg_sleep(0.3)');
    expect(long).toMatchObject({ level: 'ERROR' });
    expect(long!.msg).toMatch(/^❌ Slow database query: \d+ms \(Slow query over 120ms\)$/);
  });

  it('when a slow query runs inside a request context, then its log line carries that correlation id', async () => {
    const { requestContext } = await import('../../src/lib/request-context.js');
    await requestContext.run({ correlationId: 'req_slow_probe_2', startedAt: Date.now() }, () => t.db.query('SELECT pg_sleep(0.2)'));
    expect(t.logs.lines.find((l) => l.sql === 'SELECT pg_sleep(0.2)')?.correlationId).toBe('req_slow_probe_2');
  });

  it('when the server kills our backends, then the process survives and the next query works', async () => {
    await t.db.query('SELECT 1');
    const admin = await createTestApp({ connection: t.connection });
    try {
      await admin.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lavandaria-api' AND pid <> pg_backend_pid() AND datname = current_database()`);
    } finally {
      await admin.close();
    }
    await new Promise((r) => setTimeout(r, 50));
    const { rows } = await t.db.query<{ ok: number }>('SELECT 1 AS ok');
    expect(rows[0]!.ok).toBe(1);
  });

  it('when a statement runs past the statement timeout, then it maps to 503 QUERY_TIMEOUT, not a 500', async () => {
    const { toAppError } = await import('../../src/http/middleware/error-handler.js');
    const err = await t.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = 10`);
      return tx.query('SELECT pg_sleep(1)');
    }).catch((e: unknown) => e);
    expect((err as { code: string }).code).toBe('57014');
    expect(toAppError(err).status).toBe(503);
    expect(toAppError(err).code).toBe('QUERY_TIMEOUT');
  });

  it('when a transaction runs statements side by side, then its connection gets them one after another', async () => {
    // A pg client queues a statement sent while another runs, a use node-postgres deprecates (its next major
    // refuses it); services read a transaction's parts with Promise.all, so the transaction handle orders them.
    let inFlight = 0;
    let most = 0;
    const connect = t.db.pool.connect.bind(t.db.pool) as () => Promise<PoolClient>;
    t.db.pool.connect = (async () => {
      const client = await connect();
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
        inFlight++;
        most = Math.max(most, inFlight);
        return query(...args).finally(() => inFlight--);
      };
      const release = client.release.bind(client);
      client.release = (err?: boolean | Error) => {
        (client as unknown as { query: unknown }).query = query;
        client.release = release;
        release(err);
      };
      return client;
    }) as typeof t.db.pool.connect;
    try {
      const [slow, fast, third] = await t.db.transaction((tx) =>
        Promise.all([tx.query<{ n: number }>('SELECT 1 AS n, pg_sleep(0.05)'), tx.query<{ n: number }>('SELECT 2 AS n'), tx.query<{ n: number }>('SELECT 3 AS n')]),
      );
      expect([slow.rows[0]!.n, fast.rows[0]!.n, third.rows[0]!.n]).toEqual([1, 2, 3]);
    } finally {
      t.db.pool.connect = connect as typeof t.db.pool.connect;
    }
    expect(most).toBe(1);
  });

  it('when a transaction fails, then it is rolled back and its client returned to the pool', async () => {
    await t.db.query(`CREATE TABLE IF NOT EXISTS tx_probe (id int)`);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO tx_probe VALUES (1)`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM tx_probe`);
    expect(rows[0]!.n).toBe(0);
    expect(t.db.pool.waitingCount).toBe(0);
    expect(t.db.pool.totalCount).toBe(t.db.pool.idleCount);
  });
});

describe('when the session lookup fails and the database answers again right after', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('then the request answers 503 and the session survives: a database hiccup never signs anyone out', async () => {
    const agent = await t.signIn('admin');
    expect((await agent.get('/api/auth/session')).status).toBe(200);

    // The next lookup fails as a pool that waited too long for a connection does; the statements after it
    // (whatever the failed request would write on its way out) reach the database as usual.
    const store = t.built.sessionStore;
    const get = store.get;
    store.get = (_sid, callback) => {
      store.get = get;
      callback(new Error('timeout exceeded when trying to connect'));
    };
    const busy = await agent.get('/api/auth/session');
    expect(busy.status).toBe(503);
    expect(busy.body.error.code).toBe('DATABASE_UNAVAILABLE');

    const again = await agent.get('/api/auth/session');
    expect(again.status).toBe(200);
    expect(again.body.data.username).toBe('admin');
  });
});
