import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type ClientRateLimitInfo, type Store } from 'express-rate-limit';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type pg from 'pg';
import { AppError } from '../../lib/app-error.js';
import type { Logger } from '../../lib/logger.js';

export interface ApiRateLimitConfig {
  /** Requests per address per window; 0 turns the limit off. */
  max: number;
  windowSeconds: number;
  /** Loopback callers (tests, the dev server, the e2e suite) are not limited outside production. */
  exemptLoopback: boolean;
}

export const API_IP_PREFIX = 'api-ip';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * express-rate-limit's store on the counters every instance shares (the `rate_limits` table, on the
 * shared pool), so the limit holds cluster-wide: one upsert per request, no table of its own to create
 * at run time (the app role owns nothing).
 */
function postgresStore(pool: pg.Pool, config: ApiRateLimitConfig, keyPrefix: string): Store {
  const counter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix,
    points: config.max,
    duration: config.windowSeconds,
  });
  return {
    async increment(key: string): Promise<ClientRateLimitInfo> {
      const res = await counter.penalty(key, 1);
      return { totalHits: res.consumedPoints, resetTime: new Date(Date.now() + res.msBeforeNext) };
    },
    async decrement(key: string) {
      await counter.reward(key, 1);
    },
    async resetKey(key: string) {
      await counter.delete(key);
    },
  };
}

/**
 * A generous per-address limit on the whole API (issue 16 §8): a runaway script or a scraper is slowed
 * down before it hurts everyone else. Sign-in keeps its own, much stricter, per-account limiter. When
 * the counter store fails the request passes: the database being down is answered by the route itself.
 */
export function apiRateLimit(pool: pg.Pool, config: ApiRateLimitConfig, logger: Logger, onLimited?: () => void, scope = API_IP_PREFIX): RequestHandler {
  if (config.max <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: config.windowSeconds * 1000,
    limit: config.max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    passOnStoreError: true,
    // Its start-up checks write to the console; the key below is already the proxy-resolved address.
    validate: false,
    store: postgresStore(pool, config, scope),
    // A digest of the address (an IPv6 caller by its /56): the counter table holds no addresses.
    keyGenerator: (req) => crypto.createHash('sha256').update(ipKeyGenerator(req.ip ?? 'unknown')).digest('hex').slice(0, 32),
    skip: (req) => config.exemptLoopback && LOOPBACK.has(req.ip ?? ''),
    handler: (req, _res, next) => {
      const resetAt = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = resetAt ? Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000)) : config.windowSeconds;
      onLimited?.();
      logger.warn({ scope, path: req.path, retryAfterSeconds: retryAfter }, `🚫 [RATE-LIMIT] Too many requests from one address`);
      next(
        new AppError(429, 'RATE_LIMIT_EXCEEDED', 'Too many requests. Try again shortly.', { retryAfterSeconds: retryAfter, limit: config.max }, {
          'Retry-After': String(retryAfter),
        }),
      );
    },
  });
}
