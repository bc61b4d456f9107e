import type { Queryable } from '../../db/pool.js';

export interface AccountRow {
  id: number;
  type: 'user' | 'client';
  role: 'master' | 'admin' | 'worker' | 'client';
  name: string;
  username: string | null;
  phone: string | null;
  password_hash: string;
  is_active: boolean;
  must_change_password: boolean;
  locale: 'pt' | 'en';
}

const USER_COLUMNS = `id, 'user' AS type, role, name, username, phone, password_hash, is_active, must_change_password, locale`;
const CLIENT_COLUMNS = `id, 'client' AS type, 'client' AS role, name, NULL AS username, phone, password_hash, is_active, must_change_password, locale`;

export function createAuthRepository(db: Queryable) {
  return {
    async findUserByUsername(username: string): Promise<AccountRow | undefined> {
      const { rows } = await db.query<AccountRow>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(username) = lower($1)`, [username]);
      return rows[0];
    },
    async findClientByPhone(phone: string): Promise<AccountRow | undefined> {
      const { rows } = await db.query<AccountRow>(`SELECT ${CLIENT_COLUMNS} FROM clients WHERE phone = $1`, [phone]);
      return rows[0];
    },
    async findAccount(type: 'user' | 'client', id: number): Promise<AccountRow | undefined> {
      const sql = type === 'user' ? `SELECT ${USER_COLUMNS} FROM users WHERE id = $1` : `SELECT ${CLIENT_COLUMNS} FROM clients WHERE id = $1`;
      const { rows } = await db.query<AccountRow>(sql, [id]);
      return rows[0];
    },
    async recordLogin(type: 'user' | 'client', id: number, at: Date): Promise<void> {
      await db.query(`UPDATE ${type === 'user' ? 'users' : 'clients'} SET last_login_at = $2 WHERE id = $1`, [id, at]);
    },
    async setPassword(type: 'user' | 'client', id: number, passwordHash: string, at: Date): Promise<void> {
      await db.query(
        `UPDATE ${type === 'user' ? 'users' : 'clients'}
            SET password_hash = $2, must_change_password = false, password_changed_at = $3, updated_at = $3
          WHERE id = $1`,
        [id, passwordHash, at],
      );
    },
    /**
     * Replaces an imported bcrypt hash with its Argon2id one, unless the password changed meanwhile (a
     * second sign-in at the same moment finds the new hash and leaves it). Does not count as a change.
     */
    async upgradeHash(type: 'user' | 'client', id: number, legacyHash: string, passwordHash: string, mustChange: boolean): Promise<void> {
      await db.query(
        `UPDATE ${type === 'user' ? 'users' : 'clients'}
            SET password_hash = $3, must_change_password = must_change_password OR $4
          WHERE id = $1 AND password_hash = $2`,
        [id, legacyHash, passwordHash, mustChange],
      );
    },
    async updateProfile(type: 'user' | 'client', id: number, changes: { name?: string; locale?: string }, at: Date): Promise<void> {
      await db.query(
        `UPDATE ${type === 'user' ? 'users' : 'clients'}
            SET name = COALESCE($2, name), locale = COALESCE($3, locale), updated_at = $4
          WHERE id = $1`,
        [id, changes.name ?? null, changes.locale ?? null, at],
      );
    },
    /** Ends every session of an account, optionally keeping one (the caller's own). */
    async endSessions(principal: string, exceptSid?: string): Promise<number> {
      const { rowCount } = await db.query(
        `DELETE FROM session WHERE (sess -> 'auth' ->> 'principal') = $1 AND ($2::text IS NULL OR sid <> $2)`,
        [principal, exceptSid ?? null],
      );
      return rowCount ?? 0;
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
