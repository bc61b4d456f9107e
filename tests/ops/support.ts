import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { pino } from 'pino';
import type { DbConnectionConfig } from '../../src/config/config.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createDb } from '../../src/db/pool.js';
import { createPasswordHasher } from '../../src/modules/auth/password.js';
import { seedDemoAccounts } from '../../src/seed/demo-accounts.js';
import { connectionFor, withAdminClient } from '../helpers/test-database.js';
import { TEST_ARGON2 } from '../helpers/test-config.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FAKE_DOCKER = path.join(ROOT, 'tests/ops/fixtures/fake-docker.sh');

/** A tool the operations scripts need. Missing means a failing test with the fix, never a skip. */
export function requireTool(name: string): string {
  const found = spawnSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error(`${name} is not installed: apt-get install -y postgresql-client shellcheck (CI: .ci/run installs them)`);
  }
  return found.stdout.trim();
}

export function toolMajor(tool: 'pg_dump' | 'psql'): number {
  requireTool(tool);
  const out = spawnSync(tool, ['--version'], { encoding: 'utf8' }).stdout;
  const major = /(\d+)(?:\.\d+)?/.exec(out)?.[1];
  if (!major) throw new Error(`cannot read the version of ${tool}: ${out}`);
  return Number(major);
}

async function serverMajor(admin: DbConnectionConfig): Promise<number | null> {
  try {
    return await withAdminClient(admin, async (c) => {
      const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
      return Math.floor(Number(rows[0]!.v) / 10000);
    });
  } catch {
    return null;
  }
}

/**
 * A server the host's pg_dump can dump (its major must not be newer than pg_dump's). The tests' own
 * server first; when that is the embedded PostgreSQL 16 and the host has pg_dump 15, the machine's
 * server on 127.0.0.1:5432 (what CI exports as DB_HOST). Otherwise the test fails and says why.
 */
export async function dumpableServer(): Promise<DbConnectionConfig> {
  const dumpMajor = toolMajor('pg_dump');
  const candidates: DbConnectionConfig[] = [inject('testDatabase').admin, { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' }];
  const seen: string[] = [];
  for (const admin of candidates) {
    const major = await serverMajor(admin);
    seen.push(`${admin.connectionString ?? `${admin.host}:${admin.port}`} → ${major ?? 'unreachable'}`);
    if (major !== null && major <= dumpMajor) return admin;
  }
  throw new Error(
    `No PostgreSQL server that pg_dump ${dumpMajor} can dump (${seen.join('; ')}). ` +
      'Run the tests with DB_HOST=127.0.0.1 DB_USER=postgres DB_NAME=postgres against a server of that major, or install a matching postgresql-client.',
  );
}

export interface ScratchDb {
  name: string;
  connection: DbConnectionConfig;
  /** libpq variables for the scripts' direct mode. */
  pgEnv: Record<string, string>;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A throwaway database on `admin`'s server: empty, or migrated with the demo accounts. */
export async function scratchDatabase(admin: DbConnectionConfig, options: { migrated: boolean }): Promise<ScratchDb> {
  const info = inject('testDatabase');
  // The suite's migrated template when this is the suite's own server (fast); else migrate and seed here.
  const fromTemplate = options.migrated && admin === info.admin;
  const name = `${fromTemplate ? info.prefix : 'lav_ops'}_${crypto.randomBytes(5).toString('hex')}`;
  await withAdminClient(admin, (c) => c.query(`CREATE DATABASE ${name}${fromTemplate ? ` TEMPLATE ${info.template}` : ''}`));
  const connection = connectionFor(admin, name);
  if (options.migrated && !fromTemplate) {
    const logger = pino({ level: 'silent' });
    await runMigrations(connection, logger);
    const db = createDb(
      {
        connection,
        ssl: false,
        max: 2,
        connectionTimeoutMs: 5000,
        statementTimeoutMs: 30000,
        idleInTransactionTimeoutMs: 30000,
        applicationName: 'lavandaria-ops-test',
        slowQueryWarnMs: 10_000,
        slowQueryErrorMs: 10_000,
      },
      logger,
    );
    await seedDemoAccounts(db, createPasswordHasher(TEST_ARGON2), logger);
    await db.end();
  }
  return {
    name,
    connection,
    pgEnv: pgEnvFor(connection),
    async query(sql, values) {
      const client = new pg.Client(connection);
      await client.connect();
      try {
        return (await client.query(sql, values)).rows;
      } finally {
        await client.end();
      }
    },
    drop: () => withAdminClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export function pgEnvFor(connection: DbConnectionConfig): Record<string, string> {
  if (connection.connectionString) {
    const url = new URL(connection.connectionString);
    return {
      PGHOST: url.hostname,
      PGPORT: url.port || '5432',
      PGUSER: decodeURIComponent(url.username),
      PGPASSWORD: decodeURIComponent(url.password),
      PGDATABASE: url.pathname.slice(1),
    };
  }
  const env: Record<string, string> = {
    PGHOST: connection.host ?? '127.0.0.1',
    PGPORT: String(connection.port ?? 5432),
    PGUSER: connection.user ?? 'postgres',
    PGDATABASE: connection.database ?? 'postgres',
  };
  if (connection.password) env.PGPASSWORD = connection.password;
  return env;
}

/** The same server reached through the fake docker's `exec lavandaria-db …`. */
export function fakeDockerEnv(connection: DbConnectionConfig, logFile: string, extra: Record<string, string> = {}): Record<string, string> {
  const pgEnv = pgEnvFor(connection);
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'lav-fake-docker-'));
  fs.symlinkSync(FAKE_DOCKER, path.join(bin, 'docker'));
  return {
    PATH: `${bin}:${process.env.PATH}`,
    FAKE_DOCKER_LOG: logFile,
    FAKE_PROJECT_ROOT: ROOT,
    FAKE_PG_HOST: pgEnv.PGHOST!,
    FAKE_PG_PORT: pgEnv.PGPORT!,
    FAKE_PG_USER: pgEnv.PGUSER!,
    FAKE_PG_PASSWORD: pgEnv.PGPASSWORD ?? '',
    FAKE_PG_DATABASE: pgEnv.PGDATABASE!,
    ...extra,
  };
}

export interface ScriptResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * Runs a project script with a clean environment: only PATH, HOME, the given variables, and no
 * PG*, DB_* or .env of the developer's machine leaking in (ENV_FILE points nowhere unless given).
 */
export function runScript(script: string, args: string[], env: Record<string, string>, options: { input?: string } = {}): Promise<ScriptResult> {
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.tmpdir(),
    LANG: 'C.UTF-8',
    TZ: 'Europe/Lisbon',
    ENV_FILE: path.join(os.tmpdir(), 'lavandaria-no-such-env-file'),
  };
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(ROOT, script), ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      output += d.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, output }));
    child.stdin.end(options.input ?? '');
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `lav-${prefix}-`));
}

/** Row count and a checksum of every row of every table, and every sequence's position. */
export async function fingerprint(db: ScratchDb): Promise<Record<string, string>> {
  const tables = await db.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const result: Record<string, string> = {};
  for (const t of tables) {
    const id = `"${t.schema}"."${t.name}"`;
    const [row] = await db.query<{ n: string; sum: string | null }>(
      `SELECT count(*)::text AS n, md5(string_agg(r::text, E'\\n' ORDER BY r::text)) AS sum FROM ${id} r`,
    );
    result[`table ${t.schema}.${t.name}`] = `${row!.n} rows, md5 ${row!.sum ?? '-'}`;
  }
  const sequences = await db.query<{ schema: string; name: string }>(
    `SELECT schemaname AS schema, sequencename AS name FROM pg_sequences ORDER BY 1, 2`,
  );
  for (const s of sequences) {
    const [row] = await db.query<{ v: string }>(`SELECT last_value::text || '/' || is_called::text AS v FROM "${s.schema}"."${s.name}"`);
    result[`sequence ${s.schema}.${s.name}`] = row!.v;
  }
  return result;
}

/** Every file under a directory with its content hash (relative paths). */
export function treeDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
