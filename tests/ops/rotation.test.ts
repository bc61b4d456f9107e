import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createTestApp, createTestDatabase } from '../helpers/test-app.js';
import { fakeDockerEnv, pgEnvFor, runScript, tempDir } from './support.js';

const OLD = 'a1'.repeat(32);
const OLDER = 'b2'.repeat(32);

function envFileWith(content: string): string {
  const file = path.join(tempDir('rotation'), '.env');
  fs.writeFileSync(file, content, { mode: 0o600 });
  return file;
}

function keys(file: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (m) (out[m[1]!] ??= []).push(m[2]!);
  }
  return out;
}

const cookieOf = (res: { headers: Record<string, unknown> }) => String((res.headers['set-cookie'] as string[] | undefined)?.[0] ?? '').split(';')[0]!;

describe('rotate-session-secret.sh', { timeout: 60_000 }, () => {
  it('when run with --dry-run, then the file is untouched and no secret is printed', async () => {
    const file = envFileWith(`PORT=3000\nSESSION_SECRET=${OLD}\n`);
    const before = fs.readFileSync(file, 'utf8');
    const result = await runScript('scripts/rotate-session-secret.sh', ['--dry-run'], { ENV_FILE: file });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('nothing changed');
    expect(result.stdout).toContain('would run: docker compose up -d app');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(result.output).not.toContain(OLD);
  });

  it('when rotating gracefully, then .env has one new secret and the old ones as previous, without duplicates, and the server accepts it', async () => {
    const file = envFileWith(`# comment\nPORT=3000\nSESSION_SECRET=${OLD}\nSESSION_SECRET_PREVIOUS=${OLDER}\nSESSION_SECRET=${OLD}\nCORS_ORIGINS=https://x.example\n`);
    const result = await runScript('scripts/rotate-session-secret.sh', ['--no-restart'], { ENV_FILE: file });
    expect(result.status, result.output).toBe(0);
    const k = keys(file);
    expect(k.SESSION_SECRET).toHaveLength(1);
    expect(k.SESSION_SECRET_PREVIOUS).toHaveLength(1);
    expect(k.SESSION_SECRET![0]).toMatch(/^[0-9a-f]{64}$/);
    expect(k.SESSION_SECRET![0]).not.toBe(OLD);
    expect(k.SESSION_SECRET_PREVIOUS![0]).toBe(`${OLD},${OLDER}`);
    expect(k.PORT).toEqual(['3000']);
    expect(k.CORS_ORIGINS).toEqual(['https://x.example']);
    expect(fs.readFileSync(file, 'utf8')).toContain('# comment');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(result.stdout).toMatch(/After 7 day\(s\)/);
    const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: k.SESSION_SECRET![0], SESSION_SECRET_PREVIOUS: k.SESSION_SECRET_PREVIOUS![0] });
    expect(config.session.secrets).toEqual([k.SESSION_SECRET![0], OLD, OLDER]);
  });

  it('when it recreates the app, then it uses `docker compose up -d app` (a restart would not read .env) and waits for ready', async () => {
    const server = http.createServer((_q, r) => r.end('{"status":"ready"}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const work = tempDir('rotation-restart');
      const log = path.join(work, 'docker.log');
      const file = envFileWith(`SESSION_SECRET=${OLD}\n`);
      const env = { ...fakeDockerEnv({ host: '127.0.0.1' }, log), ENV_FILE: file, APP_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
      const result = await runScript('scripts/rotate-session-secret.sh', [], env);
      expect(result.status, result.output).toBe(0);
      const calls = fs.readFileSync(log, 'utf8');
      expect(calls).toMatch(/^compose .* up -d app$/m);
      expect(calls).not.toMatch(/restart/);
    } finally {
      server.close();
    }
  });

  it('when a user signed in before a graceful rotation, then the old cookie still works, is re-signed, and after --drop-previous only the re-signed cookie works', async () => {
    const database = await createTestDatabase();
    const file = envFileWith(`SESSION_SECRET=${OLD}\n`);
    const apps: Awaited<ReturnType<typeof createTestApp>>[] = [];
    const appFromFile = async () => {
      const k = keys(file);
      const app = await createTestApp({ database, env: { SESSION_SECRET: k.SESSION_SECRET![0]!, SESSION_SECRET_PREVIOUS: k.SESSION_SECRET_PREVIOUS?.[0] ?? '' } });
      apps.push(app);
      return app;
    };
    try {
      const before = await appFromFile();
      const login = await before.request.post('/api/auth/login/user').send({ username: 'admin', password: 'admin123' });
      expect(login.status).toBe(200);
      const oldCookie = cookieOf(login);

      expect((await runScript('scripts/rotate-session-secret.sh', ['--no-restart'], { ENV_FILE: file })).status).toBe(0);
      const during = await appFromFile();
      const still = await during.request.get('/api/auth/session').set('Cookie', oldCookie);
      expect(still.status).toBe(200);
      const resigned = cookieOf(still);
      expect(resigned.split('=')[0]).toBe(oldCookie.split('=')[0]);
      expect(resigned).not.toBe(oldCookie);

      expect((await runScript('scripts/rotate-session-secret.sh', ['--drop-previous', '--no-restart'], { ENV_FILE: file })).status).toBe(0);
      expect(keys(file).SESSION_SECRET_PREVIOUS).toEqual(['']);
      const after = await appFromFile();
      expect((await after.request.get('/api/auth/session').set('Cookie', oldCookie)).status).toBe(401);
      expect((await after.request.get('/api/auth/session').set('Cookie', resigned)).status).toBe(200);
    } finally {
      for (const app of apps) await app.close();
      await database.drop();
    }
  });

  it('when rotating in an emergency, then no previous secret is kept and every session is deleted', async () => {
    const database = await createTestDatabase();
    const t = await createTestApp({ database, env: { SESSION_SECRET: OLD } });
    try {
      await t.signIn('admin');
      await t.signIn('worker');
      expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM session')).rows[0]!.n).toBe(2);
      const file = envFileWith(`SESSION_SECRET=${OLD}\nSESSION_SECRET_PREVIOUS=${OLDER}\n`);
      const result = await runScript('scripts/rotate-session-secret.sh', ['--emergency', '--no-restart'], {
        ENV_FILE: file,
        DB_MODE: 'direct',
        ...pgEnvFor(database.connection),
      });
      expect(result.status, result.output).toBe(0);
      expect(result.stdout).toContain('2 session(s) deleted');
      expect(keys(file).SESSION_SECRET_PREVIOUS).toEqual(['']);
      expect(keys(file).SESSION_SECRET![0]).not.toBe(OLD);
      expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM session')).rows[0]!.n).toBe(0);
    } finally {
      await t.close();
      await database.drop();
    }
  });
});

