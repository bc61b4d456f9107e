import type { Queryable } from '../../db/pool.js';

export type AccountType = 'user' | 'client';

export interface ResetAccount {
  type: AccountType;
  id: number;
  email: string | null;
  username: string | null;
  phone: string | null;
  is_active: boolean;
}

export interface TokenRow {
  id: number;
  user_id: number | null;
  client_id: number | null;
  expires_at: Date;
  used_at: Date | null;
}

export function createPasswordResetRepository() {
  return {
    /** Active accounts an identifier names: an e-mail (staff and clients), a phone (a client) or a username. */
    async accountsFor(q: Queryable, identifier: { email?: string; phone?: string; username?: string }): Promise<ResetAccount[]> {
      if (identifier.email) {
        const { rows } = await q.query<ResetAccount>(
          `SELECT 'user' AS type, id, email, username, phone, is_active FROM users WHERE lower(email) = lower($1) AND is_active
           UNION ALL
           SELECT 'client' AS type, id, email, NULL, phone, is_active FROM clients WHERE lower(email) = lower($1) AND is_active AND anonymized_at IS NULL`,
          [identifier.email],
        );
        return rows;
      }
      if (identifier.phone) {
        const { rows } = await q.query<ResetAccount>(
          `SELECT 'client' AS type, id, email, NULL AS username, phone, is_active FROM clients WHERE phone = $1 AND is_active AND anonymized_at IS NULL`,
          [identifier.phone],
        );
        return rows;
      }
      const { rows } = await q.query<ResetAccount>(
        `SELECT 'user' AS type, id, email, username, phone, is_active FROM users WHERE lower(username) = lower($1) AND is_active`,
        [identifier.username ?? ''],
      );
      return rows;
    },

    async account(q: Queryable, type: AccountType, id: number): Promise<ResetAccount | undefined> {
      const sql =
        type === 'user'
          ? `SELECT 'user' AS type, id, email, username, phone, is_active FROM users WHERE id = $1`
          : `SELECT 'client' AS type, id, email, NULL AS username, phone, is_active FROM clients WHERE id = $1 AND anonymized_at IS NULL`;
      const { rows } = await q.query<ResetAccount>(sql, [id]);
      return rows[0];
    },

    /** A new token replaces every earlier unused one of the account: only the latest link works. */
    async issue(tx: Queryable, type: AccountType, id: number, hash: string, channel: 'email' | 'staff_link', createdBy: number | null, at: Date, expiresAt: Date): Promise<void> {
      const column = type === 'user' ? 'user_id' : 'client_id';
      await tx.query(`DELETE FROM password_reset_tokens WHERE ${column} = $1 AND used_at IS NULL`, [id]);
      await tx.query(
        `INSERT INTO password_reset_tokens (${column}, token_hash, channel, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, hash, channel, createdBy, at, expiresAt],
      );
    },

    async claim(tx: Queryable, hash: string): Promise<TokenRow | undefined> {
      const { rows } = await tx.query<TokenRow>(
        `SELECT id, user_id, client_id, expires_at, used_at FROM password_reset_tokens WHERE token_hash = $1 FOR UPDATE`,
        [hash],
      );
      return rows[0];
    },

    async markUsed(tx: Queryable, tokenId: number, at: Date): Promise<void> {
      await tx.query(`UPDATE password_reset_tokens SET used_at = $2 WHERE id = $1`, [tokenId, at]);
    },

    async forClient(q: Queryable, clientId: number): Promise<Array<{ channel: string; created_at: Date; expires_at: Date; used_at: Date | null }>> {
      const { rows } = await q.query<{ channel: string; created_at: Date; expires_at: Date; used_at: Date | null }>(
        `SELECT channel, created_at, expires_at, used_at FROM password_reset_tokens WHERE client_id = $1 ORDER BY created_at`,
        [clientId],
      );
      return rows;
    },

    async deleteForClient(tx: Queryable, clientId: number): Promise<void> {
      await tx.query(`DELETE FROM password_reset_tokens WHERE client_id = $1`, [clientId]);
    },

    async pruneExpired(q: Queryable, before: Date): Promise<number> {
      const { rowCount } = await q.query(`DELETE FROM password_reset_tokens WHERE expires_at < $1`, [before]);
      return rowCount ?? 0;
    },
  };
}

export type PasswordResetRepository = ReturnType<typeof createPasswordResetRepository>;
