import path from 'node:path';
import type { Config, DbConnectionConfig } from '../config/config.js';
import type { Logger } from '../lib/logger.js';
import { startEmbeddedPostgres } from './embedded.js';

export interface ResolvedDatabase {
  connection: DbConnectionConfig;
  /** The schema owner's connection for migrations (the app's own when only one role is configured). */
  migrationConnection: DbConnectionConfig;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The configured server, or — outside production, with nothing configured — a private embedded
 * PostgreSQL 16 kept under `<DATA_DIR>/postgres`, so a fresh clone runs with no database installed.
 * One already running there (the dev server's, while a tool runs) is used and left running; only the
 * server takes over one whose starter is gone, so that it is stopped when the server stops.
 */
export async function resolveDatabase(config: Config, logger: Logger, role: 'server' | 'tool'): Promise<ResolvedDatabase> {
  if (config.db.connection) {
    const connection = config.db.connection;
    return { connection, migrationConnection: config.db.migrationConnection ?? connection, embedded: false, stop: async () => undefined };
  }
  if (config.isProduction) throw new Error('No database configured (DB_HOST / DATABASE_URL)');
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'postgres'),
    database: 'lavandaria',
    port: config.db.embeddedPort || undefined,
    takeOverOrphaned: role === 'server',
    logger,
  });
  return { connection: embedded.connection, migrationConnection: embedded.connection, embedded: true, stop: embedded.stop };
}

/** The role a connection signs in as (libpq's default, the OS user, when none is given). */
export function connectionUser(connection: DbConnectionConfig): string | undefined {
  if (connection.connectionString) {
    const url = new URL(connection.connectionString);
    return url.username ? decodeURIComponent(url.username) : undefined;
  }
  return connection.user;
}

/**
 * Which server, database and role a connection reaches, for the start-up log: `user@host:port/db`.
 * Never the password, whichever way the connection was given.
 */
export function describeConnection(connection: DbConnectionConfig): string {
  if (connection.connectionString) {
    try {
      const url = new URL(connection.connectionString);
      const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
      return `${user}${url.hostname || 'localhost'}:${url.port || '5432'}/${decodeURIComponent(url.pathname.slice(1)) || '(default)'}`;
    } catch {
      return '(unparseable DATABASE_URL)';
    }
  }
  const user = connection.user ? `${connection.user}@` : '';
  return `${user}${connection.host ?? 'localhost'}:${connection.port ?? 5432}/${connection.database ?? '(default)'}`;
}

/** Waits for the server to accept connections (a database container may still be starting). */
export async function waitForDatabase(
  query: () => Promise<unknown>,
  logger: Logger,
  attempts = 30,
  delayMs = 1000,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await query();
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      logger.warn(`⚠️ Database not reachable yet (attempt ${attempt}/${attempts}): ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}
