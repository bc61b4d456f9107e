import type pg from 'pg';

/** Schemas the application reads and writes: its own tables and the job queue's. */
export const APP_SCHEMAS = ['public', 'pgboss'] as const;
/** Tables the application only reads: the migration history belongs to the migrator. */
const READ_ONLY_TABLES = ['public.pgmigrations'];

/**
 * Gives the application role exactly what the running server needs: rows of the existing tables, the
 * sequences behind them, and — through default privileges of the owner role — the same on every table and
 * sequence later migrations create. It never gets ownership, CREATE or DDL, so a compromised server can
 * read and change data but cannot drop or alter the schema. Run by the owner after each migration;
 * idempotent.
 */
export async function grantApplicationRole(client: pg.Client, appRole: string): Promise<void> {
  const role = client.escapeIdentifier(appRole);
  const { rows } = await client.query<{ owner: string; present: string[] }>(
    `SELECT current_user AS owner, array(SELECT nspname::text FROM pg_namespace WHERE nspname = ANY($1::text[])) AS present`,
    [APP_SCHEMAS],
  );
  const owner = client.escapeIdentifier(rows[0]!.owner);
  for (const schema of rows[0]!.present.map((s) => client.escapeIdentifier(s))) {
    await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
    await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
    await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role}`);
  }
  for (const table of READ_ONLY_TABLES) {
    const exists = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [table]);
    if (exists.rows[0]?.present) await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${table} FROM ${role}`);
  }
}
