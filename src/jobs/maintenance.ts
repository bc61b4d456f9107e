import type { Queryable } from '../db/pool.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';

export interface PruneCounts {
  sessions: number;
  idempotencyKeys: number;
  rateLimits: number;
}

/**
 * Removes what has expired: sessions past their expiry, replay records past the Idempotency-Key TTL,
 * and sign-in counters whose window has closed. Run by the job queue once per cluster (not by every
 * instance on its own timer), and safe to run twice.
 */
export function createMaintenance({ db, clock, logger, idempotencyTtlHours }: { db: Queryable; clock: Clock; logger: Logger; idempotencyTtlHours: number }) {
  return {
    async prune(): Promise<PruneCounts> {
      const now = clock.now();
      const sessions = await db.query(`DELETE FROM session WHERE expire < $1`, [now]);
      const keys = await db.query(`DELETE FROM idempotency_keys WHERE created_at < $1`, [new Date(now.getTime() - idempotencyTtlHours * 3_600_000)]);
      // rate-limiter-flexible stores the window end as epoch milliseconds.
      const limits = await db.query(`DELETE FROM rate_limits WHERE expire IS NOT NULL AND expire < $1`, [now.getTime()]);
      const counts = { sessions: sessions.rowCount ?? 0, idempotencyKeys: keys.rowCount ?? 0, rateLimits: limits.rowCount ?? 0 };
      logger.info({ event: 'maintenance.prune', ...counts }, '✅ Expired sessions, replay records and sign-in counters pruned');
      return counts;
    },
  };
}

export type Maintenance = ReturnType<typeof createMaintenance>;
