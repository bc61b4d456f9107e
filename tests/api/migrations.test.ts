import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import crypto from 'node:crypto';
import { pino } from 'pino';
import { runMigrations, migrationNames, schemaIsCurrent } from '../../src/db/migrate.js';
import { createDb, type Db } from '../../src/db/pool.js';
import { connectionFor, withAdminClient } from '../helpers/test-database.js';

const logger = pino({ level: 'silent' });

describe('migrations on an empty database', () => {
  const info = inject('testDatabase');
  const name = `${info.prefix}_mig_${crypto.randomBytes(3).toString('hex')}`;
  const connection = connectionFor(info.admin, name);
  let db: Db;

  beforeAll(async () => {
    await withAdminClient(info.admin, (c) => c.query(`CREATE DATABASE ${name}`));
    db = createDb(
      { connection, ssl: false, max: 2, connectionTimeoutMs: 3000, statementTimeoutMs: 30000, idleInTransactionTimeoutMs: 30000, applicationName: 'mig-test', slowQueryWarnMs: 1e6, slowQueryErrorMs: 1e6 },
      logger,
    );
  });
  afterAll(async () => {
    await db.end();
    await withAdminClient(info.admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('when nothing is migrated, then the schema is not current', async () => {
    expect(await schemaIsCurrent(db)).toBe(false);
  });

  it('when two instances migrate at the same time, then each migration is applied exactly once', async () => {
    const [a, b] = await Promise.all([runMigrations(connection, logger), runMigrations(connection, logger)]);
    expect([...a, ...b].sort()).toEqual(migrationNames());
    const { rows } = await db.query<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM pgmigrations GROUP BY name`);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(await schemaIsCurrent(db)).toBe(true);
  });

  it('when every migration is rolled back and applied again, then the schema comes back whole', async () => {
    const all = migrationNames();
    const down = await runMigrations(connection, logger, 'down', all.length);
    expect(down).toEqual([...all].reverse());
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'pgmigrations'`);
    expect(rows[0]!.n).toBe(0);
    expect(await runMigrations(connection, logger)).toEqual(all);
    expect(await schemaIsCurrent(db)).toBe(true);
  });

  it('when the foundation schema is in place, then the database refuses a second master', async () => {
    await db.query(`INSERT INTO users (username, password_hash, role, name) VALUES ('boss.one', 'x', 'master', 'One')`);
    const err = await db.query(`INSERT INTO users (username, password_hash, role, name) VALUES ('boss.two', 'x', 'master', 'Two')`).catch((e: { code: string }) => e);
    expect((err as { code: string }).code).toBe('23505');
    const dup = await db.query(`INSERT INTO users (username, password_hash, role, name) VALUES ('BOSS.ONE', 'x', 'worker', 'Dup')`).catch((e: { code: string }) => e);
    expect((dup as { code: string }).code).toBe('23505');
  });
});
