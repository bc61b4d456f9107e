import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runner } from 'node-pg-migrate';
import type { Logger } from '../lib/logger.js';
import type { DbConnectionConfig } from '../config/config.js';
import type { Queryable } from './pool.js';
import { grantApplicationRole } from './grants.js';
import { installJobQueueSchema } from '../jobs/job-queue.js';
import { APPLICATION_QUEUES } from '../jobs/definitions.js';

/** Same depth from src/db and dist/db, so the SQL files are found from the sources and the build alike. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
export const MIGRATIONS_TABLE = 'pgmigrations';

export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''))
    .sort();
}

export interface MigrationOptions {
  /**
   * The role the application connects as. When it is not the role running the migrations (the owner),
   * it is granted row access to every table and sequence, now and for tables created later.
   */
  appRole?: string;
}

/**
 * Applies pending migrations as the schema owner. node-pg-migrate holds a session advisory lock in
 * `wait` mode, so instances starting together queue behind the first one and then find nothing left to
 * do; that lock needs a direct connection (never through a transaction-mode pooler). Going up, the job
 * queue's schema and queues are installed too, so the application role never needs DDL.
 */
export async function runMigrations(
  connection: DbConnectionConfig,
  logger: Logger,
  direction: 'up' | 'down' = 'up',
  count?: number,
  options: MigrationOptions = {},
): Promise<string[]> {
  const client = new pg.Client({ ...connection, application_name: 'lavandaria-migrate' });
  client.on('error', (err) => logger.error({ err }, `❌ Migration connection error: ${err.message}`));
  await client.connect();
  try {
    const applied = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      migrationsTable: MIGRATIONS_TABLE,
      direction,
      count: count ?? (direction === 'up' ? Infinity : 1),
      checkOrder: true,
      singleTransaction: true,
      advisoryLockMode: 'wait',
      log: () => undefined,
      logger: {
        debug: () => undefined,
        info: (msg: string) => logger.debug(msg),
        warn: (msg: string) => logger.warn(`⚠️ ${msg}`),
        error: (msg: string) => logger.error(`❌ ${msg}`),
      },
    });
    const names = applied.map((m) => m.name);
    if (names.length > 0) logger.info({ migrations: names }, `✅ Applied ${names.length} migration(s) ${direction}`);
    if (direction === 'up') {
      // One migrator at a time here too: pg-boss's queue creation deadlocks when two run it at once.
      await client.query(`SELECT pg_advisory_lock(hashtext('lavandaria.post-migrate'))`);
      try {
        await installJobQueueSchema(connection, logger, APPLICATION_QUEUES);
        const { rows } = await client.query<{ me: string }>('SELECT current_user AS me');
        if (options.appRole && options.appRole !== rows[0]!.me) {
          await grantApplicationRole(client, options.appRole);
          logger.info(`✅ Role ${options.appRole} may read and write the application's rows (it owns nothing)`);
        }
      } finally {
        await client.query(`SELECT pg_advisory_unlock(hashtext('lavandaria.post-migrate'))`);
      }
    }
    return names;
  } finally {
    await client.end();
  }
}

/** True when every migration file shipped with this build has been applied to the database. */
export async function schemaIsCurrent(db: Queryable, expected = migrationNames()): Promise<boolean> {
  const exists = await db.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [MIGRATIONS_TABLE]);
  if (!exists.rows[0]?.present) return false;
  const { rows } = await db.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`);
  const applied = new Set(rows.map((r) => r.name));
  return expected.every((name) => applied.has(name));
}
