import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { envSchema } from '../../src/config/env.js';

const SECRET = 'f'.repeat(64);
// A production start also needs the field-encryption key (tested in field-crypto.test.ts).
const DB = { DB_HOST: 'db', DB_USER: 'lavandaria', DB_PASSWORD: 'pw', DB_NAME: 'lavandaria', FIELD_ENCRYPTION_KEY: 'ab'.repeat(32) };

function problemsOf(env: Record<string, string>, cwd?: string): string[] {
  try {
    loadConfig(env, cwd);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('when NODE_ENV is not given, then it defaults to production and demands a secret and the database', () => {
    const problems = problemsOf({});
    expect(problems.some((p) => p.startsWith('SESSION_SECRET:'))).toBe(true);
    for (const key of ['DB_HOST', 'DB_USER', 'DB_PASSWORD', 'DB_NAME']) expect(problems.some((p) => p.startsWith(`${key}:`))).toBe(true);
  });

  it('when the secret is shorter than 64 characters, then the problem names it with its length', () => {
    const problems = problemsOf({ ...DB, SESSION_SECRET: 'short' });
    expect(problems).toEqual(['SESSION_SECRET: must be at least 64 characters (got 5)']);
  });

  it('when production is fully configured, then the config is frozen with production defaults', () => {
    const config = loadConfig({ ...DB, SESSION_SECRET: SECRET });
    expect(Object.isFrozen(config)).toBe(true);
    expect(config.env).toBe('production');
    expect(config.port).toBe(3000);
    expect(config.seedDemo).toBe(false);
    expect(config.docsEnabled).toBe(true);
    expect(config.db.migrateOnBoot).toBe(true);
    expect(config.session.cookieSecure).toBe('auto');
    expect(config.corsOrigins).toEqual(['http://localhost:3000', 'http://localhost:3001']);
    expect(config.argon2).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(config.rateLimit).toMatchObject({ loginAccountMax: 5, loginIpMax: 50, loginWindowSeconds: 900 });
  });

  it('when values are malformed, then every bad variable is reported at once', () => {
    const problems = problemsOf({ ...DB, SESSION_SECRET: SECRET, PORT: 'abc', COOKIE_SECURE: 'maybe', DOCS_ENABLED: 'perhaps' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['COOKIE_SECURE', 'DOCS_ENABLED', 'PORT']);
  });

  it('when VAPID keys are given, then all three must be there, be one P-256 pair and name a mailto: or https: subject', () => {
    const keys = webpush.generateVAPIDKeys();
    const other = webpush.generateVAPIDKeys();
    const base = { ...DB, SESSION_SECRET: SECRET };
    const ok = { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'mailto:ops@lavandaria.pt' };
    expect(loadConfig(base).push.vapid).toBeNull();
    expect(loadConfig({ ...base, ...ok }).push).toEqual({ vapid: { publicKey: keys.publicKey, privateKey: keys.privateKey, subject: 'mailto:ops@lavandaria.pt' }, allowLocalEndpoints: false, timeoutMs: 10000 });
    expect(loadConfig({ ...base, ...ok, VAPID_SUBJECT: 'https://lavandaria.pt' }).push.vapid?.subject).toBe('https://lavandaria.pt');
    const first = (env: Record<string, string>) => problemsOf({ ...base, ...env }).map((p) => p.split(':')[0]);
    expect(first({ VAPID_PUBLIC_KEY: keys.publicKey })).toEqual(['VAPID_PRIVATE_KEY, VAPID_SUBJECT']);
    expect(first({ ...ok, VAPID_SUBJECT: 'ops@lavandaria.pt' })).toEqual(['VAPID_SUBJECT']);
    expect(first({ ...ok, VAPID_SUBJECT: 'http://lavandaria.pt' })).toEqual(['VAPID_SUBJECT']);
    expect(first({ ...ok, VAPID_PUBLIC_KEY: `${keys.publicKey.slice(0, -1)}!` })).toEqual(['VAPID_PUBLIC_KEY']);
    expect(first({ ...ok, VAPID_PRIVATE_KEY: keys.privateKey.slice(1) })).toEqual(['VAPID_PRIVATE_KEY']);
    expect(first({ ...ok, VAPID_PRIVATE_KEY: other.privateKey })).toEqual(['VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY']);
    expect(first({ PUSH_ALLOW_LOCAL_ENDPOINTS: 'true' })).toEqual(['PUSH_ALLOW_LOCAL_ENDPOINTS']);
  });

  it('when a CORS origin is not an origin, then it is refused', () => {
    expect(problemsOf({ ...DB, SESSION_SECRET: SECRET, CORS_ORIGINS: 'https://ok.example,not a url' })).toEqual([
      'CORS_ORIGINS: "not a url" is not an origin like https://host:port',
    ]);
  });

  it('when previous secrets are given, then the current one comes first and short ones are refused', () => {
    const previous = 'p'.repeat(64);
    expect(loadConfig({ ...DB, SESSION_SECRET: SECRET, SESSION_SECRET_PREVIOUS: previous }).session.secrets).toEqual([SECRET, previous]);
    expect(problemsOf({ ...DB, SESSION_SECRET: SECRET, SESSION_SECRET_PREVIOUS: 'old' })).toEqual([
      'SESSION_SECRET_PREVIOUS: entry 1 must be at least 64 characters',
    ]);
  });

  it('when development has no secret, then one is generated once under the data directory and reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lav-config-'));
    const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: 'state' }, dir);
    const second = loadConfig({ NODE_ENV: 'development', DATA_DIR: 'state' }, dir);
    expect(first.session.secrets[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(second.session.secrets[0]).toBe(first.session.secrets[0]);
    expect(fs.statSync(path.join(dir, 'state', 'session-secret')).mode & 0o777).toBe(0o600);
    expect(first.db.connection).toBeNull();
    expect(first.seedDemo).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when DATABASE_URL is set, then it wins over DB_* settings', () => {
    const config = loadConfig({ ...DB, SESSION_SECRET: SECRET, DATABASE_URL: 'postgres://u:p@h:5/d' });
    expect(config.db.connection).toEqual({ connectionString: 'postgres://u:p@h:5/d' });
  });

  it('when .env.example is read, then it lists every variable of the schema', () => {
    const example = fs.readFileSync(path.resolve('.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = Object.keys(envSchema.shape).filter((key) => !listed.has(key));
    expect(missing).toEqual([]);
  });
});
