import pg from 'pg';

/** A row of the earlier system, as its SELECT names the columns. */
export type SourceRow = Record<string, unknown> & { id: number };

/** The tables and columns a database must have to be the earlier Lavandaria system. */
const SIGNATURE: Record<string, string[]> = {
  users: ['id', 'username', 'password', 'name'],
  clients: ['id', 'phone', 'password', 'name'],
  properties: ['id', 'client_id', 'address_line1', 'city'],
  cleaning_jobs: ['id', 'client_id', 'property_id', 'scheduled_date', 'scheduled_time', 'status'],
  laundry_orders_new: ['id', 'client_id', 'order_number', 'order_type', 'total_price', 'status'],
};

/** Tables only this system has: a database with them is this system, not the earlier one. */
const OURS = ['original_import_map', 'laundry_order_lines', 'pgmigrations'];

export class NotTheEarlierSystem extends Error {
  constructor(readonly problems: string[]) {
    super(`The source is not the earlier Lavandaria database: ${problems.join('; ')}.`);
  }
}

export interface Source {
  /** A human description of where it is (no password). */
  readonly label: string;
  has(table: string, column?: string): boolean;
  /** A column of the table read (alias `t`) as an expression: the column, or NULL when this version of the schema lacks it. */
  col(table: string, column: string, alias?: string): string;
  /** A timestamp column as an instant: `timestamp` values were written in UTC by the earlier system. */
  ts(table: string, column: string, alias?: string): string;
  query<T extends pg.QueryResultRow = SourceRow>(sql: string, values?: unknown[]): Promise<T[]>;
  /** The next rows of a table after an id, in id order. */
  batch(table: string, select: string, afterId: number, size: number, from?: string): Promise<SourceRow[]>;
  close(): Promise<void>;
}

export function describeSource(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the given database';
  }
}

/**
 * Opens the earlier system's database read-only (every transaction there is READ ONLY, so nothing this
 * tool does can change it) and checks that it is that system before anything else happens.
 */
export async function openSource(connection: pg.ClientConfig, label: string): Promise<Source> {
  const client = new pg.Client({ ...connection, application_name: 'lavandaria-import-original' });
  // NUMERIC arrives as text (never a float) and DATE as its plain day.
  client.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => v);
  client.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
  await client.connect();
  try {
    await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    const columns = new Map<string, Map<string, string>>();
    for (const r of rows) {
      if (!columns.has(r.table_name)) columns.set(r.table_name, new Map());
      columns.get(r.table_name)!.set(r.column_name, r.data_type);
    }
    const problems: string[] = [];
    for (const t of OURS) if (columns.has(t)) problems.push(`it has the table ${t} of this system`);
    for (const [table, needed] of Object.entries(SIGNATURE)) {
      const have = columns.get(table);
      if (!have) problems.push(`no table ${table}`);
      else for (const c of needed) if (!have.has(c)) problems.push(`no column ${table}.${c}`);
    }
    if (!columns.get('users')?.has('role_id') && !columns.get('users')?.has('role')) problems.push('users has neither role_id nor role');
    if (problems.length > 0) throw new NotTheEarlierSystem(problems);

    const has = (table: string, column?: string) => (column ? Boolean(columns.get(table)?.has(column)) : columns.has(table));
    const source: Source = {
      label,
      has,
      col: (table, column, alias = column) => (has(table, column) ? `t.${column} AS ${alias}` : `NULL AS ${alias}`),
      ts: (table, column, alias = column) => {
        if (!has(table, column)) return `NULL::timestamptz AS ${alias}`;
        const type = columns.get(table)!.get(column)!;
        return type === 'timestamp without time zone' ? `(t.${column} AT TIME ZONE 'UTC') AS ${alias}` : `t.${column} AS ${alias}`;
      },
      async query(sql, values) {
        return (await client.query(sql, values)).rows;
      },
      async batch(table, select, afterId, size, from) {
        const { rows: found } = await client.query<SourceRow>(
          `SELECT ${select} FROM ${from ?? `${table} t`} WHERE t.id > $1 ORDER BY t.id LIMIT $2`,
          [afterId, size],
        );
        return found;
      },
      close: () => client.end(),
    };
    return source;
  } catch (err) {
    await client.end();
    throw err;
  }
}
