import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../helpers/test-app.js';
import { productionExtras, testEnv } from '../helpers/test-config.js';
import { freePort } from '../../src/db/embedded.js';
import { withAdminClient } from '../helpers/test-database.js';
import { SERVER_ARGS } from '../helpers/server-command.js';

const run = promisify(execFile);

// Each test spawns Node processes (tsx compiles on the fly): generous limits for a loaded machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });
const TSX = [...SERVER_ARGS];

/** The process environment without any database or secret the outer shell (CI) may have set. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  return env;
}

describe('booting the server process', () => {
  it('when production has no secret and no database, then it exits 1 with one ❌ line per variable and no stack', async () => {
    const result = await run(process.execPath, TSX, { env: cleanEnv({ NODE_ENV: 'production' }) }).catch((e: { code: number; stderr: string; stdout: string }) => e);
    const { code, stderr } = result as { code: number; stderr: string };
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines.every((l) => l.startsWith('❌ Invalid configuration: '))).toBe(true);
    expect(lines).toEqual(expect.arrayContaining([
      '❌ Invalid configuration: SESSION_SECRET: is required in production (64+ characters)',
      '❌ Invalid configuration: DB_HOST: is required in production',
      '❌ Invalid configuration: DB_USER: is required in production',
      '❌ Invalid configuration: DB_PASSWORD: is required in production',
      '❌ Invalid configuration: DB_NAME: is required in production',
    ]));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('when a variable has a typo-like value, then it exits 1 naming it', async () => {
    const result = await run(process.execPath, TSX, {
      env: cleanEnv({ NODE_ENV: 'development', PORT: '30o0' }),
    }).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr).toContain('❌ Invalid configuration: PORT: must be a number');
  });

  describe('with a valid production configuration and a migrated database', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await database.drop();
    });

    it('when it starts, then it logs the runbook lines, becomes ready, and stops cleanly on SIGTERM', async () => {
      const port = await freePort();
      const env = { ...testEnv(database.connection), ...productionExtras(database.connection), PORT: String(port), LOG_LEVEL: 'info', MIGRATE_ON_BOOT: 'true' };
      const child = spawn(process.execPath, TSX, { env: cleanEnv(env) });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        let status = 0;
        // Generous: this checks that it becomes ready, not how fast (scripts/boot-time.mjs measures that).
        for (let i = 0; i < 600 && status !== 200; i++) {
          status = await fetch(`http://127.0.0.1:${port}/api/readyz`).then((r) => r.status, () => 0);
          if (status !== 200) await new Promise((r) => setTimeout(r, 100));
        }
        expect(status).toBe(200);
        const body = (await (await fetch(`http://127.0.0.1:${port}/api/readyz`)).json()) as { status: string };
        expect(body.status).toBe('ready');
        expect(output).toContain('Database connected');
        expect(output).toContain(`Server running on port ${port}`);
        expect(output).toContain('"level":"INFO"');
        // No demo accounts in production.
        const login = await fetch(`http://127.0.0.1:${port}/api/auth/login/user`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'nobody', password: 'whatever1' }),
        });
        expect(login.status).toBe(401);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(output).toContain('Shutdown complete');
    });
  });
});

describe('npm run create-master', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    await withAdminClient(database.connection, async (c) => {
      await c.query(`UPDATE users SET created_by = NULL`);
      await c.query(`UPDATE clients SET created_by = NULL`);
      await c.query(`DELETE FROM users WHERE role = 'master'`);
    });
  });
  afterAll(async () => {
    await database.drop();
  });

  const createMaster = (extra: Record<string, string>) =>
    run(process.execPath, ['scripts/cli.mjs', 'create-master'], {
      env: cleanEnv({ ...testEnv(database.connection), ...productionExtras(database.connection), ...extra }),
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('when the password breaks the policy, then nothing is created and it says why', async () => {
    const r = await createMaster({ MASTER_USERNAME: 'owner', MASTER_PASSWORD: 'password123' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PASSWORD_TOO_COMMON');
  });

  it('when no master exists, then it creates one non-interactively; a second run refuses', async () => {
    const first = await createMaster({ MASTER_USERNAME: 'owner', MASTER_PASSWORD: 'a strong boss passphrase', MASTER_NAME: 'Dona Helena' });
    expect(first.stdout).toContain('✅ Master account "owner" created');
    const second = await createMaster({ MASTER_USERNAME: 'owner2', MASTER_PASSWORD: 'another strong passphrase' });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('A master account already exists (owner)');
  });
});
