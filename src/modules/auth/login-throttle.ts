import crypto from 'node:crypto';
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

/** Counter keys never hold what was typed: a phone, a name or an address appears in neither the table nor the log. */
function digest(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex').slice(0, 32);
}

/**
 * The account counter's key (issue 16 §1). An identifier that resolves to an account counts under the
 * account's id, so every spelling that signs in as that account (`ADMIN`, a Unicode look-alike that
 * PostgreSQL folds onto it) spends the same allowance; one that resolves to nothing counts under a digest
 * of its normalised form (lower-case username, E.164 phone).
 */
export function accountKey(kind: 'user' | 'client', account: { id: number } | undefined, normalisedIdentifier: string): string {
  return account ? `${kind}#${account.id}` : `${kind}:${digest(normalisedIdentifier)}`;
}

/** The address counter's key: a digest of the client address. */
export function ipKey(ip: string): string {
  return digest(ip);
}

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
    return new AppError(429, 'RATE_LIMIT_EXCEEDED', 'Too many failed password attempts. Try again later.', { retryAfterSeconds: retryAfter }, {
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
    /** Throws 429 when the account or the IP has used up its failures (keys from `accountKey`/`ipKey`). */
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

type Queryable = { query: <R extends object = Record<string, unknown>>(sql: string, values?: unknown[]) => Promise<{ rows: R[]; rowCount: number | null }> };

/**
 * Clears sign-in limits: one account (a username, or a phone already in E.164) under both the keys it
 * may count under (its id, the digest of the identifier), one IP, or all of them.
 */
export async function resetLoginLimits(
  db: Queryable,
  target?: { user?: string; client?: string; ip?: string },
): Promise<number> {
  const remove = async (keys: string[]) =>
    (await db.query(`DELETE FROM rate_limits WHERE key = ANY($1::text[])`, [keys.map((k) => `${ACCOUNT_PREFIX}:${k}`)])).rowCount ?? 0;
  if (target?.user) {
    const name = target.user.toLowerCase();
    const { rows } = await db.query<{ id: number }>(`SELECT id FROM users WHERE lower(username) = $1`, [name]);
    return remove([accountKey('user', undefined, name), ...rows.map((r) => accountKey('user', r, name))]);
  }
  if (target?.client) {
    const { rows } = await db.query<{ id: number }>(`SELECT id FROM clients WHERE phone = $1`, [target.client]);
    return remove([accountKey('client', undefined, target.client), ...rows.map((r) => accountKey('client', r, target.client!))]);
  }
  if (target?.ip) return (await db.query(`DELETE FROM rate_limits WHERE key = $1`, [`${IP_PREFIX}:${ipKey(target.ip)}`])).rowCount ?? 0;
  return (await db.query(`DELETE FROM rate_limits WHERE key LIKE 'login-%'`)).rowCount ?? 0;
}
