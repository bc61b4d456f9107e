import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/embedded.js';
import { ROOT } from './support.js';

interface Run {
  status: number | null;
  output: string;
}

/**
 * `npm test` in miniature: the suite's global setup and a child `vitest run` over one fixture file. With no
 * database configured it runs on a throwaway embedded PostgreSQL, as on a fresh clone.
 */
function vitestRun(fixture: 'passes' | 'fails', database: Record<string, string> = {}): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    // Nothing of this run's own database or vitest worker leaks into the child.
    if (value === undefined || /^(DB_|PG)|^(DATABASE_URL|TEST_DATABASE_URL)$|^VITEST|^(NODE_ENV|TEST|FORCE_COLOR)$/.test(name)) continue;
    env[name] = value;
  }
  const args = [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'tests/fixtures/test-command/vitest.config.ts', fixture];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, NO_COLOR: '1', ...database }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('the test command exits with the tests’ outcome', { timeout: 240_000 }, () => {
  it('on the embedded PostgreSQL: 1 when a test fails, 0 when every test passes', async () => {
    const [failing, passing] = await Promise.all([vitestRun('fails'), vitestRun('passes')]);
    expect(failing.output).toMatch(/Tests\s+1 failed \(1\)/);
    expect(failing.status, failing.output).toBe(1);
    expect(passing.output).toMatch(/Tests\s+1 passed \(1\)/);
    expect(passing.status, passing.output).toBe(0);
  });

  it('when its PostgreSQL cannot be reached, the run fails and says why', async () => {
    const run = await vitestRun('passes', { DB_HOST: '127.0.0.1', DB_PORT: String(await freePort()), DB_USER: 'postgres', DB_NAME: 'postgres' });
    expect(run.output).toContain("The tests' PostgreSQL (configured) could not be prepared");
    expect(run.status, run.output).toBe(1);
  });
});
