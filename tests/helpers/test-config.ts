import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config, type DbConnectionConfig } from '../../src/config/config.js';

/** Cheap argon2 parameters for tests (production uses m=19456, t=2; see ARCHITECTURE.md). */
export const TEST_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export const TEST_SECRET = 'a'.repeat(64);

export function testEnv(connection: DbConnectionConfig, overrides: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    SESSION_SECRET: TEST_SECRET,
    ARGON2_MEMORY_KIB: String(TEST_ARGON2.memoryCost),
    ARGON2_TIME_COST: String(TEST_ARGON2.timeCost),
    SESSION_PRUNE_INTERVAL_SECONDS: '0',
    MIGRATE_ON_BOOT: 'false',
    // Photos a test uploads never land in the working tree's ./uploads.
    UPLOADS_DIR: path.join(os.tmpdir(), `lavandaria-test-uploads-${process.pid}`),
  };
  if (connection.connectionString) env.DATABASE_URL = connection.connectionString;
  else {
    env.DB_HOST = connection.host ?? '127.0.0.1';
    env.DB_PORT = String(connection.port ?? 5432);
    if (connection.user) env.DB_USER = connection.user;
    if (connection.password) env.DB_PASSWORD = connection.password;
    if (connection.database) env.DB_NAME = connection.database;
  }
  return { ...env, ...overrides };
}

export function testConfig(connection: DbConnectionConfig, overrides: Record<string, string> = {}): Config {
  return loadConfig(testEnv(connection, overrides));
}

/**
 * What a production start needs besides the test database and the session secret. Production demands a
 * DB_PASSWORD; a server with trust authentication (CI's local PostgreSQL) ignores whatever is sent.
 */
export function productionExtras(connection: DbConnectionConfig): Record<string, string> {
  return {
    NODE_ENV: 'production',
    FIELD_ENCRYPTION_KEY: 'ab'.repeat(32),
    ...(connection.connectionString || connection.password ? {} : { DB_PASSWORD: 'ignored-by-trust-auth' }),
  };
}
