import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationNames } from '../../src/db/migrate.js';
import { runSmokeFlow, seedAccounts, startSmokeServer } from './smoke-flow.js';
import { splitRoles, type SplitRoles } from './db-roles.js';
import { logLines } from './server-process.js';

async function asRole<T>(connection: pg.ClientConfig, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(c: pg.Client, sql: string): Promise<string> {
  try {
    await c.query(sql);
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

/**
 * The compose shape with least privilege, on a real server: the owner role (POSTGRES_USER) with its empty
 * database, the init script's application role, and the production server started with DB_USER = the app
 * role and DB_MIGRATION_USER = the owner. The server migrates as the owner; the app role can do the work
 * and nothing to the schema.
 */
describe('least privilege: the app role owns nothing and cannot change the schema', { timeout: 150_000 }, () => {
  let roles: SplitRoles;
  let smoke: Awaited<ReturnType<typeof startSmokeServer>>;

  beforeAll(async () => {
    roles = await splitRoles();
    smoke = await startSmokeServer('least-privilege', roles.serverEnv);
    await seedAccounts(roles.appConnection);
  });
  afterAll(async () => {
    await smoke?.stop();
    await roles?.drop();
  });

  it('when the server boots with both roles, then it migrated as the owner and every object belongs to the owner', async () => {
    expect(logLines(smoke.server, /Applied \d+ migration/)).toHaveLength(1);
    await asRole(roles.ownerConnection, async (c) => {
      const applied = await c.query<{ name: string }>('SELECT name FROM pgmigrations ORDER BY name');
      expect(applied.rows.map((r) => r.name)).toEqual(migrationNames());
      const owned = await c.query<{ kind: string; name: string }>(
        `SELECT 'relation' AS kind, relname AS name FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)
         UNION ALL SELECT 'schema', nspname FROM pg_namespace WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = $1)
         UNION ALL SELECT 'function', proname FROM pg_proc WHERE proowner = (SELECT oid FROM pg_roles WHERE rolname = $1)
         UNION ALL SELECT 'type', typname FROM pg_type WHERE typowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
        [roles.app],
      );
      expect(owned.rows).toEqual([]);
      const appTables = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'pgboss') AND tableowner = $1`,
        [roles.owner],
      );
      expect(appTables.rows[0]!.n).toBeGreaterThan(20);
    });
    const attrs = await asRole(roles.ownerConnection, (c) =>
      c.query<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean; rolbypassrls: boolean }>(
        'SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = $1',
        [roles.app],
      ),
    );
    expect(attrs.rows[0]).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
  });

  it('when the app role tries DDL or the password catalogue, then PostgreSQL refuses (42501) and nothing changed', async () => {
    await asRole(roles.appConnection, async (c) => {
      expect(await outcome(c, 'DROP TABLE laundry_orders')).toBe('42501');
      expect(await outcome(c, 'ALTER TABLE laundry_orders ADD COLUMN stolen text')).toBe('42501');
      expect(await outcome(c, 'ALTER TABLE users DISABLE TRIGGER ALL')).toBe('42501');
      expect(await outcome(c, 'TRUNCATE session')).toBe('42501');
      expect(await outcome(c, 'CREATE TABLE public.intruder (id int)')).toBe('42501');
      expect(await outcome(c, 'CREATE SCHEMA intruder')).toBe('42501');
      expect(await outcome(c, 'DROP TABLE pgboss.job')).toBe('42501');
      expect(await outcome(c, 'SELECT rolname, rolpassword FROM pg_authid')).toBe('42501');
      expect(await outcome(c, "INSERT INTO pgmigrations (name, run_on) VALUES ('forged', now())")).toBe('42501');
      expect(await outcome(c, "DELETE FROM pgmigrations")).toBe('42501');
      // Reading the schema version is allowed: readiness needs it.
      expect(await outcome(c, 'SELECT count(*) FROM pgmigrations')).toBe('ok');
    });
    await asRole(roles.ownerConnection, async (c) => {
      const cols = await c.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'laundry_orders' AND column_name = 'stolen'`);
      expect(cols.rowCount).toBe(0);
      expect((await c.query(`SELECT to_regclass('public.intruder') AS t`)).rows[0].t).toBeNull();
    });
  });

  it('when a later migration (as the owner) adds a table, then the app role can use its rows at once', async () => {
    await asRole(roles.ownerConnection, (c) => c.query('CREATE TABLE later_feature (id bigserial PRIMARY KEY, note text)'));
    await asRole(roles.appConnection, async (c) => {
      const inserted = await c.query<{ id: number }>(`INSERT INTO later_feature (note) VALUES ('ok') RETURNING id`);
      expect(Number(inserted.rows[0]!.id)).toBe(1);
      expect(await outcome(c, 'DROP TABLE later_feature')).toBe('42501');
    });
    await asRole(roles.ownerConnection, (c) => c.query('DROP TABLE later_feature'));
  });

  it('when the app does its work as the app role, then sign-in, orders, the job queue and the limiter all work', async () => {
    await runSmokeFlow(smoke.server, smoke.smtp);
    // The start-up line names the database and the role, never a password.
    const connected = logLines(smoke.server, /Database connected/);
    expect(connected).toHaveLength(1);
    expect(connected[0]).toContain(`${roles.app}@`);
    expect(connected[0]).toContain(`/${roles.database}`);
    expect(smoke.server.output()).not.toContain(roles.appPassword);
    expect(smoke.server.output()).not.toContain(roles.serverEnv.DB_MIGRATION_PASSWORD);
  });
});
