import fs from 'node:fs';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { createDb, poolOptionsFrom, type Db } from '../db/pool.js';
import { resolveDatabase, type ResolvedDatabase } from '../db/resolve.js';

export interface CliContext {
  config: Config;
  logger: Logger;
  db: Db;
  database: ResolvedDatabase;
  close(): Promise<void>;
}

/** What every command needs: the validated configuration, a logger and the database (embedded outside production). */
export async function bootstrap(options: { requireSessionSecret?: boolean } = {}): Promise<CliContext> {
  if (fs.existsSync('.env') && typeof process.loadEnvFile === 'function') process.loadEnvFile('.env');
  let config: Config;
  try {
    // Commands do not sign cookies: a placeholder secret keeps production validation to the database settings.
    const env = options.requireSessionSecret ? process.env : { SESSION_SECRET: 'x'.repeat(64), ...process.env };
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const problem of err.problems) process.stderr.write(`❌ Invalid configuration: ${problem}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', pretty: false });
  const database = await resolveDatabase(config, logger, 'tool');
  const db = createDb({ ...poolOptionsFrom(config, database.connection), max: 2 }, logger);
  return {
    config,
    logger,
    db,
    database,
    async close() {
      await db.end();
      await database.stop();
    },
  };
}

export function fail(message: string): never {
  process.stderr.write(`❌ ${message}\n`);
  process.exit(1);
}
