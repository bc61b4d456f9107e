import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConnectionConfig } from '../../src/config/config.js';
import { dumpableServer, fakeDockerEnv, fingerprint, requireTool, runScript, scratchDatabase, tempDir, treeDigest, type ScratchDb } from './support.js';

/** Data of every kind the dump must carry: accents, quotes, newlines, JSON, NULLs, moved sequences. */
async function populate(db: ScratchDb) {
  await db.query(`
    INSERT INTO clients (phone, password_hash, name, email, notes, is_enterprise, company_name, date_of_birth)
    SELECT '+3519' || lpad(g::text, 8, '0'), 'hash-' || g, 'Cliente Conceição ' || g, 'c' || g || '@exemplo.pt',
           CASE WHEN g % 3 = 0 THEN NULL ELSE E'nota com ''aspas'', \\\\barra e\\nnova linha 🧺 ' || g END,
           g % 5 = 0, CASE WHEN g % 5 = 0 THEN 'Empresa ' || g || ', Lda.' END, DATE '1970-01-01' + g
      FROM generate_series(1, 300) g`);
  await db.query(`INSERT INTO users (username, password_hash, role, name) SELECT 'worker_' || g, 'h', 'worker', 'Trabalhador ' || g FROM generate_series(1, 40) g`);
  await db.query(`INSERT INTO rate_limits (key, points, expire) SELECT 'login-ip:10.0.0.' || g, g, 1900000000000 + g FROM generate_series(1, 25) g`);
  await db.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, state, status_code, response_body, completed_at)
     SELECT 'user:1', 'k' || g, md5(g::text), 'completed', 201, jsonb_build_object('id', g, 'tags', jsonb_build_array('a', 'ç')), now()
       FROM generate_series(1, 20) g`,
  );
  await db.query(`INSERT INTO session (sid, sess, expire) SELECT 'sid' || g, json_build_object('n', g), now() + interval '1 day' FROM generate_series(1, 10) g`);
  await db.query(`SELECT setval('clients_id_seq', 5000)`);
}

function writeUploads(dir: string) {
  fs.mkdirSync(path.join(dir, 'jobs/17'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'jobs/17/before-1.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  fs.writeFileSync(path.join(dir, 'jobs/17/after 1.webp'), 'RIFF....WEBP');
  fs.writeFileSync(path.join(dir, '.keep'), '');
}

describe('backup.sh and restore.sh against a real PostgreSQL', { timeout: 60_000 }, () => {
  let admin: DbConnectionConfig;
  const dbs: ScratchDb[] = [];

  beforeAll(async () => {
    requireTool('psql');
    requireTool('tar');
    admin = await dumpableServer();
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  async function populated(): Promise<ScratchDb> {
    const db = await scratchDatabase(admin, { migrated: true });
    dbs.push(db);
    await populate(db);
    return db;
  }

  it('when a populated database is backed up, its data dropped and the backup restored, then every table, sequence and upload is identical', async () => {
    const db = await populated();
    const work = tempDir('restore');
    const uploads = path.join(work, 'uploads');
    writeUploads(uploads);
    const env = { ...db.pgEnv, DB_MODE: 'direct', BACKUP_DIR: path.join(work, 'backups'), UPLOADS_DIR: uploads };
    const before = await fingerprint(db);
    const filesBefore = treeDigest(uploads);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(7);
    expect(Number(before['table public.clients']?.split(' ')[0])).toBeGreaterThanOrEqual(300);

    const backup = await runScript('scripts/backup.sh', [], env);
    expect(backup.status, backup.output).toBe(0);
    const files = fs.readdirSync(env.BACKUP_DIR);
    const sql = files.find((f) => /^backup_\d{8}_\d{6}\.sql$/.test(f));
    expect(sql, files.join(', ')).toBeDefined();
    expect(files).toContain(sql!.replace('backup_', 'uploads_').replace('.sql', '.tar.gz'));
    const dump = fs.readFileSync(path.join(env.BACKUP_DIR, sql!), 'utf8');
    expect(dump).toContain('DROP TABLE IF EXISTS public.clients;');
    expect(fs.statSync(path.join(env.BACKUP_DIR, sql!)).mode & 0o077).toBe(0);

    // Disaster: rows gone, a table dropped, a table added after the backup, files changed.
    await db.query(`TRUNCATE clients, idempotency_keys CASCADE; DROP TABLE rate_limits; DELETE FROM users WHERE role = 'worker';
                    CREATE TABLE added_later (id int REFERENCES users (id)); INSERT INTO added_later SELECT id FROM users LIMIT 1`);
    fs.rmSync(path.join(uploads, 'jobs/17/before-1.jpg'));
    fs.writeFileSync(path.join(uploads, 'jobs/17/after 1.webp'), 'overwritten');
    fs.writeFileSync(path.join(uploads, 'stray.txt'), 'not in the backup');
    expect(await fingerprint(db)).not.toEqual(before);

    const restore = await runScript('scripts/restore.sh', ['--yes', sql!.replace(/^backup_|\.sql$/g, '')], env);
    expect(restore.status, restore.output).toBe(0);
    expect(await fingerprint(db)).toEqual(before);
    expect(treeDigest(uploads)).toEqual(filesBefore);
    // The state just before the restore was kept, files and database both.
    const aside = fs.readdirSync(work).find((f) => f.startsWith('uploads.before-restore-'));
    expect(aside && treeDigest(path.join(work, aside))['stray.txt']).toBeDefined();
    expect(fs.readdirSync(env.BACKUP_DIR).some((f) => /^backup_\d{8}_\d{6}_prerestore\.sql$/.test(f))).toBe(true);
  });

  it('when a backup is restored into an empty database, then it is identical to the source', async () => {
    const source = await populated();
    const empty = await scratchDatabase(admin, { migrated: false });
    dbs.push(empty);
    const work = tempDir('restore-empty');
    const backup = await runScript('scripts/backup.sh', ['--no-retention'], {
      ...source.pgEnv,
      DB_MODE: 'direct',
      BACKUP_DIR: work,
      BACKUP_UPLOADS: 'false',
    });
    expect(backup.status, backup.output).toBe(0);
    expect(fs.readdirSync(work).some((f) => f.endsWith('.note'))).toBe(true);

    const restore = await runScript('scripts/restore.sh', ['--yes', '--no-safety-backup', 'latest'], { ...empty.pgEnv, DB_MODE: 'direct', BACKUP_DIR: work });
    expect(restore.status, restore.output).toBe(0);
    expect(restore.stdout).toContain('migration(s) applied');
    expect(await fingerprint(empty)).toEqual(await fingerprint(source));
  });

  it("when the runbook's `cat backup.sql | psql` is run over the live database, then the data is back", async () => {
    const db = await populated();
    const work = tempDir('runbook-restore');
    const before = await fingerprint(db);
    const backup = await runScript('scripts/backup.sh', ['--no-retention'], { ...db.pgEnv, DB_MODE: 'direct', BACKUP_DIR: work, UPLOADS_DIR: path.join(work, 'none') });
    expect(backup.status, backup.output).toBe(0);
    await db.query(`DELETE FROM clients WHERE id % 2 = 0; UPDATE users SET name = 'changed'`);
    const sql = fs.readdirSync(work).find((f) => f.endsWith('.sql'))!;
    const status = await new Promise<number | null>((resolve) => {
      const child = spawn('bash', ['-c', `cat "${path.join(work, sql)}" | psql -q`], { env: { ...process.env, ...db.pgEnv }, stdio: 'ignore' });
      child.on('close', resolve);
    });
    expect(status).toBe(0);
    expect(await fingerprint(db)).toEqual(before);
  });

  it('when backups go through `docker exec lavandaria-db`, then pg_dump and psql run there as the lavandaria user and the backup restores', async () => {
    const db = await populated();
    const work = tempDir('docker-mode');
    const log = path.join(work, 'docker.log');
    const env = { ...fakeDockerEnv(db.connection, log), DB_MODE: 'docker', BACKUP_DIR: path.join(work, 'backups'), UPLOADS_DIR: path.join(work, 'uploads') };
    writeUploads(env.UPLOADS_DIR);
    const before = await fingerprint(db);
    const backup = await runScript('scripts/backup.sh', [], env);
    expect(backup.status, backup.output).toBe(0);
    await db.query(`TRUNCATE clients CASCADE`);
    const restore = await runScript('scripts/restore.sh', ['--yes', 'latest'], env);
    expect(restore.status, restore.output).toBe(0);
    expect(await fingerprint(db)).toEqual(before);
    const calls = fs.readFileSync(log, 'utf8');
    expect(calls).toMatch(/^exec lavandaria-db pg_dump -U lavandaria -d lavandaria --clean --if-exists/m);
    expect(calls).toMatch(/^exec -i lavandaria-db psql -U lavandaria -d lavandaria .*--single-transaction/m);
  });

  it('when the database cannot be reached, then backup.sh fails and leaves no partial file behind', async () => {
    const work = tempDir('backup-fail');
    const result = await runScript('scripts/backup.sh', [], { DB_MODE: 'direct', PGHOST: '127.0.0.1', PGPORT: '1', PGDATABASE: 'x', PGUSER: 'x', BACKUP_DIR: work });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('pg_dump failed');
    expect(fs.readdirSync(work)).toEqual([]);
  });

  it('when restore.sh is not confirmed (no terminal, no --yes), then it refuses and changes nothing', async () => {
    const db = await populated();
    const work = tempDir('restore-refuse');
    const env = { ...db.pgEnv, DB_MODE: 'direct', BACKUP_DIR: work, BACKUP_UPLOADS: 'false' };
    expect((await runScript('scripts/backup.sh', [], env)).status).toBe(0);
    await db.query(`DELETE FROM clients`);
    const after = await fingerprint(db);
    const result = await runScript('scripts/restore.sh', ['latest'], env, { input: 'yes\n' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--yes');
    expect(await fingerprint(db)).toEqual(after);
  });
});
