import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import compression from 'compression';
import type { Config } from '../config/config.js';
import type { Db } from '../db/pool.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import { requestContext } from '../lib/request-context.js';
import type { Routes } from './endpoint.js';
import { correlationId } from './middleware/correlation.js';
import { requestLogger } from './middleware/request-logger.js';
import { securityHeaders } from './middleware/security-headers.js';
import { originPolicy } from './middleware/origin-policy.js';
import { jsonBody } from './middleware/json-body.js';
import { jsonGzip } from './middleware/json-gzip.js';
import { loadActor, sessionMiddleware, type SessionStore } from './middleware/session.js';
import { idempotency } from './middleware/idempotency.js';
import { apiRateLimit } from './middleware/api-rate-limit.js';
import { apiNotFound, errorHandler } from './middleware/error-handler.js';
import { docsRouter } from './docs.routes.js';
import type { Metrics } from './metrics.js';

/** Routes that take multipart bodies (their own parser runs there). */
const MULTIPART_PATHS = [
  /^\/requests\/[^/]+\/photos$/,
  /^\/threads\/[^/]+\/[^/]+\/photo-messages$/,
  /^\/cleaning-jobs\/[^/]+\/photos$/,
  /^\/laundry-items\/[^/]+\/condition-photos$/,
  /^\/imports$/,
  /^\/business\/logo$/,
];

export interface PipelineDeps {
  config: Config;
  logger: Logger;
  db: Db;
  clock: Clock;
  metrics: Metrics;
  /** The API's routes, and the health probes mounted before any session or rate-limit work. */
  routes: Routes;
  probes: Routes;
  sessionStore: SessionStore;
  version: string;
  /** The built web app served with an index fallback, or null for none. */
  clientDist: string | null;
}

/** The middleware every request goes through, in order, around the API's routes and the web app. */
export function mountPipeline(app: Express, { config, logger, db, clock, metrics, routes, probes, sessionStore, version, clientDist }: PipelineDeps): void {
  app.use(correlationId());
  app.use((req, _res, next) => {
    // The audit log records where a change came from (req.ip honours the trusted proxy hop count).
    const ctx = requestContext.get();
    if (ctx) ctx.ip = req.ip;
    next();
  });
  app.use(metrics.observeRequests);
  app.use(requestLogger(logger));
  app.use(securityHeaders(config.isProduction));
  // gzip for the web app's scripts and CSV streams; images are already compressed and left alone. JSON
  // answers are gzipped in one pass by jsonGzip (after compression, so compression leaves them alone).
  app.use(compression());
  app.use(jsonGzip());
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(originPolicy(config.corsOrigins));
  if (config.docsEnabled) app.use(docsRouter(routes.registry, version));
  app.use(probes.router);
  // After the probes (a load balancer's checks are never limited), before any parsing or session work.
  app.use('/api', apiRateLimit(db.pool, config.rateLimit.api, logger, () => metrics.rateLimitTriggered('api', 'ip')));
  // A shared report answers whoever holds a link: its own, stricter count per address (issue 20 §5).
  app.use('/api/shared-reports', apiRateLimit(db.pool, config.rateLimit.sharedReport, logger, () => metrics.rateLimitTriggered('shared-report', 'ip'), 'shared-report-ip'));
  app.use('/api', jsonBody(config.bodyLimitKb, MULTIPART_PATHS));
  app.use('/api', sessionMiddleware(sessionStore, config));
  app.use('/api', loadActor(config, clock));
  app.use('/api', idempotency(db, logger, [/^\/auth\//]));
  app.use(routes.router);
  app.use('/api', apiNotFound);

  if (clientDist && fs.existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h', setHeaders: immutableAssets }));
    app.get(/^(?!\/api(\/|$)).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDist, 'index.html'));
    });
  }

  app.use(errorHandler(logger));
}

/**
 * Vite's hashed asset names never change content, so browsers may keep them for a year. The service worker
 * (web push) keeps its name: always revalidated, so a release's worker is picked up at once, and allowed
 * the whole site as its scope.
 */
function immutableAssets(res: express.Response, filePath: string) {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else if (path.basename(filePath) === 'sw.js') {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Service-Worker-Allowed', '/');
  }
}
