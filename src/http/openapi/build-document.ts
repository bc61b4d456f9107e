import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../lib/logger.js';
import { createDb, poolOptionsFrom } from '../../db/pool.js';
import { systemClock } from '../../lib/clock.js';
import { createApp } from '../../app.js';
import { createReadiness } from '../health.routes.js';
import { generateDocument } from './registry.js';
import { appVersion } from '../../lib/version.js';

/**
 * The OpenAPI document as the running server would serve it. The app is assembled with a pool that is
 * never used (pg connects lazily), so no database is needed to build the document.
 */
export function buildOpenApiDocument(version = appVersion()) {
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'd'.repeat(64),
    DB_HOST: '127.0.0.1',
    DB_PORT: '9',
    SESSION_PRUNE_INTERVAL_SECONDS: '0',
  });
  const logger = createLogger({ level: 'silent', pretty: false });
  const db = createDb(poolOptionsFrom(config, config.db.connection!), logger);
  const built = createApp({ config, logger, db, clock: systemClock, readiness: createReadiness(db), version, clientDist: null });
  built.close();
  void db.end();
  return generateDocument(built.registry, version);
}
