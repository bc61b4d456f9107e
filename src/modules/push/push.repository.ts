import type { Db, Queryable } from '../../db/pool.js';

export interface SubscriptionRow {
  id: number;
  user_id: number;
  endpoint: string;
  created_at: Date;
  updated_at: Date;
}

export interface PushOutboxRow {
  id: number;
  subscription_id: number;
  type: string;
  params: Record<string, unknown>;
  link: string | null;
  attempts: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_id: number;
  role: 'master' | 'admin' | 'worker';
  locale: 'pt' | 'en';
  is_active: boolean;
}

export function createPushRepository(db: Db) {
  return {
    /**
     * One row per endpoint: the same device subscribing again refreshes its keys, and a device now used by
     * another account moves to it (whoever holds the browser's subscription receives its pushes).
     */
    async upsert(q: Queryable, userId: number, s: { endpoint: string; p256dh: string; auth: string; userAgent: string | null }, at: Date): Promise<{ row: SubscriptionRow; created: boolean }> {
      const { rows } = await q.query<SubscriptionRow & { created: boolean }>(
        `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, user_agent, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
                user_agent = EXCLUDED.user_agent, updated_at = EXCLUDED.updated_at
         RETURNING id, user_id, endpoint, created_at, updated_at, (xmax = 0) AS created`,
        [userId, s.endpoint, s.p256dh, s.auth, s.userAgent, at],
      );
      const { created, ...row } = rows[0]!;
      return { row, created };
    },

    /** Keeps the user's `keep` most recently refreshed subscriptions and removes the rest; returns how many went. */
    async keepNewest(q: Queryable, userId: number, keep: number): Promise<number> {
      const { rowCount } = await q.query(
        `DELETE FROM push_subscriptions WHERE user_id = $1
            AND id NOT IN (SELECT id FROM push_subscriptions WHERE user_id = $1 ORDER BY updated_at DESC, id DESC LIMIT $2)`,
        [userId, keep],
      );
      return rowCount ?? 0;
    },

    /** Removes the caller's own subscription for that endpoint; false when there is none of theirs. */
    async deleteOwn(userId: number, endpoint: string): Promise<boolean> {
      const { rowCount } = await db.query(`DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2`, [userId, endpoint]);
      return (rowCount ?? 0) > 0;
    },

    async countFor(userId: number): Promise<number> {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = $1`, [userId]);
      return rows[0]!.n;
    },

    async idsFor(q: Queryable, userId: number): Promise<number[]> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM push_subscriptions WHERE user_id = $1 ORDER BY id`, [userId]);
      return rows.map((r) => r.id);
    },

    async insertOutbox(q: Queryable, subscriptionId: number, type: string, params: unknown, link: string | null, at: Date): Promise<number> {
      const { rows } = await q.query<{ id: number }>(
        `INSERT INTO push_outbox (subscription_id, type, params, link, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [subscriptionId, type, JSON.stringify(params), link, at],
      );
      return rows[0]!.id;
    },

    /**
     * Takes one pending push for a lease (until `until`) with its subscription and recipient, in a statement
     * of its own: the caller sends with no connection held. A push another worker holds (its lease not yet
     * over) is not taken; a concurrent claim waits for this one's row lock and then finds the lease.
     */
    async claim(id: number, now: Date, until: Date): Promise<PushOutboxRow | undefined> {
      const { rows } = await db.query<PushOutboxRow>(
        `UPDATE push_outbox o SET sending_until = $3
           FROM push_subscriptions s JOIN users u ON u.id = s.user_id
          WHERE o.id = $1 AND o.status = 'pending' AND s.id = o.subscription_id AND (o.sending_until IS NULL OR o.sending_until <= $2)
         RETURNING o.id, o.subscription_id, o.type, o.params, o.link, o.attempts, s.endpoint, s.p256dh, s.auth, s.user_id, u.role, u.locale, u.is_active`,
        [id, now, until],
      );
      return rows[0];
    },

    async discard(tx: Queryable, id: number): Promise<void> {
      await tx.query(`DELETE FROM push_outbox WHERE id = $1`, [id]);
    },

    async delivered(tx: Queryable, row: PushOutboxRow, at: Date): Promise<void> {
      await tx.query(`DELETE FROM push_outbox WHERE id = $1`, [row.id]);
      await tx.query(`UPDATE push_subscriptions SET last_success_at = $2 WHERE id = $1`, [row.subscription_id, at]);
    },

    /** The push service says the subscription is gone: it and everything still queued for it go. */
    async dropSubscription(tx: Queryable, subscriptionId: number): Promise<void> {
      await tx.query(`DELETE FROM push_subscriptions WHERE id = $1`, [subscriptionId]);
    },

    async failed(tx: Queryable, id: number, error: string, final: boolean): Promise<void> {
      await tx.query(`UPDATE push_outbox SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, sending_until = NULL WHERE id = $1`, [
        id,
        error.slice(0, 500),
        final,
      ]);
    },

    /** Pending pushes recorded before `before` (queued before a crash, or never queued) that nobody holds at `now`. */
    async pendingIds(before: Date, now: Date, limit = 100): Promise<number[]> {
      const { rows } = await db.query<{ id: number }>(
        `SELECT id FROM push_outbox WHERE status = 'pending' AND created_at < $1 AND (sending_until IS NULL OR sending_until <= $2) ORDER BY created_at LIMIT $3`,
        [before, now, limit],
      );
      return rows.map((r) => r.id);
    },
  };
}

export type PushRepository = ReturnType<typeof createPushRepository>;
