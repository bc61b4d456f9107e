import type { Queryable } from '../../db/pool.js';
import { containsPattern, fetchPage, sqlParams, type Page, type PageInput } from '../../lib/paging.js';
import { setClause } from '../../lib/sql-set.js';
import type { StaffRoleName } from '../../contracts/users.js';

export interface UserRow {
  id: number;
  username: string;
  role: StaffRoleName;
  name: string;
  email: string | null;
  phone: string | null;
  date_of_birth: string | null;
  nif: string | null;
  locale: 'pt' | 'en';
  is_active: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface UserFilters {
  search?: string | undefined;
  role?: StaffRoleName | undefined;
  active?: boolean | undefined;
}

export interface UserFields {
  username?: string;
  role?: StaffRoleName;
  name?: string;
  email?: string | null;
  phone?: string | null;
  dateOfBirth?: string | null;
  nif?: string | null;
  locale?: 'pt' | 'en';
}

const COLUMNS = `u.id, u.username, u.role, u.name, u.email, u.phone, u.date_of_birth, u.nif, u.locale, u.is_active,
  u.must_change_password, u.last_login_at, u.created_at, u.updated_at, u.version`;
const FIELD_COLUMNS: Record<keyof UserFields, string> = {
  username: 'username',
  role: 'role',
  name: 'name',
  email: 'email',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  nif: 'nif',
  locale: 'locale',
};
export const USER_SORTS = {
  name: { sql: 'lower(u.name)', type: 'text' },
  username: { sql: 'lower(u.username)', type: 'text' },
  createdAt: { sql: 'u.created_at', type: 'timestamp' },
} as const;
export type UserSort = keyof typeof USER_SORTS;

export function createUsersRepository(db: Queryable) {
  return {
    async list(f: UserFilters, page: PageInput): Promise<Page<UserRow>> {
      const p = sqlParams();
      const where: string[] = [];
      if (f.role) where.push(`u.role = ${p.add(f.role)}`);
      if (f.active !== undefined) where.push(`u.is_active = ${p.add(f.active)}`);
      if (f.search) {
        const pattern = p.add(containsPattern(f.search));
        where.push(`(u.name ILIKE ${pattern} OR u.username ILIKE ${pattern} OR u.email ILIKE ${pattern} OR u.phone ILIKE ${pattern})`);
      }
      return fetchPage<UserRow, UserSort>(db, { columns: COLUMNS, from: 'users u', where, params: p, sorts: USER_SORTS, id: 'u.id' }, page);
    },

    async findById(q: Queryable, id: number, forUpdate = false): Promise<UserRow | undefined> {
      const { rows } = await q.query<UserRow>(`SELECT ${COLUMNS} FROM users u WHERE u.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
      return rows[0];
    },

    async insert(tx: Queryable, fields: Required<Pick<UserFields, 'username' | 'role' | 'name'>> & UserFields, passwordHash: string, createdBy: number | null, at: Date): Promise<UserRow> {
      const { rows } = await tx.query<UserRow>(
        `INSERT INTO users AS u (username, role, name, email, phone, date_of_birth, nif, locale, password_hash, must_change_password, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10, $11, $11)
         RETURNING ${COLUMNS}`,
        [fields.username, fields.role, fields.name, fields.email ?? null, fields.phone ?? null, fields.dateOfBirth ?? null, fields.nif ?? null, fields.locale ?? 'pt', passwordHash, createdBy, at],
      );
      return rows[0]!;
    },

    /** Applies the changes only when the record is still at `version`; undefined means it moved on. */
    async update(tx: Queryable, id: number, version: number, changes: UserFields, at: Date): Promise<UserRow | undefined> {
      const p = sqlParams([id, version, at]);
      const sets = setClause(changes as Record<string, unknown>, FIELD_COLUMNS, p);
      const { rows } = await tx.query<UserRow>(
        `UPDATE users AS u SET ${[...sets, 'version = u.version + 1', 'updated_at = $3'].join(', ')}
          WHERE u.id = $1 AND u.version = $2 RETURNING ${COLUMNS}`,
        p.values,
      );
      return rows[0];
    },

    async setActive(tx: Queryable, id: number, active: boolean, at: Date): Promise<UserRow> {
      const { rows } = await tx.query<UserRow>(
        `UPDATE users AS u SET is_active = $2, deactivated_at = CASE WHEN $2 THEN NULL ELSE $3::timestamptz END,
                version = u.version + 1, updated_at = $3
          WHERE u.id = $1 RETURNING ${COLUMNS}`,
        [id, active, at],
      );
      return rows[0]!;
    },

    async setTemporaryPassword(tx: Queryable, id: number, passwordHash: string, at: Date): Promise<UserRow> {
      const { rows } = await tx.query<UserRow>(
        `UPDATE users AS u SET password_hash = $2, must_change_password = true, password_changed_at = $3,
                version = u.version + 1, updated_at = $3
          WHERE u.id = $1 RETURNING ${COLUMNS}`,
        [id, passwordHash, at],
      );
      return rows[0]!;
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
