import type { Queryable } from '../../db/pool.js';
import { containsPattern, fetchPage, sqlParams, type Page, type PageInput } from '../../lib/paging.js';
import { setClause } from '../../lib/sql-set.js';

export interface ClientRow {
  id: number;
  phone: string;
  name: string;
  email: string | null;
  date_of_birth: string | null;
  nif: string | null;
  notes: string | null;
  is_enterprise: boolean;
  company_name: string | null;
  locale: 'pt' | 'en';
  billing: 'per_document' | 'monthly';
  reminders_excluded: boolean;
  is_active: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  anonymized_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface ClientFilters {
  search?: string | undefined;
  active?: boolean | undefined;
}

export interface ClientFields {
  phone?: string;
  name?: string;
  email?: string | null;
  dateOfBirth?: string | null;
  nif?: string | null;
  notes?: string | null;
  isEnterprise?: boolean;
  companyName?: string | null;
  locale?: 'pt' | 'en';
  billing?: 'per_document' | 'monthly';
  remindersExcluded?: boolean;
}

const COLUMNS = `c.id, c.phone, c.name, c.email, c.date_of_birth, c.nif, c.notes, c.is_enterprise, c.company_name, c.locale,
  c.billing, c.reminders_excluded, c.is_active, c.must_change_password, c.last_login_at, c.anonymized_at, c.created_at, c.updated_at, c.version`;
const FIELD_COLUMNS: Record<keyof ClientFields, string> = {
  phone: 'phone',
  name: 'name',
  email: 'email',
  dateOfBirth: 'date_of_birth',
  nif: 'nif',
  notes: 'notes',
  isEnterprise: 'is_enterprise',
  companyName: 'company_name',
  locale: 'locale',
  billing: 'billing',
  remindersExcluded: 'reminders_excluded',
};
export const CLIENT_SORTS = {
  name: { sql: 'lower(c.name)', type: 'text' },
  createdAt: { sql: 'c.created_at', type: 'timestamp' },
} as const;

export function createClientsRepository(db: Queryable) {
  return {
    async list(f: ClientFilters, page: PageInput): Promise<Page<ClientRow>> {
      const p = sqlParams();
      const where: string[] = [];
      if (f.active !== undefined) where.push(`c.is_active = ${p.add(f.active)}`);
      if (f.search) {
        const pattern = p.add(containsPattern(f.search));
        const digits = f.search.replace(/\D/g, '');
        // Phones are stored in E.164, so "912 345" matches by its digits; the NIF matches by prefix.
        const phone = digits.length >= 3 ? ` OR c.phone LIKE ${p.add(containsPattern(digits))}` : '';
        const nif = digits.length >= 3 && digits.length <= 9 ? ` OR c.nif LIKE ${p.add(`${digits}%`)}` : '';
        where.push(`(c.name ILIKE ${pattern} OR c.company_name ILIKE ${pattern} OR c.email ILIKE ${pattern}${phone}${nif})`);
      }
      return fetchPage<ClientRow, keyof typeof CLIENT_SORTS>(db, { columns: COLUMNS, from: 'clients c', where, params: p, sorts: CLIENT_SORTS, id: 'c.id' }, page);
    },

    async findById(q: Queryable, id: number, forUpdate = false): Promise<ClientRow | undefined> {
      const { rows } = await q.query<ClientRow>(`SELECT ${COLUMNS} FROM clients c WHERE c.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
      return rows[0];
    },

    async insert(tx: Queryable, f: ClientFields & { phone: string; name: string }, passwordHash: string, createdBy: number | null, at: Date): Promise<ClientRow> {
      const { rows } = await tx.query<ClientRow>(
        `INSERT INTO clients AS c (phone, name, email, date_of_birth, nif, notes, is_enterprise, company_name, locale, password_hash,
                                   must_change_password, created_by, created_at, updated_at, billing, reminders_excluded)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11, $12, $12, $13, $14)
         RETURNING ${COLUMNS}`,
        [
          f.phone,
          f.name,
          f.email ?? null,
          f.dateOfBirth ?? null,
          f.nif ?? null,
          f.notes ?? null,
          f.isEnterprise ?? false,
          f.companyName ?? null,
          f.locale ?? 'pt',
          passwordHash,
          createdBy,
          at,
          f.billing ?? 'per_document',
          f.remindersExcluded ?? false,
        ],
      );
      return rows[0]!;
    },

    async update(tx: Queryable, id: number, version: number, changes: ClientFields, at: Date): Promise<ClientRow | undefined> {
      const p = sqlParams([id, version, at]);
      const sets = setClause(changes as Record<string, unknown>, FIELD_COLUMNS, p);
      const { rows } = await tx.query<ClientRow>(
        `UPDATE clients AS c SET ${[...sets, 'version = c.version + 1', 'updated_at = $3'].join(', ')}
          WHERE c.id = $1 AND c.version = $2 RETURNING ${COLUMNS}`,
        p.values,
      );
      return rows[0];
    },

    async setActive(tx: Queryable, id: number, active: boolean, at: Date): Promise<ClientRow> {
      const { rows } = await tx.query<ClientRow>(
        `UPDATE clients AS c SET is_active = $2, deactivated_at = CASE WHEN $2 THEN NULL ELSE $3::timestamptz END,
                version = c.version + 1, updated_at = $3
          WHERE c.id = $1 RETURNING ${COLUMNS}`,
        [id, active, at],
      );
      return rows[0]!;
    },

    async setTemporaryPassword(tx: Queryable, id: number, passwordHash: string, at: Date): Promise<ClientRow> {
      const { rows } = await tx.query<ClientRow>(
        `UPDATE clients AS c SET password_hash = $2, must_change_password = true, password_changed_at = $3,
                version = c.version + 1, updated_at = $3
          WHERE c.id = $1 RETURNING ${COLUMNS}`,
        [id, passwordHash, at],
      );
      return rows[0]!;
    },

    /**
     * GDPR erasure of the person: personal fields replaced, login made impossible (an unusable password
     * hash, inactive, a reserved +999 phone that no real number has). The row and its id stay, so
     * financial records keep their client.
     */
    async anonymise(tx: Queryable, id: number, unusableHash: string, at: Date): Promise<ClientRow> {
      const { rows } = await tx.query<ClientRow>(
        `UPDATE clients AS c SET name = 'Anonymised client ' || c.id, phone = '+999' || lpad(c.id::text, 11, '0'),
                email = NULL, date_of_birth = NULL, nif = NULL, notes = NULL, company_name = NULL,
                password_hash = $2, is_active = false, must_change_password = false,
                deactivated_at = COALESCE(c.deactivated_at, $3), anonymized_at = $3, version = c.version + 1, updated_at = $3
          WHERE c.id = $1 RETURNING ${COLUMNS}`,
        [id, unusableHash, at],
      );
      return rows[0]!;
    },
  };
}

export type ClientsRepository = ReturnType<typeof createClientsRepository>;
