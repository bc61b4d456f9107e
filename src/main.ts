import fs from 'node:fs';
import type http from 'node:http';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { createLogger, type Logger } from './lib/logger.js';
import { systemClock } from './lib/clock.js';
import { createDb, poolOptionsFrom, type Db } from './db/pool.js';
import { connectionUser, describeConnection, resolveDatabase, waitForDatabase, type ResolvedDatabase } from './db/resolve.js';
import { runMigrations } from './db/migrate.js';
import { createReadiness } from './http/health.routes.js';
import { createPasswordHasher } from './modules/auth/password.js';
import { seedDemoAccounts } from './seed/demo-accounts.js';
import { seedDemoData } from './seed/demo-data.js';
import { seedDemoLaundry, seedDemoPriceList } from './seed/demo-laundry.js';
import { createFieldCipher } from './lib/field-crypto.js';
import { createJobQueue, type JobQueue } from './jobs/job-queue.js';
import { createApp } from './app.js';
import { appVersion } from './lib/version.js';

/** Loads `.env` from the working directory when present, without overriding the real environment. */
function loadDotEnv(): void {
  if (fs.existsSync('.env') && typeof process.loadEnvFile === 'function') process.loadEnvFile('.env');
}

function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      // One ❌ line per bad variable, no stack trace: the operator fixes .env and starts again.
      for (const problem of err.problems) process.stderr.write(`❌ Invalid configuration: ${problem}\n`);
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const bootStarted = performance.now();
  loadDotEnv();
  const config = configOrExit();
  const logger = createLogger({ level: config.logLevel, pretty: config.env === 'development' && process.stdout.isTTY });
  const version = appVersion();

  let database: ResolvedDatabase | undefined;
  let db: Db | undefined;

  const fatal = (err: unknown, what: string) => {
    logger.fatal({ err }, `❌ FATAL ${what}: ${err instanceof Error ? err.message : String(err)}`);
    logger.flush?.();
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  };
  process.on('unhandledRejection', (err) => fatal(err, 'unhandled rejection'));
  process.on('uncaughtException', (err) => fatal(err, 'uncaught exception'));

  try {
    database = await resolveDatabase(config, logger, 'server');
    db = createDb(poolOptionsFrom(config, database.connection), logger);
    const activeDb = db;
    await waitForDatabase(() => activeDb.query('SELECT 1'), logger);
    // Names the server and database (never the password), so a commented-out DB_HOST that falls back to
    // the embedded database is seen at once.
    const where = describeConnection(database.connection);
    logger.info({ database: where, embedded: database.embedded }, `✅ Database connected: ${where}${database.embedded ? ' (embedded PostgreSQL)' : ''}`);

    if (config.db.migrateOnBoot) {
      await runMigrations(database.migrationConnection, logger, 'up', undefined, { appRole: connectionUser(database.connection) });
    }
    if (config.seedDemo) await seedDemoAccounts(db, createPasswordHasher(config.argon2), logger);
    if (config.seedDemo) {
      const cipher = createFieldCipher(config.fieldEncryption.key, config.fieldEncryption.previousKeys);
      await seedDemoData(db, { hasher: createPasswordHasher(config.argon2), cipher }, logger);
      await seedDemoPriceList(db, logger);
      await seedDemoLaundry(db, logger);
    }
  } catch (err) {
    logger.fatal({ err }, `❌ Startup failed: ${(err as Error).message}`);
    await db?.end().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    process.exit(1);
  }

  const readiness = createReadiness(db);
  const jobs = createJobQueue({ connection: database.connection, ssl: config.db.ssl, logger, work: config.jobs.enabled });
  const built = createApp({ config, logger, db, clock: systemClock, readiness, version, jobs, clientDist: config.webDistDir });
  jobs.startInBackground(built.jobs);
  built.metrics.setJobQueueDepthSource(() => jobs.depth());
  const server: http.Server = built.app.listen(config.port, config.host, () => {
    const ms = Math.round(performance.now() - bootStarted);
    logger.info({ port: config.port, bootMs: ms, env: config.env, version }, `✅ Server running on port ${config.port} (${config.env}, ready in ${ms}ms)`);
  });
  server.on('error', (err) => fatal(err, 'HTTP server error'));
  // Slow clients cannot hold a connection open forever.
  server.headersTimeout = 20_000;
  // An idle keep-alive connection outlives the 60 s of common proxies and of clients that reuse sockets:
  // the client closes it first, so it never sends a request on a socket the server is closing (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 120_000;

  const shutdown = installShutdown({ config, logger, server, readiness, closeApp: built.close, db, database, jobs });
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function installShutdown(deps: {
  config: Config;
  logger: Logger;
  server: http.Server;
  readiness: { shuttingDown: boolean };
  closeApp(): void;
  db: Db;
  database: ResolvedDatabase;
  jobs: JobQueue;
}) {
  let started = false;
  return (signal: string) => {
    if (started) return;
    started = true;
    const { logger, server, config } = deps;
    logger.info(`Received ${signal}: draining (readyz now 503), finishing in-flight requests`);
    deps.readiness.shuttingDown = true;
    // A connection whose request is still running becomes idle when it ends: close it soon after, not 65 s later.
    server.keepAliveTimeout = 1_000;
    const deadline = setTimeout(() => {
      logger.error(`❌ Shutdown deadline of ${config.shutdownTimeoutMs}ms reached; closing remaining connections`);
      server.closeAllConnections();
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    server.close(async () => {
      try {
        deps.closeApp();
        await deps.jobs.stop().catch((err: unknown) => logger.error({ err }, `❌ Job queue did not stop cleanly: ${(err as Error).message}`));
        await deps.db.end();
        await deps.database.stop();
        logger.info('✅ Shutdown complete');
      } catch (err) {
        logger.error({ err }, `❌ Error during shutdown: ${(err as Error).message}`);
      } finally {
        clearTimeout(deadline);
        logger.flush?.();
        process.exit(0);
      }
    });
    // Idle keep-alive sockets would otherwise hold close() open until they time out.
    server.closeIdleConnections();
  };
}

void main();
