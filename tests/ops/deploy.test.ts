import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConnectionConfig } from '../../src/config/config.js';
import { dumpableServer, fakeDockerEnv, runScript, scratchDatabase, tempDir, type ScratchDb } from './support.js';

const SECRET = 'c'.repeat(64);
const FIELD_KEY = 'ab'.repeat(32);
/** Calls that change something; a dry run makes none of them. */
const MUTATING = /(^| )(build|up|run|stop|start|restart|down|rm|tag|pull|exec)( |$)/;
/** Read-only probes (is there a schema? a master?) are allowed in a dry run. */
const changes = (calls: string[]) => calls.filter((c) => MUTATING.test(c) && !/^exec lavandaria-db psql .* -c SELECT /.test(c));

/** Stands in for the app's readiness probe. */
async function readinessStub(ready: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(ready ? 200 : 503, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ success: ready, status: ready ? 'ready' : 'not_ready' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('deploy.sh (docker replaced by a stand-in that runs the container commands locally)', { timeout: 90_000 }, () => {
  let admin: DbConnectionConfig;
  let db: ScratchDb;
  let work: string;
  let log: string;
  let envFile: string;
  let ready: Awaited<ReturnType<typeof readinessStub>>;
  let base: Record<string, string>;

  beforeAll(async () => {
    admin = await dumpableServer();
    db = await scratchDatabase(admin, { migrated: false });
    work = tempDir('deploy');
    log = path.join(work, 'docker.log');
    envFile = path.join(work, '.env');
    fs.writeFileSync(envFile, `NODE_ENV=development\nSESSION_SECRET=${SECRET}\nDB_PASSWORD=s3cret-Pass\nDB_MIGRATION_PASSWORD=0wner-Pass\nFIELD_ENCRYPTION_KEY=${FIELD_KEY}\n`, { mode: 0o600 });
    ready = await readinessStub(true);
    base = {
      ...fakeDockerEnv(db.connection, log, { FAKE_RUNNING: 'lavandaria-db' }),
      ENV_FILE: envFile,
      APP_URL: ready.url,
      BACKUP_DIR: path.join(work, 'backups'),
      UPLOADS_DIR: path.join(work, 'uploads'),
      FIELD_ENCRYPTION_KEY: FIELD_KEY,
    };
  });
  afterAll(async () => {
    await ready.close();
    await db.drop();
  });

  const calls = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []);

  it('when SESSION_SECRET is missing, then it refuses before touching anything and prints how to generate one', async () => {
    const noSecret = path.join(work, 'no-secret.env');
    fs.writeFileSync(noSecret, 'DB_PASSWORD=x-strong\n');
    const result = await runScript('deploy.sh', [], { ...base, ENV_FILE: noSecret });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SESSION_SECRET');
    expect(result.stderr).toContain(`node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"`);
    expect(changes(calls())).toEqual([]);
  });

  it('when run with --dry-run, then it checks, prints every step and changes nothing', async () => {
    fs.rmSync(log, { force: true });
    const result = await runScript('deploy.sh', ['--dry-run'], base);
    expect(result.status, result.output).toBe(0);
    for (const step of ['would run: docker compose build app', 'would run: docker compose up -d db', 'migrate', 'master account', 'would run: docker compose up -d --force-recreate app', 'nothing changed']) {
      expect(result.stdout).toContain(step);
    }
    expect(changes(calls())).toEqual([]);
    expect((await db.query(`SELECT to_regclass('public.pgmigrations') AS t`))[0]!.t).toBeNull();
  });

  it('when deploying for the first time, then it skips the backup with a note, migrates, creates the master, starts app and waits for ready', async () => {
    fs.rmSync(log, { force: true });
    const result = await runScript('deploy.sh', [], { ...base, MASTER_USERNAME: 'owner', MASTER_PASSWORD: 'Lavar-e-Secar-2026' });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('First deploy');
    expect(result.stdout).toContain('nothing to back up');
    expect(fs.existsSync(base.BACKUP_DIR!)).toBe(false);
    const masters = await db.query<{ username: string }>(`SELECT username FROM users WHERE role = 'master'`);
    expect(masters.map((m) => m.username)).toEqual(['owner']);
    const order = calls()
      .map((c) => c.replace(/^compose --project-directory \S+ -f \S+ /, 'compose '))
      .filter((c) => MUTATING.test(c) && !c.startsWith('exec '));
    expect(order).toEqual([
      'compose build app',
      'compose up -d db',
      'compose run --rm --no-deps app npm run --silent migrate',
      'compose run --rm --no-deps -e MASTER_USERNAME=owner -e MASTER_PASSWORD=Lavar-e-Secar-2026 app npm run --silent create-master',
      'compose up -d --force-recreate app',
    ]);
    expect(result.stdout).toContain('is ready');
  });

  it('when deploying again, then it backs up first (labelled predeploy), keeps the master and never deletes a volume', async () => {
    fs.rmSync(log, { force: true });
    const result = await runScript('deploy.sh', [], { ...base, FAKE_IMAGE_EXISTS: '1' });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('A master account exists');
    const backups = fs.readdirSync(base.BACKUP_DIR!);
    expect(backups.some((f) => /^backup_\d{8}_\d{6}_predeploy\.sql$/.test(f))).toBe(true);
    expect(calls()).toContain('image tag lavandaria-app:latest lavandaria-app:previous');
    expect(calls().some((c) => c.includes('create-master'))).toBe(false);
    expect(calls().some((c) => /down|volume|prune/.test(c))).toBe(false);
  });

  it('when the app never becomes ready, then it fails after the timeout and says where to look', async () => {
    const notReady = await readinessStub(false);
    try {
      const result = await runScript('deploy.sh', ['--timeout', '3', '--skip-backup'], { ...base, APP_URL: notReady.url });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('not ready after 3s');
      expect(result.stderr).toContain('docker compose logs app --tail 100');
    } finally {
      await notReady.close();
    }
  });
});
