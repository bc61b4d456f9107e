import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type pg from 'pg';
import { AppError } from '../../lib/app-error.js';
import type { Logger } from '../../lib/logger.js';

export interface ThrottleConfig {
  loginAccountMax: number;
  loginIpMax: number;
  loginWindowSeconds: number;
  failOpen: boolean;
}

/** Lets metrics count refusals without the throttle knowing about them. */
export interface ThrottleHooks {
  onLimited?: (scope: 'account' | 'ip') => void;
}

export const ACCOUNT_PREFIX = 'login-account';
export const IP_PREFIX = 'login-ip';

/**
 * Failed sign-ins counted per account (5 in 15 minutes) and per IP (50, so a shop behind one NAT is not
 * locked out by one person), in PostgreSQL so every instance shares the counts. A success clears the
 * account's count. When the counter store itself fails we fail closed unless configured otherwise.
 */
export function createLoginThrottle(pool: pg.Pool, config: ThrottleConfig, logger: Logger, hooks: ThrottleHooks = {}) {
  const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false };
  const account = new RateLimiterPostgres({
    ...common,
    keyPrefix: ACCOUNT_PREFIX,
    points: config.loginAccountMax,
    duration: config.loginWindowSeconds,
  });
  const ip = new RateLimiterPostgres({ ...common, keyPrefix: IP_PREFIX, points: config.loginIpMax, duration: config.loginWindowSeconds });

  const limited = (msBeforeNext: number, scope: 'account' | 'ip', key: string) => {
    hooks.onLimited?.(scope);
    const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
    logger.warn({ scope, key, retryAfterSeconds: retryAfter }, `🚫 [RATE-LIMIT] Login blocked (${scope}) for ${retryAfter}s`);
    return new AppError(429, 'RATE_LIMIT_EXCEEDED', 'Too many failed sign-in attempts. Try again later.', { retryAfterSeconds: retryAfter }, {
      'Retry-After': String(retryAfter),
    });
  };

  const storeFailure = (err: unknown) => {
    logger.error({ err }, '❌ Login rate-limit store unavailable');
    if (config.failOpen) return null;
    return new AppError(503, 'RATE_LIMIT_UNAVAILABLE', 'Sign-in is temporarily unavailable. Try again shortly.', undefined, {
      'Retry-After': '5',
    });
  };

  return {
    /** Throws 429 when the account or the IP has used up its failures. */
    async assertAllowed(accountKey: string, ipKey: string): Promise<void> {
      let results: [RateLimiterRes | null, RateLimiterRes | null];
      try {
        results = await Promise.all([account.get(accountKey), ip.get(ipKey)]);
      } catch (err) {
        const failure = storeFailure(err);
        if (failure) throw failure;
        return;
      }
      const [a, i] = results;
      if (a && a.consumedPoints >= config.loginAccountMax) throw limited(a.msBeforeNext, 'account', accountKey);
      if (i && i.consumedPoints >= config.loginIpMax) throw limited(i.msBeforeNext, 'ip', ipKey);
    },
    async recordFailure(accountKey: string, ipKey: string): Promise<void> {
      const settle = async (limiter: RateLimiterPostgres, key: string) => {
        try {
          await limiter.consume(key);
        } catch (res) {
          if (!(res instanceof RateLimiterRes)) logger.error({ err: res }, '❌ Could not count a failed sign-in');
          else logger.warn({ key }, `🚫 [RATE-LIMIT] Limit reached for ${key}`);
        }
      };
      await Promise.all([settle(account, accountKey), settle(ip, ipKey)]);
    },
    async recordSuccess(accountKey: string): Promise<void> {
      await account.delete(accountKey).catch((err: unknown) => logger.error({ err }, '❌ Could not reset a sign-in counter'));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/** Clears sign-in limits: one account (`user:name`, `client:+351…`), one IP, or all of them. */
export async function resetLoginLimits(
  db: { query: (sql: string, values?: unknown[]) => Promise<{ rowCount: number | null }> },
  target?: { account?: string; ip?: string },
): Promise<number> {
  if (target?.account) return (await db.query(`DELETE FROM rate_limits WHERE key = $1`, [`${ACCOUNT_PREFIX}:${target.account}`])).rowCount ?? 0;
  if (target?.ip) return (await db.query(`DELETE FROM rate_limits WHERE key = $1`, [`${IP_PREFIX}:${target.ip}`])).rowCount ?? 0;
  return (await db.query(`DELETE FROM rate_limits WHERE key LIKE 'login-%'`)).rowCount ?? 0;
}
