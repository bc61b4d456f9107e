import crypto from 'node:crypto';
import pg from 'pg';
import type { Config, DbConnectionConfig } from '../config/config.js';
import type { Logger } from '../lib/logger.js';

// int8 (COUNT(*), SUM of cents, bigserial ids) arrives as a JS number: values stay far below 2^53 and
// sums must never arrive as strings. DATE stays the plain 'YYYY-MM-DD' string so no time zone shifts it.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Row = Record<string, unknown>;

export interface QueryResult<T> {
  rows: T[];
  rowCount: number | null;
}

export interface QueryOptions {
  /**
   * Run as a named prepared statement: each connection parses and plans it once and reuses the plan.
   * For hot reads whose planning costs more than running them (a detail's JSON aggregates: ~0.7–1.5 ms
   * of planning against 0.2–0.3 ms of execution). The name is derived from the text, so each variant of
   * a statement built from pieces is its own statement.
   */
  prepare?: boolean;
}

export interface Queryable {
  query<T = Row>(text: string, values?: unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
}

const statementNames = new Map<string, string>();
/** Distinct prepared statements named at most; beyond, names are still derived, just not remembered. */
const STATEMENT_NAMES_MAX = 1000;

/** A stable name for a statement's text (the same on every connection and every instance). */
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `s_${crypto.createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    if (statementNames.size < STATEMENT_NAMES_MAX) statementNames.set(text, name);
  }
  return name;
}

export interface Db extends Queryable {
  readonly pool: pg.Pool;
  /** Runs `fn` in one transaction: commit on success, rollback on any error, client released in every case. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Counts queries per correlation id; tests use it to catch N+1 patterns. */
  onQuery?: (text: string) => void;
  /** Told about every query over the warning threshold (metrics count them). */
  onSlowQuery?: (level: 'warn' | 'error', durationMs: number) => void;
  end(): Promise<void>;
}

export interface PoolOptions {
  connection: DbConnectionConfig;
  ssl: boolean;
  max: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  applicationName: string;
  slowQueryWarnMs: number;
  slowQueryErrorMs: number;
  /**
   * false behind a transaction-mode pooler: every statement then runs unnamed (default true: hot reads
   * and the rate limiter reuse their plans per connection).
   */
  namedStatements?: boolean;
}

export function poolOptionsFrom(config: Config, connection: DbConnectionConfig): PoolOptions {
  return {
    connection,
    ssl: config.db.ssl,
    max: config.db.poolMax,
    connectionTimeoutMs: config.db.connectionTimeoutMs,
    statementTimeoutMs: config.db.statementTimeoutMs,
    idleInTransactionTimeoutMs: config.db.idleInTransactionTimeoutMs,
    applicationName: config.db.applicationName,
    slowQueryWarnMs: config.db.slowQueryWarnMs,
    slowQueryErrorMs: config.db.slowQueryErrorMs,
    namedStatements: config.db.namedStatements,
  };
}

/**
 * Named prepared statements live in one server session; behind a transaction-mode pooler (PgBouncer
 * before 1.21, or without max_prepared_statements) the next use lands on another session and fails
 * ("prepared statement … already exists" / "does not exist"). With DB_NAMED_STATEMENTS=false every
 * statement on this pool — ours (`prepare: true`) and the libraries' (the rate limiter names its own) —
 * runs unnamed: parsed and executed in one round trip, correct through any pooler.
 */
function withoutStatementNames(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
    if (config && typeof config === 'object' && 'name' in config && !('submit' in config)) {
      const { name: _name, ...unnamed } = config as Record<string, unknown>;
      return query(unnamed, ...rest);
    }
    return query(config, ...rest);
  };
}

export function createPgPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    ...options.connection,
    ssl: options.ssl ? { rejectUnauthorized: true } : undefined,
    max: options.max,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    idleTimeoutMillis: 10_000,
    statement_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs,
    application_name: options.applicationName,
  });
  if (options.namedStatements === false) pool.on('connect', withoutStatementNames);
  return pool;
}

function firstLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * The database handle every repository uses: one pg pool with error listeners, and every query timed
 * so slow ones are logged with the correlation id of the request that ran them.
 */
export function createDb(options: PoolOptions, logger: Logger): Db {
  const pool = createPgPool(options);
  // An idle client's error (server restart, network cut) must not crash the process (pg pool docs).
  pool.on('error', (err) => logger.error({ err }, `❌ Database connection error (idle client): ${err.message}`));

  const db: Db = {
    pool,
    async query<T = Row>(text: string, values?: unknown[], options?: QueryOptions) {
      return timed<T>(pool, text, values, options);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A checked-out client has no pool error listener; without one a backend kill mid-transaction
      // would be an uncaught 'error' event (node-postgres #3202).
      const onError = (err: Error) => logger.error({ err }, `❌ Database connection error (in transaction): ${err.message}`);
      client.on('error', onError);
      // One statement at a time on the connection: services read a transaction's parts with Promise.all,
      // and a pg client that is handed a statement while another runs queues it itself, a use node-postgres
      // deprecates (its next major refuses it). Ordering them here also times each one alone.
      let last: Promise<unknown> = Promise.resolve();
      const tx: Queryable = {
        query<T = Row>(text: string, values?: unknown[], options?: QueryOptions) {
          const run = last.then(() => timed<T>(client, text, values, options));
          last = run.catch(() => undefined);
          return run;
        },
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', onError);
        client.release();
      }
    },
    end: () => pool.end(),
  };

  async function timed<T>(target: pg.Pool | pg.PoolClient, text: string, values?: unknown[], queryOptions?: QueryOptions): Promise<QueryResult<T>> {
    db.onQuery?.(text);
    const started = performance.now();
    try {
      const result = queryOptions?.prepare ? target.query({ name: statementName(text), text, values }) : target.query(text, values);
      return (await result) as unknown as QueryResult<T>;
    } finally {
      const ms = Math.round(performance.now() - started);
      if (ms >= options.slowQueryWarnMs) db.onSlowQuery?.(ms >= options.slowQueryErrorMs ? 'error' : 'warn', ms);
      if (ms >= options.slowQueryErrorMs) {
        logger.error({ durationMs: ms, sql: firstLine(text) }, `❌ Slow database query: ${ms}ms (Slow query over ${options.slowQueryErrorMs}ms)`);
      } else if (ms >= options.slowQueryWarnMs) {
        logger.warn({ durationMs: ms, sql: firstLine(text) }, `⚠️ Slow query: ${ms}ms (Slow database warning over ${options.slowQueryWarnMs}ms)`);
      }
    }
  }

  return db;
}

/** Errors that mean "the database cannot be reached right now" — answered as 503, never as 500. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: string; message?: string };
  const codes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003', '08004']);
  if (e.code && codes.has(e.code)) return true;
  const message = e.message ?? '';
  return (
    message.includes('timeout exceeded when trying to connect') ||
    message.includes('Connection terminated') ||
    message.includes('Client has encountered a connection error') ||
    message.includes('connect ECONNREFUSED')
  );
}

