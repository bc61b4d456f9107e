import { expect } from 'vitest';
import { pino } from 'pino';
import type { DbConnectionConfig } from '../../src/config/config.js';
import { createDb } from '../../src/db/pool.js';
import { createPasswordHasher } from '../../src/modules/auth/password.js';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../src/seed/demo-accounts.js';
import { TEST_ARGON2 } from '../helpers/test-config.js';
import { call, freePort, smtpSink, startServer, until, type ServerProcess } from './server-process.js';

/** Sign-in failures per account before 429 in the smoke servers (small, so the flow stays short). */
export const SMOKE_ACCOUNT_LIMIT = 3;

/** A production server process on `env`'s database, migrating at boot, mailing to a local SMTP sink. */
export async function startSmokeServer(name: string, env: Record<string, string>) {
  const smtp = await smtpSink();
  const server = startServer(name, await freePort(), {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DB_POOL_MAX: '4',
    SESSION_SECRET: 's'.repeat(64),
    FIELD_ENCRYPTION_KEY: 'cd'.repeat(32),
    ARGON2_MEMORY_KIB: String(TEST_ARGON2.memoryCost),
    ARGON2_TIME_COST: String(TEST_ARGON2.timeCost),
    MIGRATE_ON_BOOT: 'true',
    JOBS_ENABLED: 'true',
    SESSION_PRUNE_INTERVAL_SECONDS: '0',
    RATE_LIMIT_LOGIN_ACCOUNT_MAX: String(SMOKE_ACCOUNT_LIMIT),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    LOG_LEVEL: 'info',
    UPLOADS_DIR: '/nonexistent-uploads-not-used',
    ...env,
  });
  try {
    await until(() => `${name} ready\n${server.output()}`, async () => (await fetch(`${server.base}/api/readyz`)).status === 200, 90_000);
  } catch (err) {
    await server.stop();
    await smtp.close();
    throw err;
  }
  return {
    server,
    smtp,
    async stop() {
      await server.stop();
      await smtp.close();
    },
  };
}

/** Demo accounts written through `connection` (the application role: plain row writes). */
export async function seedAccounts(connection: DbConnectionConfig): Promise<void> {
  const logger = pino({ level: 'silent' });
  const db = createDb(
    { connection, ssl: false, max: 1, connectionTimeoutMs: 5000, statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 30_000, applicationName: 'lavandaria-smoke', slowQueryWarnMs: 10_000, slowQueryErrorMs: 10_000 },
    logger,
  );
  try {
    await seedDemoAccounts(db, createPasswordHasher(TEST_ARGON2), logger);
    await db.query(`UPDATE users SET email = 'admin@lavandaria.test' WHERE username = $1`, [DEMO_ACCOUNTS.admin.username]);
  } finally {
    await db.end();
  }
}

/**
 * What every deployment shape must carry: a session that holds across requests, an order written and
 * read back, background work (an e-mail through the job queue), the sign-in limiter, sign-out. Fails on
 * any 5xx and on any ❌ line the server logged meanwhile.
 */
export async function runSmokeFlow(server: ServerProcess, smtp: { messages: string[] }): Promise<void> {
  const { base } = server;
  const admin = DEMO_ACCOUNTS.admin;
  const signIn = await call(base, 'POST', '/api/auth/login/user', { body: { username: admin.username, password: admin.password } });
  expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
  const cookie = signIn.cookie;
  const session = await call(base, 'GET', '/api/auth/session', { cookie });
  expect(session.status).toBe(200);
  expect(JSON.stringify(session.body)).toContain(admin.username);

  const clients = await call(base, 'GET', '/api/clients', { cookie });
  expect(clients.status, JSON.stringify(clients.body)).toBe(200);
  const clientId = (clients.body!.data as unknown as Array<{ id: number; phone: string }>).find((c) => c.phone === DEMO_ACCOUNTS.client.phone)!.id;
  const services = await call(base, 'GET', '/api/laundry-services', { cookie });
  const serviceId = (services.body!.data as unknown as Array<{ id: number; code: string }>).find((s) => s.code === 'DRY_CLEAN')!.id;
  const created = await call(base, 'POST', '/api/laundry-orders', { cookie, body: { clientId, orderType: 'itemized', lines: [{ serviceId, quantity: 2 }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const orderId = created.body!.data!.id as number;
  const read = await call(base, 'GET', `/api/laundry-orders/${orderId}`, { cookie });
  expect(read.status, JSON.stringify(read.body)).toBe(200);
  expect(read.body!.data!.id).toBe(orderId);

  // Background work: the reset e-mail goes through the outbox and the job queue to the SMTP sink.
  const asked = await call(base, 'POST', '/api/auth/forgot-password', { body: { identifier: admin.username } });
  expect(asked.status, JSON.stringify(asked.body)).toBeLessThan(300);
  await until(() => `the reset e-mail\n${server.output()}`, async () => smtp.messages.some((m) => m.includes('admin@lavandaria.test')), 60_000);

  // The sign-in limiter (its counters live in PostgreSQL).
  const worker = DEMO_ACCOUNTS.worker;
  for (let i = 0; i < SMOKE_ACCOUNT_LIMIT; i++) {
    const wrong = await call(base, 'POST', '/api/auth/login/user', { body: { username: worker.username, password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
  }
  const limited = await call(base, 'POST', '/api/auth/login/user', { body: { username: worker.username, password: worker.password } });
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);

  expect((await call(base, 'POST', '/api/auth/logout', { cookie })).status).toBeLessThan(300);
  expect((await call(base, 'GET', '/api/laundry-orders', { cookie })).status).toBe(401);

  const problems = server
    .output()
    .split('\n')
    .filter((l) => /❌|"level":(50|60)|prepared statement|permission denied/.test(l));
  expect(problems).toEqual([]);
}
