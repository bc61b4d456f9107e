import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runner } from 'node-pg-migrate';
import type { Logger } from '../lib/logger.js';
import type { Queryable } from './pool.js';

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

/**
 * Applies pending migrations. node-pg-migrate holds an advisory lock in `wait` mode, so instances
 * starting together queue behind the first one and then find nothing left to do.
 */
export async function runMigrations(
  connection: pg.ClientConfig,
  logger: Logger,
  direction: 'up' | 'down' = 'up',
  count?: number,
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
