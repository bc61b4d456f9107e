import type { Queryable } from '../../db/pool.js';
import { fetchPage, sqlParams, type Page, type PageInput } from '../../lib/paging.js';

export interface Recipient {
  type: 'user' | 'client';
  id: number;
}

export interface NotificationRow {
  id: number;
  type: string;
  params: Record<string, unknown>;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

export interface OutboxRow {
  id: number;
  user_id: number | null;
  client_id: number | null;
  to_address: string;
  type: string;
  params: Record<string, unknown>;
  secret_params_enc: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  locale: 'pt' | 'en';
  /** The notifications a digest mail collects, oldest first; null for an ordinary mail. */
  digest: DigestItem[] | null;
}

export interface DigestItem {
  type: string;
  params: Record<string, unknown>;
  at: string;
}

const COLUMNS = 'n.id, n.type, n.params, n.link, n.read_at, n.created_at';

function owner(r: Recipient, p: ReturnType<typeof sqlParams>): string {
  return r.type === 'user' ? `n.user_id = ${p.add(r.id)}` : `n.client_id = ${p.add(r.id)}`;
}

export function createNotificationsRepository(db: Queryable) {
  return {
    async recipientContact(q: Queryable, r: Recipient): Promise<{ email: string | null; locale: 'pt' | 'en'; is_active: boolean } | undefined> {
      const { rows } = await q.query<{ email: string | null; locale: 'pt' | 'en'; is_active: boolean }>(
        `SELECT email, locale, is_active FROM ${r.type === 'user' ? 'users' : 'clients'} WHERE id = $1`,
        [r.id],
      );
      return rows[0];
    },

    /** Every active master and admin: the recipients of "staff" notifications. */
    async activeStaffIds(q: Queryable): Promise<number[]> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM users WHERE role IN ('master', 'admin') AND is_active ORDER BY id`);
      return rows.map((r) => r.id);
    },

    async insert(tx: Queryable, r: Recipient, type: string, params: unknown, link: string | null, at: Date): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO notifications (user_id, client_id, type, params, link, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [r.type === 'user' ? r.id : null, r.type === 'client' ? r.id : null, type, JSON.stringify(params), link, at],
      );
      return rows[0]!.id;
    },

    async list(r: Recipient, unreadOnly: boolean, page: PageInput): Promise<Page<NotificationRow>> {
      const p = sqlParams();
      const where = [owner(r, p)];
      if (unreadOnly) where.push('n.read_at IS NULL');
      return fetchPage<NotificationRow, 'createdAt'>(
        db,
        { columns: COLUMNS, from: 'notifications n', where, params: p, sorts: { createdAt: { sql: 'n.created_at', type: 'timestamp' } }, id: 'n.id' },
        page,
      );
    },

    async unreadCount(r: Recipient): Promise<number> {
      const p = sqlParams();
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications n WHERE ${owner(r, p)} AND n.read_at IS NULL`, p.values);
      return rows[0]?.n ?? 0;
    },

    /** Marks one of the recipient's own notifications read (the first read time is kept). */
    async markRead(r: Recipient, id: number, at: Date): Promise<NotificationRow | undefined> {
      const p = sqlParams([id, at]);
      const { rows } = await db.query<NotificationRow>(
        `UPDATE notifications n SET read_at = COALESCE(n.read_at, $2) WHERE n.id = $1 AND ${owner(r, p)} RETURNING ${COLUMNS}`,
        p.values,
      );
      return rows[0];
    },

    async markAllRead(r: Recipient, at: Date): Promise<number> {
      const p = sqlParams([at]);
      const { rowCount } = await db.query(`UPDATE notifications n SET read_at = $1 WHERE ${owner(r, p)} AND n.read_at IS NULL`, p.values);
      return rowCount ?? 0;
    },

    async forClient(q: Queryable, clientId: number): Promise<NotificationRow[]> {
      const { rows } = await q.query<NotificationRow>(`SELECT ${COLUMNS} FROM notifications n WHERE n.client_id = $1 ORDER BY n.created_at, n.id`, [clientId]);
      return rows;
    },

    async deleteForClient(tx: Queryable, clientId: number): Promise<number> {
      const { rowCount } = await tx.query(`DELETE FROM notifications WHERE client_id = $1`, [clientId]);
      return rowCount ?? 0;
    },

    // --- e-mail preferences -------------------------------------------------------------------------

    async emailPreference(q: Queryable, r: Recipient, type: string): Promise<boolean | undefined> {
      const { rows } = await q.query<{ email: boolean | null }>(
        `SELECT email FROM notification_preferences WHERE ${r.type === 'user' ? 'user_id' : 'client_id'} = $1 AND type = $2`,
        [r.id, type],
      );
      return rows[0]?.email ?? undefined;
    },

    /** The stored choices of an account per type and channel (null or no row: the default). */
    async preferences(q: Queryable, r: Recipient): Promise<Map<string, { email: boolean | null; push: boolean | null }>> {
      const { rows } = await q.query<{ type: string; email: boolean | null; push: boolean | null }>(
        `SELECT type, email, push FROM notification_preferences WHERE ${r.type === 'user' ? 'user_id' : 'client_id'} = $1`,
        [r.id],
      );
      return new Map(rows.map((row) => [row.type, { email: row.email, push: row.push }]));
    },

    async pushPreference(q: Queryable, userId: number, type: string): Promise<boolean | undefined> {
      const { rows } = await q.query<{ push: boolean | null }>(`SELECT push FROM notification_preferences WHERE user_id = $1 AND type = $2`, [userId, type]);
      return rows[0]?.push ?? undefined;
    },

    /** One channel's choice for one type (the other channel's choice on the same row is kept). */
    async setPreference(tx: Queryable, r: Recipient, type: string, field: 'email' | 'push', on: boolean, at: Date): Promise<void> {
      const column = r.type === 'user' ? 'user_id' : 'client_id';
      const set = field === 'email' ? 'email' : 'push';
      await tx.query(
        `INSERT INTO notification_preferences (${column}, type, ${set}, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (${column}, type) WHERE ${column} IS NOT NULL DO UPDATE SET ${set} = EXCLUDED.${set}, updated_at = EXCLUDED.updated_at`,
        [r.id, type, on, at],
      );
    },

    async preferencesForClient(q: Queryable, clientId: number): Promise<Array<{ type: string; email: boolean; updated_at: Date }>> {
      const { rows } = await q.query<{ type: string; email: boolean; updated_at: Date }>(
        `SELECT type, email, updated_at FROM notification_preferences WHERE client_id = $1 AND email IS NOT NULL ORDER BY type`,
        [clientId],
      );
      return rows;
    },

    async deletePreferencesForClient(tx: Queryable, clientId: number): Promise<void> {
      await tx.query(`DELETE FROM notification_preferences WHERE client_id = $1`, [clientId]);
    },

    // --- e-mail outbox -------------------------------------------------------------------------------

    async insertOutbox(tx: Queryable, r: Recipient, to: string, type: string, params: unknown, secretEnc: string | null, at: Date): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO mail_outbox (user_id, client_id, to_address, type, params, secret_params_enc, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [r.type === 'user' ? r.id : null, r.type === 'client' ? r.id : null, to, type, JSON.stringify(params), secretEnc, at],
      );
      return rows[0]!.id;
    },

    /**
     * Adds a digestible mail to the account's pending digest, or starts one due at `sendAfter`
     * (one pending digest per account, by a unique index, so concurrent messages meet in one row).
     */
    async upsertDigest(tx: Queryable, r: Recipient, to: string, type: string, params: unknown, at: Date, sendAfter: Date): Promise<number> {
      const column = r.type === 'user' ? 'user_id' : 'client_id';
      const item = JSON.stringify([{ type, params, at: at.toISOString() }]);
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO mail_outbox (${column}, to_address, type, params, created_at, send_after, digest)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
         ON CONFLICT (${column}) WHERE ${column} IS NOT NULL AND status = 'pending' AND digest IS NOT NULL
         DO UPDATE SET digest = mail_outbox.digest || EXCLUDED.digest
         RETURNING id`,
        [r.id, to, type, JSON.stringify(params), at, sendAfter, item],
      );
      return rows[0]!.id;
    },

    /** Locks one pending mail that is due for delivery; a mail another worker holds is skipped, not waited for. */
    async claimOutbox(tx: Queryable, id: number, now: Date): Promise<OutboxRow | undefined> {
      const { rows } = await tx.query<OutboxRow>(
        `SELECT m.id, m.user_id, m.client_id, m.to_address, m.type, m.params, m.secret_params_enc, m.status, m.attempts, m.digest,
                COALESCE(u.locale, c.locale, 'pt') AS locale
           FROM mail_outbox m
           LEFT JOIN users u ON u.id = m.user_id
           LEFT JOIN clients c ON c.id = m.client_id
          WHERE m.id = $1 AND m.status = 'pending' AND (m.send_after IS NULL OR m.send_after <= $2)
          FOR UPDATE OF m SKIP LOCKED`,
        [id, now],
      );
      return rows[0];
    },

    /** Sent: the secrets it carried are erased. */
    async outboxSent(tx: Queryable, id: number, at: Date): Promise<void> {
      await tx.query(`UPDATE mail_outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, secret_params_enc = NULL, last_error = NULL WHERE id = $1`, [id, at]);
    },

    async outboxFailed(tx: Queryable, id: number, error: string, final: boolean): Promise<void> {
      await tx.query(
        `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2,
                status = CASE WHEN $3 THEN 'failed' ELSE status END,
                secret_params_enc = CASE WHEN $3 THEN NULL ELSE secret_params_enc END
          WHERE id = $1`,
        [id, error.slice(0, 500), final],
      );
    },

    /** Pending mail created before `before` and due by `now` (a digest waits for its `send_after`). */
    async pendingOutboxIds(before: Date, now: Date, limit = 100): Promise<number[]> {
      const { rows } = await db.query<{ id: number }>(
        `SELECT id FROM mail_outbox WHERE status = 'pending' AND created_at < $1 AND (send_after IS NULL OR send_after <= $2) ORDER BY created_at LIMIT $3`,
        [before, now, limit],
      );
      return rows.map((r) => r.id);
    },

    async outboxForClient(q: Queryable, clientId: number): Promise<Array<{ id: number; type: string; to_address: string; status: string; created_at: Date; sent_at: Date | null }>> {
      const { rows } = await q.query<{ id: number; type: string; to_address: string; status: string; created_at: Date; sent_at: Date | null }>(
        `SELECT id, type, to_address, status, created_at, sent_at FROM mail_outbox WHERE client_id = $1 ORDER BY created_at, id`,
        [clientId],
      );
      return rows;
    },

    async deleteOutboxForClient(tx: Queryable, clientId: number): Promise<number[]> {
      const { rows } = await tx.query<{ id: number }>(`DELETE FROM mail_outbox WHERE client_id = $1 RETURNING id`, [clientId]);
      return rows.map((r) => r.id);
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
