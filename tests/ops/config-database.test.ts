import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ROOT, pgEnvFor } from './support.js';

/** The runbook's app-container check, character for character. */
const ONE_LINER = "const {pool}=require('./config/database');pool.query('SELECT 1').then(()=>console.log('OK')).catch(e=>console.error(e))";

function runOneLiner(env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ONE_LINER], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('config/database.js (the runbook one-liner)', () => {
  it('when run with the DB_* variables the app container has, then it prints OK and the process ends by itself', async () => {
    const pg = pgEnvFor(inject('testDatabase').admin);
    const env: Record<string, string> = { DB_HOST: pg.PGHOST!, DB_PORT: pg.PGPORT!, DB_USER: pg.PGUSER!, DB_NAME: pg.PGDATABASE! };
    if (pg.PGPASSWORD) env.DB_PASSWORD = pg.PGPASSWORD;
    const result = await runOneLiner(env);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('OK');
    expect(result.status).toBe(0);
    expect(result.ms).toBeLessThan(5000);
  });

  it('when the database is unreachable, then the error is printed and the process still ends', async () => {
    const result = await runOneLiner({ DB_HOST: '127.0.0.1', DB_PORT: '1', DB_USER: 'x', DB_NAME: 'x' });
    expect(result.stdout).not.toContain('OK');
    expect(result.stderr).toContain('ECONNREFUSED');
  });
});
