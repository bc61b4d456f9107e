import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { connectionUser, describeConnection } from '../../src/db/resolve.js';

const base = { NODE_ENV: 'test', SESSION_SECRET: 'a'.repeat(64), FIELD_ENCRYPTION_KEY: 'ab'.repeat(32) };

describe('the migration role', () => {
  it('when only the app role is given, then migrations run as it (development, one role)', () => {
    const config = loadConfig({ ...base, DB_HOST: 'db', DB_USER: 'lavandaria', DB_PASSWORD: 'p', DB_NAME: 'lavandaria' });
    expect(config.db.migrationConnection).toEqual(config.db.connection);
  });

  it('when DB_MIGRATION_USER is given, then migrations reach the same server and database as that role', () => {
    const config = loadConfig({ ...base, DB_HOST: 'db', DB_PORT: '6432', DB_USER: 'lavandaria_app', DB_PASSWORD: 'app', DB_NAME: 'lav', DB_MIGRATION_USER: 'lavandaria', DB_MIGRATION_PASSWORD: 'owner' });
    expect(config.db.connection).toMatchObject({ host: 'db', port: 6432, user: 'lavandaria_app', password: 'app', database: 'lav' });
    expect(config.db.migrationConnection).toEqual({ host: 'db', port: 6432, user: 'lavandaria', password: 'owner', database: 'lav' });
  });

  it('when the app connects by URL and DB_MIGRATION_USER is given, then the URL keeps its host with the owner credentials', () => {
    const config = loadConfig({ ...base, DATABASE_URL: 'postgres://app:a%40b@pooler:6432/lav', DB_MIGRATION_USER: 'own er', DB_MIGRATION_PASSWORD: 'p@ss' });
    const url = new URL(config.db.migrationConnection!.connectionString!);
    expect([decodeURIComponent(url.username), decodeURIComponent(url.password), url.host, url.pathname]).toEqual(['own er', 'p@ss', 'pooler:6432', '/lav']);
  });

  it('when DATABASE_MIGRATION_URL is given, then it wins (a direct connection next to a pooled one)', () => {
    const config = loadConfig({ ...base, DATABASE_URL: 'postgres://app:x@pooler:6432/lav', DATABASE_MIGRATION_URL: 'postgres://owner:y@db:5432/lav', DB_MIGRATION_USER: 'ignored' });
    expect(config.db.migrationConnection).toEqual({ connectionString: 'postgres://owner:y@db:5432/lav' });
  });

  it('when DATABASE_MIGRATION_URL is given without an app connection, then the configuration is refused', () => {
    expect(() => loadConfig({ ...base, DATABASE_MIGRATION_URL: 'postgres://owner:y@db:5432/lav' })).toThrow(/DATABASE_MIGRATION_URL/);
  });

  it('when nothing is configured, then neither connection exists (the embedded database serves both)', () => {
    const config = loadConfig(base);
    expect(config.db.connection).toBeNull();
    expect(config.db.migrationConnection).toBeNull();
  });
});

describe('the start-up line', () => {
  it('when describing a connection, then host, port, database and role are named and the password never', () => {
    expect(describeConnection({ host: '127.0.0.1', port: 5432, user: 'lavandaria_app', password: 'hunter2', database: 'lavandaria' })).toBe('lavandaria_app@127.0.0.1:5432/lavandaria');
    const fromUrl = describeConnection({ connectionString: 'postgres://app:hunter2@db.internal:6432/lav' });
    expect(fromUrl).toBe('app@db.internal:6432/lav');
    expect(describeConnection({ connectionString: 'not a url hunter2' })).not.toContain('hunter2');
  });

  it('when reading the role of a connection, then URLs and fields both give it', () => {
    expect(connectionUser({ connectionString: 'postgres://lav%20app:x@h/d' })).toBe('lav app');
    expect(connectionUser({ host: 'h', user: 'u' })).toBe('u');
    expect(connectionUser({ host: 'h' })).toBeUndefined();
  });
});
