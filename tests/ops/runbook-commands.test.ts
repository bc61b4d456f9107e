import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, dumpableServer, pgEnvFor, requireTool, tempDir } from './support.js';
import { splitRoles, type SplitRoles } from './db-roles.js';
import { startSmokeServer } from './smoke-flow.js';
import { composeFacts, extractCommands, innerCommand, lintDocker, simpleCommands, type RunbookCommand, type Words } from './runbook-commands.js';

const RUNBOOK = fs.readFileSync(path.join(ROOT, 'docs/OPERATIONS_RUNBOOK.md'), 'utf8');
const facts = composeFacts();
const rootScripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const clientScripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'client/package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Tools whose lines need nothing of this project: read, not run. */
const PLAIN_TOOLS = new Set(['git', 'tar', 'cp', 'chmod', 'df', 'du', 'ls', 'tail', 'head', 'grep', 'jq', 'wc', 'sleep', 'echo', 'cat', 'while', 'do', 'done', 'true', 'cd', 'open', 'xdg-open', 'rclone', 'restic', 'rsync', 'date', 'openssl']);
const DB_TOOLS = new Set(['psql', 'pg_dump', 'pg_isready', 'createdb', 'dropdb']);

/** Leading `NAME=value` words are environment for the command, not the command. */
const withoutAssignments = (words: Words) => words.slice(words.findIndex((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w)));

interface Planned {
  command: RunbookCommand;
  kind: 'curl' | 'db' | 'npm' | 'node';
  words: Words;
}

/** Lints every command and plans the ones this machine can run. */
function review(commands: RunbookCommand[]): { problems: string[]; planned: Planned[] } {
  const problems: string[] = [];
  const planned: Planned[] = [];
  for (const command of commands) {
    const where = `${command.section}: \`${command.line}\``;
    let inClient = false;
    for (const raw of simpleCommands(command.line)) {
      const words = withoutAssignments(raw);
      const tool = words[0];
      if (!tool) continue;
      if (tool === 'cd') inClient = words[1] === 'client';
      if (tool === 'docker' || tool === 'docker-compose') {
        problems.push(...lintDocker(command, words, facts));
        const inner = innerCommand(words);
        if (inner?.[0] === 'npm') problems.push(...lintNpm(where, inner, false));
        if (inner && DB_TOOLS.has(inner[0]!)) planned.push({ command, kind: 'db', words: inner });
        if (inner?.[0] === 'npm' && ['migrate', 'rate-limit:reset'].includes(inner[2] ?? '')) planned.push({ command, kind: 'npm', words: inner });
        if (inner?.[0] === 'node' && inner.join(' ').includes('./config/database')) planned.push({ command, kind: 'node', words: inner });
      } else if (tool === 'npm') {
        problems.push(...lintNpm(where, words, inClient));
      } else if (/^(\.\/)?(scripts\/|deploy\.sh)/.test(tool)) {
        problems.push(...lintScript(where, words));
      } else if (tool === 'curl') {
        if (words.some((w) => w.startsWith('http://localhost:3000/'))) planned.push({ command, kind: 'curl', words });
        else problems.push(`${where}: curl to an address the test cannot reach`);
      } else if (tool === 'node') {
        if (words[1] !== '-e') problems.push(`${where}: node without -e`);
        else planned.push({ command, kind: 'node', words });
      } else if (DB_TOOLS.has(tool)) {
        planned.push({ command, kind: 'db', words });
      } else if (!PLAIN_TOOLS.has(tool)) {
        problems.push(`${where}: "${tool}" is not a command this test knows how to check`);
      }
    }
  }
  return { problems, planned };
}

function lintNpm(where: string, words: Words, inClient: boolean): string[] {
  const scripts = inClient ? clientScripts : rootScripts;
  if (words[1] === 'run') return words[2] && scripts[words[2]] ? [] : [`${where}: npm script "${words[2]}" does not exist${inClient ? ' in client/' : ''}`];
  if (words[1] === 'start' || words[1] === 'test') return scripts[words[1]] ? [] : [`${where}: npm ${words[1]} has no script`];
  if (words[1] === 'audit') return [];
  return [`${where}: npm ${words[1]} is not checked`];
}

function lintScript(where: string, words: Words): string[] {
  const file = path.join(ROOT, words[0]!.replace(/^\.\//, ''));
  if (!fs.existsSync(file)) return [`${where}: ${words[0]} does not exist`];
  if ((fs.statSync(file).mode & 0o111) === 0) return [`${where}: ${words[0]} is not executable`];
  const text = fs.readFileSync(file, 'utf8');
  return words
    .slice(1)
    .filter((w) => w.startsWith('--'))
    .filter((flag) => !text.includes(flag))
    .map((flag) => `${where}: ${words[0]} has no option ${flag}`);
}

function run(command: string, args: string[], env: Record<string, string>, cwd = ROOT): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('the runbook linter', () => {
  it('when a command uses docker-compose v1, an unknown service or container, or restarts after changing .env, then it is reported', () => {
    const markdown = [
      '## Bad',
      '```bash',
      'docker-compose ps',
      'docker compose logs web --tail 50',
      'docker exec lavandaria-web psql -c "SELECT 1"',
      'docker compose up -d --scale api=3',
      '```',
      '```bash',
      'echo "SESSION_SECRET=x" >> .env',
      'docker compose restart app',
      '```',
      '```bash',
      'docker compose restart app   # no .env change in this block: fine',
      'docker compose exec app npm run no-such-script',
      'scripts/backup.sh --no-such-flag',
      'frobnicate --now',
      '```',
    ].join('\n');
    const { problems } = review(extractCommands(markdown));
    const text = problems.join('\n');
    expect(text).toContain('Compose v1');
    expect(text).toContain('unknown compose service "web"');
    expect(text).toContain('unknown container "lavandaria-web"');
    expect(text).toContain('--scale names unknown service "api"');
    expect(text).toContain('`restart` after changing .env');
    expect(text).toContain('npm script "no-such-script" does not exist');
    expect(text).toContain('has no option --no-such-flag');
    expect(text).toContain('"frobnicate" is not a command');
    expect(problems).toHaveLength(8);
  });

  it('when a line has quotes, pipes, comments and redirections, then it splits into the right simple commands', () => {
    expect(simpleCommands(`docker compose logs app | grep -E "(ERROR|FATAL|❌)" # errors`)).toEqual([
      ['docker', 'compose', 'logs', 'app'],
      ['grep', '-E', '(ERROR|FATAL|❌)'],
    ]);
    expect(simpleCommands('docker exec lavandaria-db pg_dump -U lavandaria lavandaria > backup_$(date +%Y%m%d_%H%M).sql')).toEqual([
      ['docker', 'exec', 'lavandaria-db', 'pg_dump', '-U', 'lavandaria', 'lavandaria'],
    ]);
    expect(simpleCommands('cd client && npm start')).toEqual([['cd', 'client'], ['npm', 'start']]);
  });
});

/**
 * Every fenced shell command of docs/OPERATIONS_RUNBOOK.md: docker and compose commands are checked
 * against docker-compose.yml; npm scripts and scripts/ files must exist (with the options used); and
 * what can run here runs — curl against a real server, psql/pg_dump/pg_isready on the test database as
 * the runbook's roles, the npm commands the runbook runs in the container.
 */
describe('docs/OPERATIONS_RUNBOOK.md, command by command', { timeout: 180_000 }, () => {
  const commands = extractCommands(RUNBOOK);
  const { problems, planned } = review(commands);
  let roles: SplitRoles;
  let smoke: Awaited<ReturnType<typeof startSmokeServer>>;
  const master = { username: 'runbook.owner', password: 'Runbook-Owner-2026!' };
  const metricsToken = 'm'.repeat(40);

  beforeAll(async () => {
    // On a server the host's pg_dump can read: the runbook's backup line runs as written.
    roles = await splitRoles(await dumpableServer());
    smoke = await startSmokeServer('runbook', { ...roles.serverEnv, METRICS_TOKEN: metricsToken, JOBS_ENABLED: 'false' });
  });
  afterAll(async () => {
    await smoke?.stop();
    await roles?.drop();
  });

  const serverEnv = () => ({ NODE_ENV: 'production', SESSION_SECRET: 'r'.repeat(64), FIELD_ENCRYPTION_KEY: 'ef'.repeat(32), ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', ...roles.serverEnv });

  it('when every command is read, then each one is known and matches the compose file, the npm scripts and scripts/', () => {
    expect(commands.length).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });

  it('when the runbook creates the master account and the npm commands it runs in the container, then they work here', async () => {
    const created = await run('npm', ['run', '--silent', 'create-master'], { ...serverEnv(), MASTER_USERNAME: master.username, MASTER_PASSWORD: master.password });
    expect(created.status, created.output).toBe(0);
    const npm = planned.filter((p) => p.kind === 'npm');
    expect(npm.map((p) => p.words.slice(0, 3).join(' ')).sort()).toEqual(['npm run migrate', 'npm run rate-limit:reset']);
    for (const p of npm) {
      const args = p.words.slice(1).map((w) => (w === 'NAME' ? master.username : w));
      const result = await run('npm', args, serverEnv());
      expect(result.status, `${p.command.line}\n${result.output}`).toBe(0);
      expect(result.output).toMatch(/✅/);
    }
  });

  it('when the curl commands run against a server, then each succeeds (HTTP errors fail), with the master created above', async () => {
    requireTool('curl');
    requireTool('jq');
    const curls = planned.filter((p) => p.kind === 'curl');
    expect(curls.length).toBeGreaterThanOrEqual(8);
    // curl as written, plus --fail-with-body, so a 4xx/5xx answer fails the line.
    const bin = tempDir('runbook-curl');
    fs.writeFileSync(path.join(bin, 'curl'), `#!/bin/sh\nexec /usr/bin/curl --fail-with-body -sS "$@"\n`, { mode: 0o755 });
    for (const p of curls) {
      const line = p.command.line
        .replaceAll('http://localhost:3000', smoke.server.base)
        .replaceAll('<master username>', master.username)
        .replaceAll('<master password>', master.password);
      const result = await run('bash', ['-o', 'pipefail', '-c', line], { PATH: `${bin}:${process.env.PATH}`, METRICS_TOKEN: metricsToken });
      expect(result.status, `${p.command.section}: ${line}\n${result.output}`).toBe(0);
      if (line.includes("jq '.status'")) expect(result.output.trim()).toBe('"ready"');
    }
  });

  it('when the database commands run (as the runbook roles, on the test database), then each succeeds', async () => {
    requireTool('psql');
    const db = planned.filter((p) => p.kind === 'db');
    const direct = pgEnvFor(roles.ownerConnection);
    const work = tempDir('runbook-db');
    let ran = 0;
    for (const p of db) {
      const [tool, ...args] = p.words;
      // Interactive sessions and database creation are read, not run.
      if (args.includes('-it') || p.command.line.includes('-it ') || tool === 'createdb' || tool === 'dropdb') continue;
      if (tool === 'psql' && !args.includes('-c')) continue;
      const roleFor = (name: string) => (name === 'lavandaria_app' ? roles.app : roles.owner);
      const mapped = args.map((a, i) => {
        if (args[i - 1] === '-U') return roleFor(a);
        if (args[i - 1] === '-d' || (a === 'lavandaria' && args[i - 1] !== '-U')) return roles.database;
        return a;
      });
      const password = mapped.includes(roles.app) ? roles.appPassword : roles.serverEnv.DB_MIGRATION_PASSWORD!;
      const result = await run(tool!, mapped, { PGHOST: direct.PGHOST!, PGPORT: direct.PGPORT!, PGPASSWORD: password }, work);
      expect(result.status, `${p.command.line}\n${result.output}`).toBe(0);
      ran++;
    }
    expect(ran).toBeGreaterThanOrEqual(5);
  });

  it('when the node one-liners run, then the app-container database check prints OK (a secret generator prints 64 hex characters)', async () => {
    const nodes = planned.filter((p) => p.kind === 'node');
    expect(nodes.length).toBeGreaterThanOrEqual(1);
    for (const p of nodes) {
      const script = p.words[p.words.indexOf('-e') + 1]!;
      if (script.includes('fetch(')) continue; // the in-container metrics fetch: loopback of the container
      const appEnv = pgEnvFor(roles.appConnection);
      const result = await run(process.execPath, ['-e', script], { DB_HOST: appEnv.PGHOST!, DB_PORT: appEnv.PGPORT!, DB_USER: roles.app, DB_PASSWORD: roles.appPassword, DB_NAME: roles.database });
      expect(result.status, `${p.command.line}\n${result.output}`).toBe(0);
      expect(result.output.trim()).toMatch(script.includes('randomBytes') ? /^[0-9a-f]{64}$/ : /^OK$/);
    }
  });
});
