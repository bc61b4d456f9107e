import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/embedded.js';
import { ROOT, tempDir } from './support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  status: number | null;
  output: string;
}

function postmasterPid(dataDir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm run dev` (API only) on the embedded PostgreSQL in a private DATA_DIR, and the project's tools run
 * in a second "terminal" against the same DATA_DIR: they use the running cluster and leave it running.
 * As root the DATA_DIR (mode 700, from mktemp) is one the `postgres` user cannot enter, as in a fresh
 * clone under /root.
 */
describe('dev tools next to a running dev server', { timeout: 300_000 }, () => {
  let work: string;
  let dataDir: string;
  let env: Record<string, string>;
  let dev: ChildProcess;
  let devExit: Promise<unknown>;
  let devOutput = '';
  let base: string;

  const readyz = async () => {
    const res = await fetch(`${base}/api/readyz`).catch(() => null);
    return res ? { status: res.status, body: (await res.json()) as { status: string } } : null;
  };

  const tool = (args: string[], extra: Record<string, string> = {}): Promise<Run> =>
    new Promise((resolve, reject) => {
      // A second terminal as a developer has it: no NODE_ENV of its own (the server was started by npm run dev).
      const { NODE_ENV: _server, ...shell } = env;
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts/cli.mjs'), ...args], { cwd: work, env: { ...shell, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, output }));
    });

  beforeAll(async () => {
    // The working directory holds no .env: nothing of the developer's configuration is read.
    work = tempDir('dev-tools');
    dataDir = path.join(work, 'data');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? work,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      SESSION_PRUNE_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'info',
    };
    dev = spawn(process.execPath, [path.join(ROOT, 'scripts/dev.mjs'), '--api-only'], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stdout!.on('data', (d: Buffer) => (devOutput += d.toString()));
    dev.stderr!.on('data', (d: Buffer) => (devOutput += d.toString()));
    devExit = new Promise((resolve) => dev.on('exit', resolve));
    for (let i = 0; i < 600 && (await readyz())?.status !== 200; i++) {
      if (dev.exitCode !== null) break;
      await sleep(250);
    }
    expect((await readyz())?.status, devOutput).toBe(200);
  });

  afterAll(async () => {
    if (dev && dev.exitCode === null) {
      dev.kill('SIGTERM');
      await devExit;
    }
    // As root the cluster itself lives outside DATA_DIR (DATA_DIR/postgres links to it).
    const link = path.join(dataDir, 'postgres');
    if (fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) fs.rmSync(path.dirname(fs.readlinkSync(link)), { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('migrate, create-master (twice: the second refuses) and rate-limit:reset leave the server ready', async () => {
    const cluster = postmasterPid(path.join(dataDir, 'postgres'));
    expect(cluster).not.toBeNull();
    const runs: Array<[string[], Record<string, string>, number]> = [
      [['migrate'], {}, 0],
      [['migrate', 'status'], {}, 0],
      [['create-master'], { MASTER_USERNAME: 'dona.rosa', MASTER_PASSWORD: 'Lavandaria-2026!' }, 0],
      [['create-master'], { MASTER_USERNAME: 'outra.pessoa', MASTER_PASSWORD: 'Lavandaria-2026!' }, 1],
      [['rate-limit-reset', '--all'], {}, 0],
    ];
    for (const [args, extra, expected] of runs) {
      const run = await tool(args, extra);
      expect(run.status, `${args.join(' ')}: ${run.output}`).toBe(expected);
      const ready = await readyz();
      expect(ready, `after ${args.join(' ')}`).toMatchObject({ status: 200, body: { status: 'ready' } });
      expect(postmasterPid(path.join(dataDir, 'postgres')), `after ${args.join(' ')}`).toBe(cluster);
    }
  });

  it('the dev server stops the cluster it started; a tool alone starts one and stops it again', async () => {
    const cluster = postmasterPid(path.join(dataDir, 'postgres'))!;
    dev.kill('SIGTERM');
    await devExit;
    for (let i = 0; i < 100 && alive(cluster); i++) await sleep(100);
    expect(alive(cluster)).toBe(false);

    const run = await tool(['migrate', 'status']);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('Schema is current');
    const started = postmasterPid(path.join(dataDir, 'postgres'));
    expect(started === null || !alive(started)).toBe(true);
  });
});
