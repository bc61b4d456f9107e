import pg from 'pg';
import type { DbConnectionConfig } from '../../src/config/config.js';

/** What the global setup hands each test file: where the server is and which template to clone. */
export interface TestDatabaseInfo {
  admin: DbConnectionConfig;
  template: string;
  prefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseInfo;
  }
}

export async function withAdminClient<T>(admin: DbConnectionConfig, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...admin, application_name: 'lavandaria-test-admin' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server to test against: TEST_DATABASE_URL, else DB_* from the environment, else null (embedded). */
export function configuredTestServer(env = process.env): DbConnectionConfig | null {
  if (env.TEST_DATABASE_URL) return { connectionString: env.TEST_DATABASE_URL };
  if (env.DB_HOST) {
    return {
      host: env.DB_HOST,
      port: Number(env.DB_PORT ?? 5432),
      user: env.DB_USER ?? 'postgres',
      password: env.DB_PASSWORD,
      database: env.DB_NAME ?? 'postgres',
    };
  }
  return null;
}

export function connectionFor(admin: DbConnectionConfig, database: string): DbConnectionConfig {
  if (admin.connectionString) {
    const url = new URL(admin.connectionString);
    url.pathname = `/${database}`;
    return { connectionString: url.toString() };
  }
  return { ...admin, database };
}
