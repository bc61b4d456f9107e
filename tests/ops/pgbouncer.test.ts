import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConnectionConfig } from '../../src/config/config.js';
import { createDb } from '../../src/db/pool.js';
import { ROOT, pgEnvFor, tempDir } from './support.js';
import { splitRoles, type SplitRoles } from './db-roles.js';
import { freePort, logLines, sleep, until } from './server-process.js';
import { runSmokeFlow, seedAccounts, startSmokeServer } from './smoke-flow.js';

/** PgBouncer is required: CI installs it (.ci/run). Missing means a failing test that says so, never a skip. */
function pgbouncerBinary(): string {
  const found = spawnSync('bash', ['-c', 'command -v pgbouncer || ls /usr/sbin/pgbouncer'], { encoding: 'utf8' });
  if (found.status !== 0 || !found.stdout.trim()) throw new Error('pgbouncer is not installed: apt-get install -y pgbouncer (CI: .ci/run installs it)');
  return found.stdout.trim().split('\n')[0]!;
}

type Ini = Map<string, Map<string, string>>;

/** The runbook's pgbouncer.ini ("Behind PgBouncer"), parsed: the test runs the documented settings. */
function runbookPgbouncerIni(): Ini {
  const runbook = fs.readFileSync(path.join(ROOT, 'docs/OPERATIONS_RUNBOOK.md'), 'utf8');
  const section = runbook.slice(runbook.indexOf('## 19. Behind PgBouncer'));
  const block = /```ini\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('the runbook has no pgbouncer.ini block under "Behind PgBouncer"');
  const ini: Ini = new Map();
  let current: Map<string, string> | undefined;
  for (const raw of block.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) ini.set(header[1]!, (current = new Map()));
    else {
      const eq = line.indexOf('=');
      current!.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
    }
  }
  return ini;
}

const renderIni = (ini: Ini) => [...ini].map(([name, entries]) => `[${name}]\n${[...entries].map(([k, v]) => `${k} = ${v}`).join('\n')}\n`).join('\n');

interface Bouncer {
  port: number;
  log(): string;
  stop(): Promise<void>;
}

async function startPgbouncer(roles: SplitRoles): Promise<Bouncer> {
  const binary = pgbouncerBinary();
  const documented = runbookPgbouncerIni();
  const settings = documented.get('pgbouncer')!;
  expect(settings.get('pool_mode')).toBe('transaction');
  const server = pgEnvFor(roles.ownerConnection);
  const dir = tempDir('pgbouncer');
  // PgBouncer refuses to run as root and then switches to -u's user, who must read these files.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const ini: Ini = new Map([
    [
      'databases',
      new Map([
        [roles.database, `host=${server.PGHOST} port=${server.PGPORT} dbname=${roles.database}`],
        // One server connection, to show what named statements do under transaction pooling.
        ['probe', `host=${server.PGHOST} port=${server.PGPORT} dbname=${roles.database} pool_size=1`],
      ]),
    ],
    ['pgbouncer', new Map(settings)],
  ]);
  const own = ini.get('pgbouncer')!;
  own.set('listen_addr', '127.0.0.1');
  own.set('listen_port', String(port));
  own.set('unix_socket_dir', '');
  own.set('auth_file', path.join(dir, 'userlist.txt'));
  fs.writeFileSync(path.join(dir, 'userlist.txt'), `"${roles.app}" "${roles.appPassword}"\n`, { mode: 0o644 });
  fs.writeFileSync(path.join(dir, 'pgbouncer.ini'), renderIni(ini), { mode: 0o644 });
  const asRoot = process.getuid?.() === 0;
  let log = '';
  const child: ChildProcess = spawn(binary, [...(asRoot ? ['-u', 'postgres'] : []), path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await until(() => `PgBouncer listening on ${port}\n${log}`, async () => /process up|listening on/.test(log) && child.exitCode === null, 15_000);
  return {
    port,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

/**
 * The server behind PgBouncer in transaction mode (the runbook's settings), as the least-privilege app
 * role, with the migrations going direct through DATABASE_MIGRATION_URL: the whole smoke flow passes.
 */
describe('behind PgBouncer (transaction pooling)', { timeout: 150_000 }, () => {
  let roles: SplitRoles;
  let bouncer: Bouncer;
  let smoke: Awaited<ReturnType<typeof startSmokeServer>>;
  const through = (database: string): DbConnectionConfig => ({ host: '127.0.0.1', port: bouncer.port, user: roles.app, password: roles.appPassword, database });

  beforeAll(async () => {
    roles = await splitRoles();
    bouncer = await startPgbouncer(roles);
    const direct = pgEnvFor(roles.ownerConnection);
    const migrationUrl = new URL(`postgres://${direct.PGHOST}:${direct.PGPORT}/${roles.database}`);
    migrationUrl.username = roles.owner;
    migrationUrl.password = roles.serverEnv.DB_MIGRATION_PASSWORD!;
    smoke = await startSmokeServer('pgbouncer', {
      DB_HOST: '127.0.0.1',
      DB_PORT: String(bouncer.port),
      DB_NAME: roles.database,
      DB_USER: roles.app,
      DB_PASSWORD: roles.appPassword,
      DATABASE_MIGRATION_URL: migrationUrl.toString(),
      DB_NAMED_STATEMENTS: 'false',
    });
    await seedAccounts(through(roles.database));
  });
  afterAll(async () => {
    await smoke?.stop();
    await bouncer?.stop();
    await roles?.drop();
  });

  it('when CI prepares the machine, then it installs PgBouncer (this test fails, never skips, without it)', () => {
    const ci = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    const install = ci.split('\n').find((l) => l.includes('apt-get install'));
    expect(install).toMatch(/\bpgbouncer\b/);
    expect(ci).toContain('/usr/sbin/pgbouncer');
  });

  it('when named statements go through the pooler, then PgBouncer 1.18 breaks them — and DB_NAMED_STATEMENTS=false runs them unnamed', async () => {
    // The hazard: two sessions share one server connection; the second cannot prepare the same name.
    const [a, b] = [new pg.Client(through('probe')), new pg.Client(through('probe'))];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query({ name: 'rlflx-get', text: 'SELECT $1::int AS n', values: [1] });
      const failed = await b.query({ name: 'rlflx-get', text: 'SELECT $1::int AS n', values: [2] }).then(
        () => 'ok',
        (err: { code?: string }) => err.code,
      );
      expect(failed).toBe('42P05'); // prepared statement "rlflx-get" already exists
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    // The server's pool: the limiter's named statements and its own prepared reads (`prepare: true`).
    const traffic = async (namedStatements: boolean) => {
      const db = createDb(
        { connection: through('probe'), ssl: false, max: 3, connectionTimeoutMs: 5000, statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 30_000, applicationName: 'lavandaria-pgbouncer-test', slowQueryWarnMs: 10_000, slowQueryErrorMs: 10_000, namedStatements },
        pino({ level: 'silent' }),
      );
      try {
        return await Promise.allSettled(
          Array.from({ length: 12 }, (_, i) =>
            i % 2
              ? db.pool.query({ name: 'rlflx-get', text: 'SELECT $1::int AS n', values: [i] }).then((r) => r.rows[0].n as number)
              : db.query<{ n: number }>('SELECT $1::int AS n', [i], { prepare: true }).then((r) => r.rows[0]!.n),
          ),
        );
      } finally {
        await db.end();
      }
    };
    const named = await traffic(true);
    expect(named.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code?: string }).code)).toContain('42P05');
    const unnamed = await traffic(false);
    expect(unnamed.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('when the app role connects through PgBouncer, then the role carries the timeouts the ignored startup parameters would have set', async () => {
    const c = new pg.Client(through(roles.database));
    await c.connect();
    try {
      const { rows } = await c.query<{ s: string; i: string }>(`SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`);
      expect(rows[0]).toEqual({ s: '15s', i: '30s' });
    } finally {
      await c.end();
    }
  });

  it('when the server runs behind PgBouncer, then sign-in, orders, the job queue and the limiter all work', async () => {
    expect(logLines(smoke.server, /Database connected/)[0]).toContain(`${roles.app}@127.0.0.1:${bouncer.port}/${roles.database}`);
    // The migrations went direct (the session advisory lock), once.
    expect(logLines(smoke.server, /Applied \d+ migration/)).toHaveLength(1);
    await runSmokeFlow(smoke.server, smoke.smtp);
    // Everything the server did reached PostgreSQL through PgBouncer's transaction pool.
    expect(bouncer.log()).toContain(`${roles.database}/${roles.app}@127.0.0.1`);
  });
});
