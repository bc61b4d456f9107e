import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createDb } from '../../src/db/pool.js';
import { createPasswordHasher } from '../../src/modules/auth/password.js';
import { seedDemoAccounts } from '../../src/seed/demo-accounts.js';
import { configuredTestServer, connectionFor, withAdminClient } from './test-database.js';
import { TEST_ARGON2 } from './test-config.js';

/**
 * Once per run: find a PostgreSQL (the configured one, or a throwaway embedded cluster), build a
 * migrated template database with the demo accounts, and hand its name to the test files, each of
 * which clones its own database from it.
 */
export default async function setup(project: TestProject) {
  try {
    return await prepare(project);
  } catch (err) {
    // Vitest reports an error thrown here but still exits 0 (it overrides the exit code): without a
    // database nothing was tested, and the run must say so to CI and to whoever ran `npm test`.
    console.error(`\n❌ No PostgreSQL for the tests: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  }
}

async function prepare(project: TestProject) {
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  let admin = configuredTestServer();
  let stopEmbedded: (() => Promise<void>) | undefined;
  let tmpDir: string | undefined;
  if (!admin) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-test-pg-'));
    fs.chmodSync(tmpDir, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(tmpDir, 'data'),
      database: 'postgres',
      persistent: false,
      logger,
    });
    admin = embedded.connection;
    stopEmbedded = embedded.stop;
  }

  const runId = crypto.randomBytes(4).toString('hex');
  const prefix = `lav_t_${runId}`;
  const template = `${prefix}_template`;
  await withAdminClient(admin, (c) => c.query(`CREATE DATABASE ${template}`));
  const templateConnection = connectionFor(admin, template);
  await runMigrations(templateConnection, logger);
  const db = createDb(
    {
      connection: templateConnection,
      ssl: false,
      max: 2,
      connectionTimeoutMs: 5000,
      statementTimeoutMs: 30000,
      idleInTransactionTimeoutMs: 30000,
      applicationName: 'lavandaria-test-setup',
      slowQueryWarnMs: 10_000,
      slowQueryErrorMs: 10_000,
    },
    logger,
  );
  await seedDemoAccounts(db, createPasswordHasher(TEST_ARGON2), logger);
  await db.end();

  project.provide('testDatabase', { admin, template, prefix });

  return async () => {
    await withAdminClient(admin, async (c) => {
      const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
      for (const { datname } of rows) {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    });
    await stopEmbedded?.();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}
