import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/test-app.js';
import { pgEnvFor, tempDir } from './support.js';
import { SERVER_ARGS } from '../helpers/server-command.js';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The real server process (`src/main.ts` through tsx, NODE_ENV=production) gets SIGTERM while a sign-in
 * is in flight. The sign-in is made slow for real: the test holds an exclusive lock on `users`, so the
 * request waits inside PostgreSQL — no test-only endpoint, the runbook's own login request.
 */
describe('the server process: idle keep-alive connections and graceful shutdown', { timeout: 60_000 }, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let child: ChildProcess;
  let output = '';
  let exit: Promise<number | null>;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const pgEnv = pgEnvFor(database.connection);
    child = spawn(process.execPath, [...SERVER_ARGS], {
      // A directory of its own, so no developer .env is read.
      cwd: tempDir('sigterm'),
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DB_HOST: pgEnv.PGHOST!,
        DB_PORT: pgEnv.PGPORT!,
        DB_USER: pgEnv.PGUSER!,
        DB_NAME: pgEnv.PGDATABASE!,
        DB_PASSWORD: pgEnv.PGPASSWORD ?? 'unused-with-trust-auth',
        SESSION_SECRET: 'f'.repeat(64),
        FIELD_ENCRYPTION_KEY: 'cd'.repeat(32),
        SESSION_PRUNE_INTERVAL_SECONDS: '0',
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 150; i++) {
      const status = await fetch(`${base}/api/readyz`).then((r) => r.status, () => 0);
      if (status === 200) return;
      if (child.exitCode !== null) break;
      await sleep(100);
    }
    throw new Error(`the server did not become ready:\n${output}`);
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await database.drop();
  });

  it('when a client reuses a keep-alive connection after 6 s idle, then the server still answers on it (no reset)', async () => {
    const socket = net.connect(Number(new URL(base).port), '127.0.0.1');
    let received = '';
    let closed = false;
    socket.on('data', (d: Buffer) => (received += d.toString()));
    socket.on('close', () => (closed = true));
    const get = 'GET /api/healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';
    const answers = () => received.split('HTTP/1.1 200').length - 1;
    const waitFor = async (n: number) => {
      for (let i = 0; i < 100 && answers() < n && !closed; i++) await sleep(50);
    };
    socket.write(get);
    await waitFor(1);
    expect(answers()).toBe(1);
    // Longer than Node's default keep-alive timeout (5 s), shorter than a proxy's idle timeout (60 s).
    await sleep(6_000);
    expect(closed).toBe(false);
    socket.write(get);
    await waitFor(2);
    expect(answers()).toBe(2);
    socket.destroy();
  });

  it('when SIGTERM arrives during a slow request, then that request completes, new connections are refused, and the process exits 0', async () => {
    expect(output).toContain('Server running on port');
    const locker = new pg.Client(database.connection);
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');

    const login = fetch(`${base}/api/auth/login/user`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'master', password: 'master123' }),
    });
    // Wait until the sign-in is really stuck on the lock inside PostgreSQL.
    let waiting = 0;
    for (let i = 0; i < 100 && waiting === 0; i++) {
      const { rows } = await locker.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      waiting = rows[0]!.n;
      if (!waiting) await sleep(50);
    }
    expect(waiting).toBe(1);

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    await sleep(700);
    expect(child.exitCode).toBeNull();
    expect(output).toContain('Received SIGTERM');
    await expect(fetch(`${base}/api/healthz`)).rejects.toThrow();

    await locker.query('COMMIT');
    await locker.end();
    const res = await login;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { success: boolean }).success).toBe(true);
    expect(res.headers.get('set-cookie')).toMatch(/^lavandaria\.sid=/);

    expect(await exit).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(output).toContain('Shutdown complete');
  });
});
