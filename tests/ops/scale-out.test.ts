import crypto from 'node:crypto';
import PgBoss from 'pg-boss';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { DbConnectionConfig } from '../../src/config/config.js';
import { createDb, type Db } from '../../src/db/pool.js';
import { migrationNames } from '../../src/db/migrate.js';
import { APPLICATION_QUEUES } from '../../src/jobs/definitions.js';
import { createPasswordHasher } from '../../src/modules/auth/password.js';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../src/seed/demo-accounts.js';
import { connectionFor, withAdminClient } from '../helpers/test-database.js';
import { TEST_ARGON2 } from '../helpers/test-config.js';
import { PROPERTY } from '../helpers/people-fixtures.js';
import { plainJpeg } from '../fixtures/photo-fixtures.js';
import { startS3TestServer } from '../fixtures/s3-test-server.js';
import { pgEnvFor, tempDir } from './support.js';
import { call, freePort, logLines, sleep, smtpSink, startServer, until, type ServerProcess } from './server-process.js';

type Instance = ServerProcess;
const startInstance = startServer;

async function signIn(base: string, who: 'master' | 'admin') {
  const account = DEMO_ACCOUNTS[who];
  const res = await call(base, 'POST', '/api/auth/login/user', { body: { username: account.username, password: account.password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.cookie;
}

/**
 * Two real server processes (NODE_ENV=production, `src/main.ts` through tsx) on different ports share one
 * PostgreSQL database (made empty for this test), one S3-compatible bucket (s3rver) and one SMTP server.
 * Everything that must hold when Lavandaria runs as several identical instances behind a proxy is asked
 * of them: shared sessions, shared sign-in limits, shared photos, shared settings, one migration, and
 * background work done once.
 */
describe('scale-out: two instances, one database, one bucket', { timeout: 150_000 }, () => {
  let connection: DbConnectionConfig;
  let dbName: string;
  let db: Db;
  let s3: Awaited<ReturnType<typeof startS3TestServer>>;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    const info = inject('testDatabase');
    dbName = `${info.prefix}_scale_${crypto.randomBytes(4).toString('hex')}`;
    // Empty on purpose: the two instances must migrate it themselves, once.
    await withAdminClient(info.admin, (c) => c.query(`CREATE DATABASE ${dbName}`));
    connection = connectionFor(info.admin, dbName);
    s3 = await startS3TestServer();
    smtp = await smtpSink();
    const pgEnv = pgEnvFor(connection);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DB_HOST: pgEnv.PGHOST!,
      DB_PORT: pgEnv.PGPORT!,
      DB_USER: pgEnv.PGUSER!,
      DB_NAME: pgEnv.PGDATABASE!,
      DB_PASSWORD: pgEnv.PGPASSWORD || 'unused-with-trust-auth',
      DB_POOL_MAX: '4',
      SESSION_SECRET: 'e'.repeat(64),
      FIELD_ENCRYPTION_KEY: 'ab'.repeat(32),
      ARGON2_MEMORY_KIB: String(TEST_ARGON2.memoryCost),
      ARGON2_TIME_COST: String(TEST_ARGON2.timeCost),
      MIGRATE_ON_BOOT: 'true',
      JOBS_ENABLED: 'true',
      // Sessions are pruned by the cluster-wide maintenance job, not by a timer in every instance.
      SESSION_PRUNE_INTERVAL_SECONDS: '0',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      LOG_LEVEL: 'info',
      ...s3.env,
    };
    const [portA, portB] = [await freePort(), await freePort()];
    // Started together on the fresh database.
    a = startInstance('a', portA, { ...env, UPLOADS_DIR: tempDir('scale-out-uploads-a'), PHOTO_TMP_DIR: tempDir('scale-out-tmp-a') });
    b = startInstance('b', portB, { ...env, UPLOADS_DIR: tempDir('scale-out-uploads-b'), PHOTO_TMP_DIR: tempDir('scale-out-tmp-b') });
    for (const instance of [a, b]) {
      await until(`instance ${instance.name} ready\n${instance.output()}`, async () => (await fetch(`${instance.base}/api/readyz`)).status === 200, 90_000);
    }
    db = createDb(
      {
        connection,
        ssl: false,
        max: 2,
        connectionTimeoutMs: 5000,
        statementTimeoutMs: 30_000,
        idleInTransactionTimeoutMs: 30_000,
        applicationName: 'lavandaria-scale-out-test',
        slowQueryWarnMs: 10_000,
        slowQueryErrorMs: 10_000,
      },
      pino({ level: 'silent' }),
    );
    await seedDemoAccounts(db, createPasswordHasher(TEST_ARGON2), pino({ level: 'silent' }));
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.end();
    await s3?.close();
    await smtp?.close();
    const info = inject('testDatabase');
    await withAdminClient(info.admin, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  });

  it('when both start together on an empty database, then the migrations are applied once', async () => {
    const { rows } = await db.query<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM pgmigrations GROUP BY name ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(migrationNames());
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const applied = [...logLines(a, /Applied \d+ migration/), ...logLines(b, /Applied \d+ migration/)];
    expect(applied).toHaveLength(1);
  });

  it('when someone signs in on A, then B knows the session; signing out on B ends it on A', async () => {
    const cookie = await signIn(a.base, 'admin');
    const onB = await call(b.base, 'GET', '/api/auth/session', { cookie });
    expect(onB.status).toBe(200);
    expect(JSON.stringify(onB.body)).toContain(DEMO_ACCOUNTS.admin.username);
    expect((await call(b.base, 'POST', '/api/auth/logout', { cookie })).status).toBeLessThan(300);
    expect((await call(a.base, 'GET', '/api/laundry-orders', { cookie })).status).toBe(401);
  });

  it('when wrong passwords are spread over A and B, then the account limit counts them together', async () => {
    const wrong = { username: DEMO_ACCOUNTS.worker.username, password: 'not-the-password' };
    for (const base of [a.base, b.base, a.base, b.base, a.base]) {
      expect((await call(base, 'POST', '/api/auth/login/user', { body: wrong })).status).toBe(401);
    }
    // Five failures (the default limit) across both: even the right password is refused now, on either.
    const right = { username: DEMO_ACCOUNTS.worker.username, password: DEMO_ACCOUNTS.worker.password };
    const blocked = await call(b.base, 'POST', '/api/auth/login/user', { body: right });
    expect(blocked.status).toBe(429);
    expect((await call(a.base, 'POST', '/api/auth/login/user', { body: right })).status).toBe(429);
  });

  it('when a photo is uploaded through A, then B serves the same bytes from the bucket', async () => {
    const cookie = await signIn(a.base, 'admin');
    const clientId = (await db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = $1`, [DEMO_ACCOUNTS.client.phone])).rows[0]!.id;
    const workerId = (await db.query<{ id: number }>(`SELECT id FROM users WHERE username = $1`, [DEMO_ACCOUNTS.worker.username])).rows[0]!.id;
    const property = await call(a.base, 'POST', `/api/clients/${clientId}/properties`, { cookie, body: { ...PROPERTY, name: 'Casa partilhada' } });
    expect(property.status, JSON.stringify(property.body)).toBe(201);
    const job = await call(a.base, 'POST', '/api/cleaning-jobs', {
      cookie,
      body: { clientId, propertyId: property.body!.data!.id, jobType: 'house', scheduledDate: '2030-05-01', scheduledTime: '10:00', estimatedHours: 1, workerIds: [workerId] },
    });
    expect(job.status, JSON.stringify(job.body)).toBe(201);
    const jobId = (job.body!.data!.job as { id: number } | undefined)?.id ?? (job.body!.data!.id as number);

    const form = new FormData();
    form.append('photoType', 'before');
    form.append('photos', new Blob([new Uint8Array(await plainJpeg(640, 480, 7))], { type: 'image/jpeg' }), 'sala.jpg');
    const upload = await fetch(`${a.base}/api/cleaning-jobs/${jobId}/photos`, { method: 'POST', headers: { cookie }, body: form });
    const uploaded = (await upload.json()) as { data: { photos: Array<{ id: number }> } };
    expect(upload.status, JSON.stringify(uploaded)).toBe(201);
    const photoId = uploaded.data.photos[0]!.id;

    for (const variant of ['', '/thumbnail']) {
      const fromA = await call(a.base, 'GET', `/api/photos/${photoId}${variant}`, { cookie });
      const fromB = await call(b.base, 'GET', `/api/photos/${photoId}${variant}`, { cookie });
      expect(fromB.status).toBe(200);
      expect(fromB.bytes!.length).toBeGreaterThan(100);
      expect(fromB.bytes!.equals(fromA.bytes!)).toBe(true);
    }
  });

  it('when the VAT rate is changed through A, then the next order taken on B is priced with it', async () => {
    const master = await signIn(a.base, 'master');
    const settings = await call(a.base, 'GET', '/api/settings', { cookie: master });
    const vat = (settings.body!.data as unknown as Array<{ key: string; version: number }>).find((s) => s.key === 'vatRateBasisPoints')!;
    const changed = await call(a.base, 'PATCH', '/api/settings', { cookie: master, body: { vatRateBasisPoints: { value: 600, version: vat.version } } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    const admin = await signIn(b.base, 'admin');
    const clientId = (await db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = $1`, [DEMO_ACCOUNTS.client.phone])).rows[0]!.id;
    const serviceId = (await db.query<{ id: number }>(`SELECT id FROM laundry_services WHERE code = 'DRY_CLEAN'`)).rows[0]!.id;
    const order = await call(b.base, 'POST', '/api/laundry-orders', { cookie: admin, body: { clientId, orderType: 'itemized', lines: [{ serviceId, quantity: 2 }] } });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const stored = (await db.query<{ vat_rate_bp: number; subtotal_cents: number; vat_cents: number }>(`SELECT vat_rate_bp, subtotal_cents, vat_cents FROM laundry_orders WHERE id = $1`, [order.body!.data!.id])).rows[0]!;
    expect(stored.vat_rate_bp).toBe(600);
    expect(stored.vat_cents).toBe(Math.floor((2 * stored.subtotal_cents * 600 + 10_000) / 20_000));
  });

  it('when background work is due, then it runs once across both instances', async () => {
    // The queue starts in the background after readiness; once both have registered, the schedule is
    // shared: one row per periodic job in pg-boss, not one per instance.
    const registered = () => Promise.all([a, b].map((i) => i.output().includes('Job queue started')));
    await until('both job queues', async () => (await registered()).every(Boolean), 60_000);
    // Every periodic job the application defines, once.
    const periodic = APPLICATION_QUEUES.filter((q) => 'cron' in q).map((q) => q.name).sort();
    expect(periodic).toEqual(expect.arrayContaining(['cleaning-recurrence', 'mail-sweep', 'maintenance-prune', 'password-reset-prune']));
    await until('the schedules', async () => (await db.query(`SELECT 1 FROM pgboss.schedule`)).rows.length >= periodic.length);
    await sleep(1000);
    expect((await db.query<{ name: string }>(`SELECT name FROM pgboss.schedule ORDER BY name`)).rows.map((r) => r.name)).toEqual(periodic);

    // E-mail: a reset link requested through A is delivered by exactly one of the two workers.
    await db.query(`UPDATE users SET email = 'admin@lavandaria.test' WHERE username = $1`, [DEMO_ACCOUNTS.admin.username]);
    const asked = await call(a.base, 'POST', '/api/auth/forgot-password', { body: { identifier: DEMO_ACCOUNTS.admin.username } });
    expect(asked.status).toBeLessThan(300);
    await until('the reset e-mail', async () => smtp.messages.length > 0, 60_000);

    // A periodic tick: each instance's scheduler enqueues the same tick (pg-boss dedups it by its
    // singleton key and minute, as its cron does), then whichever worker fetches it first runs it.
    await db.query(`INSERT INTO session (sid, sess, expire) VALUES ('expired-session', '{}', now() - interval '1 day')`);
    const boss = new PgBoss({ ...connection, max: 1, supervise: false, schedule: false });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      for (const name of ['maintenance-prune', 'cleaning-recurrence']) {
        const sent = [
          await boss.send(name, {}, { singletonKey: `${name}-tick`, singletonSeconds: 60 }),
          await boss.send(name, {}, { singletonKey: `${name}-tick`, singletonSeconds: 60 }),
        ];
        expect(sent.filter(Boolean)).toHaveLength(1);
      }
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const completed = (name: string) =>
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [name]).then((r) => r.rows[0]!.n);
    await until('the maintenance and recurrence runs', async () => (await completed('maintenance-prune')) === 1 && (await completed('cleaning-recurrence')) === 1, 60_000);
    // Both workers keep polling for a while: nothing runs a second time.
    await sleep(5000);

    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toContain('admin@lavandaria.test');
    const outbox = await db.query<{ status: string }>(`SELECT status FROM mail_outbox`);
    expect(outbox.rows).toEqual([{ status: 'sent' }]);
    expect([...logLines(a, /E-mail sent/), ...logLines(b, /E-mail sent/)]).toHaveLength(1);

    expect(await completed('maintenance-prune')).toBe(1);
    expect(await completed('cleaning-recurrence')).toBe(1);
    const pruneRuns = [...logLines(a, /maintenance\.prune/), ...logLines(b, /maintenance\.prune/)];
    expect(pruneRuns).toHaveLength(1);
    expect((await db.query(`SELECT 1 FROM session WHERE sid = 'expired-session'`)).rowCount).toBe(0);
  });
});
