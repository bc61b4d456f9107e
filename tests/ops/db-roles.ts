import crypto from 'node:crypto';
import { expect, inject } from 'vitest';
import type { DbConnectionConfig } from '../../src/config/config.js';
import { connectionFor, withAdminClient } from '../helpers/test-database.js';
import { pgEnvFor, runScript } from './support.js';

export const INIT_SCRIPT = 'deploy/postgres-init/10-app-role.sh';

export interface SplitRoles {
  database: string;
  owner: string;
  app: string;
  appPassword: string;
  /** The schema owner's connection (migrations). */
  ownerConnection: DbConnectionConfig;
  /** The application role's connection. */
  appConnection: DbConnectionConfig;
  /** What the server needs: the app role as DB_*, the owner as DB_MIGRATION_*. */
  serverEnv: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * What the compose database gets on its first start, on the tests' server: an owner role with its own
 * empty database (like POSTGRES_USER/POSTGRES_DB), then the container's init script creating the
 * application role, run as it runs there. Unique names; `drop` removes all of it.
 */
/** `server`: where to make them — the suite's own server unless a test needs another (e.g. one pg_dump can read). */
export async function splitRoles(server?: DbConnectionConfig): Promise<SplitRoles> {
  const info = inject('testDatabase');
  const serverAdmin = server ?? info.admin;
  const id = crypto.randomBytes(4).toString('hex');
  const database = `${info.prefix}_roles_${id}`;
  const owner = `lav_owner_${id}`;
  const app = `lav_app_${id}`;
  const appPassword = `app-${crypto.randomBytes(8).toString('hex')}`;
  const ownerPassword = `owner-${crypto.randomBytes(8).toString('hex')}`;
  await withAdminClient(serverAdmin, async (c) => {
    // The image's POSTGRES_USER is a superuser; CREATEROLE is all the script needs, so the test asks no more.
    await c.query(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD '${ownerPassword}'`);
    await c.query(`CREATE DATABASE ${database} OWNER ${owner}`);
  });
  const admin = pgEnvFor(serverAdmin);
  const init = await runScript(INIT_SCRIPT, [], {
    PGHOST: admin.PGHOST!,
    PGPORT: admin.PGPORT!,
    PGPASSWORD: ownerPassword,
    POSTGRES_USER: owner,
    POSTGRES_DB: database,
    APP_DB_USER: app,
    APP_DB_PASSWORD: appPassword,
  });
  expect(init.status, init.output).toBe(0);
  const base = connectionFor(serverAdmin, database);
  const as = (user: string, password: string): DbConnectionConfig => {
    if (base.connectionString) {
      const url = new URL(base.connectionString);
      url.username = user;
      url.password = password;
      return { connectionString: url.toString() };
    }
    return { ...base, user, password };
  };
  const ownerConnection = as(owner, ownerPassword);
  const appConnection = as(app, appPassword);
  const appEnv = pgEnvFor(appConnection);
  return {
    database,
    owner,
    app,
    appPassword,
    ownerConnection,
    appConnection,
    serverEnv: {
      DB_HOST: appEnv.PGHOST!,
      DB_PORT: appEnv.PGPORT!,
      DB_NAME: database,
      DB_USER: app,
      DB_PASSWORD: appPassword,
      DB_MIGRATION_USER: owner,
      DB_MIGRATION_PASSWORD: ownerPassword,
    },
    async drop() {
      await withAdminClient(serverAdmin, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${app}`);
        await c.query(`DROP ROLE IF EXISTS ${owner}`);
      });
    },
  };
}
