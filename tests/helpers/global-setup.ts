import crypto from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { pino } from 'pino';
import type { Logger } from '../../src/lib/logger.js';
import type { DbConnectionConfig } from '../../src/config/config.js';
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
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const configured = configuredTestServer();
  const embedded = configured ? null : await startEmbeddedPostgres({ database: 'postgres', logger });
  try {
    return await prepare(project, configured ?? embedded!.connection, logger, embedded?.stop);
  } catch (err) {
    await embedded?.stop();
    throw new Error(`The tests' PostgreSQL (${configured ? 'configured' : 'embedded'}) could not be prepared: ${(err as Error).message}`, { cause: err });
  }
}

async function prepare(project: TestProject, admin: DbConnectionConfig, logger: Logger, stopEmbedded?: () => Promise<void>) {
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
  };
}
