import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { DbConnectionConfig } from '../../src/config/config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded.js';
import { tempDir } from './support.js';

const logger = pino({ level: 'silent' });

async function query<T extends pg.QueryResultRow>(connection: DbConnectionConfig, sql: string): Promise<T[]> {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const accepts = (connection: DbConnectionConfig) => query(connection, 'SELECT 1').then(
  () => true,
  () => false,
);

function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** A process id that no longer runs. */
function deadPid(): number {
  return Number(spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim());
}

/**
 * The embedded PostgreSQL as `npm run dev`, the tools and the tests use it, in a private DATA_DIR (as
 * root: one the postgres user cannot enter, like a fresh clone in `mktemp -d`).
 */
describe('embedded PostgreSQL', { timeout: 180_000 }, () => {
  const work = tempDir('embedded');
  const dataDir = path.join(work, 'postgres');
  const started: EmbeddedPostgres[] = [];
  const start = async (options: { takeOverOrphaned?: boolean } = {}) => {
    const cluster = await startEmbeddedPostgres({ dataDir, database: 'lavandaria', logger, ...options });
    started.push(cluster);
    return cluster;
  };

  afterAll(async () => {
    for (const cluster of started) await cluster.stop();
    const link = fs.lstatSync(dataDir, { throwIfNoEntry: false });
    if (link?.isSymbolicLink()) fs.rmSync(path.dirname(fs.readlinkSync(dataDir)), { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('keeps its data between runs in a private directory, in UTF-8', async () => {
    const first = await start();
    await query(first.connection, `CREATE TABLE kept (name text); INSERT INTO kept VALUES ('lençóis')`);
    const [encoding] = await query<{ encoding: string; upper: string }>(first.connection, `SELECT current_setting('server_encoding') AS encoding, upper('lençóis') AS upper`);
    expect(encoding).toEqual({ encoding: 'UTF8', upper: 'LENÇÓIS' });
    await first.stop();
    expect(await accepts(first.connection)).toBe(false);

    const second = await start();
    expect(await query(second.connection, 'SELECT name FROM kept')).toEqual([{ name: 'lençóis' }]);
    await second.stop();
  });

  it('a second process uses the running cluster and leaves it running; its starter stops it', async () => {
    const owner = await start();
    const user = await start();
    expect(user.connection.port).toBe(owner.connection.port);
    await user.stop();
    expect(await accepts(owner.connection)).toBe(true);
    await owner.stop();
    expect(await accepts(owner.connection)).toBe(false);
  });

  it('a cluster whose starter is gone is left running by a tool and taken over by the server', async () => {
    const first = await start();
    const pid = postmasterPid(dataDir);
    fs.writeFileSync(path.join(dataDir, 'lavandaria-owner.pid'), `${deadPid()}\n`);

    const tool = await start();
    await tool.stop();
    expect(await accepts(first.connection)).toBe(true);

    const server = await start({ takeOverOrphaned: true });
    await server.stop();
    expect(await accepts(first.connection)).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('a throwaway cluster is deleted when stopped', async () => {
    const throwaway = await startEmbeddedPostgres({ database: 'postgres', logger });
    started.push(throwaway);
    const [{ dir }] = (await query<{ dir: string }>(throwaway.connection, `SELECT current_setting('data_directory') AS dir`)) as [{ dir: string }];
    expect(fs.existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
    await throwaway.stop();
    expect(fs.existsSync(path.dirname(dir))).toBe(false);
  });
});
