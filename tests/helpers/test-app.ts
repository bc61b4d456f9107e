import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import supertest from 'supertest';
import { createLogger } from '../../src/lib/logger.js';
import type { Config, DbConnectionConfig } from '../../src/config/config.js';
import { createApp, type App, type AppDeps } from '../../src/app.js';
import { createDb, poolOptionsFrom, type Db } from '../../src/db/pool.js';
import { createReadiness, type Readiness } from '../../src/http/health.routes.js';
import { fixedClock } from '../../src/lib/clock.js';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts.js';
import { connectionFor, withAdminClient } from './test-database.js';
import { testConfig } from './test-config.js';

/** Log lines written during a test, parsed, for assertions on markers and redaction. */
export class LogCapture extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
  messages(): string[] {
    return this.lines.map((l) => String(l.msg ?? ''));
  }
  text(): string {
    return this.lines.map((l) => JSON.stringify(l)).join('\n');
  }
}

/** A database of its own for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<{ connection: DbConnectionConfig; name: string; drop(): Promise<void> }> {
  const info = inject('testDatabase');
  const name = `${info.prefix}_${crypto.randomBytes(5).toString('hex')}`;
  await withAdminClient(info.admin, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${info.template}`));
  return {
    connection: connectionFor(info.admin, name),
    name,
    drop: () => withAdminClient(info.admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export interface TestApp {
  app: App['app'];
  built: App;
  db: Db;
  config: Config;
  logs: LogCapture;
  clock: ReturnType<typeof fixedClock>;
  readiness: Readiness;
  connection: DbConnectionConfig;
  request: ReturnType<typeof supertest>;
  /** A cookie-keeping agent signed in as a demo account. */
  signIn(who: keyof typeof DEMO_ACCOUNTS): Promise<ReturnType<typeof supertest.agent>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  database?: Awaited<ReturnType<typeof createTestDatabase>>;
  extraRoutes?: AppDeps['extraRoutes'];
  /** Connect the app somewhere else (e.g. through a proxy that a test can cut). */
  connection?: DbConnectionConfig;
  /** The monthly statements' figures (issue 19 §5). */
  statementSource?: AppDeps['statementSource'];
}

/** A second instance of the application on the same database as `first` (its close leaves the database). */
export function sameDatabaseAs(first: TestApp): NonNullable<TestAppOptions['database']> {
  return { connection: first.connection, name: 'shared', drop: async () => {} };
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(options.connection ?? database.connection, { LOG_LEVEL: 'debug', ...options.env });
  const logs = new LogCapture();
  const appLogger = createLogger({ level: 'debug', pretty: false, destination: logs });
  const db = createDb(poolOptionsFrom(config, options.connection ?? database.connection), appLogger);
  const readiness = createReadiness(db);
  const clock = fixedClock('2026-03-10T10:00:00Z');
  // Sessions and their absolute lifetime follow real time unless a test moves this clock.
  clock.set(new Date());
  const built = createApp({ config, logger: appLogger, db, clock, readiness, version: 'test', clientDist: null, extraRoutes: options.extraRoutes, statementSource: options.statementSource });
  const request = supertest(built.app);

  return {
    app: built.app,
    built,
    db,
    config,
    logs,
    clock,
    readiness,
    connection: database.connection,
    request,
    async signIn(who) {
      const agent = supertest.agent(built.app);
      const account = DEMO_ACCOUNTS[who];
      const res =
        'phone' in account
          ? await agent.post('/api/auth/login/client').send({ phone: account.phone, password: account.password })
          : await agent.post('/api/auth/login/user').send({ username: account.username, password: account.password });
      if (res.status !== 200) throw new Error(`sign-in as ${who} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return agent;
    },
    async close() {
      built.close();
      await db.end();
      if (!options.database) await database.drop();
    },
  };
}
