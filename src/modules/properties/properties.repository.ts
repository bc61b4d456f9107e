import type { Queryable } from '../../db/pool.js';
import { fetchPage, sqlParams, type Page, type PageInput } from '../../lib/paging.js';
import { setClause } from '../../lib/sql-set.js';

export interface PropertyRow {
  id: number;
  client_id: number;
  name: string;
  address_line1: string;
  address_line2: string | null;
  city: string;
  postal_code: string;
  district: string;
  property_type: string;
  access_instructions_enc: string | null;
  is_primary: boolean;
  is_active: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface PropertyFields {
  name?: string;
  addressLine1?: string;
  addressLine2?: string | null;
  city?: string;
  postalCode?: string;
  district?: string;
  propertyType?: string;
  accessInstructionsEnc?: string | null;
}

const COLUMNS = `p.id, p.client_id, p.name, p.address_line1, p.address_line2, p.city, p.postal_code, p.district, p.property_type,
  p.access_instructions_enc, p.is_primary, p.is_active, p.created_at, p.updated_at, p.version`;
const FIELD_COLUMNS: Record<keyof PropertyFields, string> = {
  name: 'name',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  city: 'city',
  postalCode: 'postal_code',
  district: 'district',
  propertyType: 'property_type',
  accessInstructionsEnc: 'access_instructions_enc',
};
export const PROPERTY_SORTS = {
  createdAt: { sql: 'p.created_at', type: 'timestamp' },
  name: { sql: 'lower(p.name)', type: 'text' },
} as const;

export function createPropertiesRepository(db: Queryable) {
  return {
    async listForClient(clientId: number, active: boolean | undefined, page: PageInput): Promise<Page<PropertyRow>> {
      const p = sqlParams();
      const where = [`p.client_id = ${p.add(clientId)}`];
      if (active !== undefined) where.push(`p.is_active = ${p.add(active)}`);
      return fetchPage<PropertyRow, keyof typeof PROPERTY_SORTS>(db, { columns: COLUMNS, from: 'properties p', where, params: p, sorts: PROPERTY_SORTS, id: 'p.id' }, page);
    },

    async allForClient(q: Queryable, clientId: number): Promise<PropertyRow[]> {
      const { rows } = await q.query<PropertyRow>(`SELECT ${COLUMNS} FROM properties p WHERE p.client_id = $1 ORDER BY p.created_at, p.id`, [clientId]);
      return rows;
    },

    async findById(q: Queryable, id: number, forUpdate = false): Promise<PropertyRow | undefined> {
      const { rows } = await q.query<PropertyRow>(`SELECT ${COLUMNS} FROM properties p WHERE p.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
      return rows[0];
    },

    /** Serialises changes to one client's set of properties (who is primary) behind a lock on the client. */
    async lockClient(tx: Queryable, clientId: number): Promise<{ id: number; anonymized_at: Date | null } | undefined> {
      const { rows } = await tx.query<{ id: number; anonymized_at: Date | null }>(`SELECT id, anonymized_at FROM clients WHERE id = $1 FOR UPDATE`, [clientId]);
      return rows[0];
    },

    async currentPrimary(tx: Queryable, clientId: number): Promise<PropertyRow | undefined> {
      const { rows } = await tx.query<PropertyRow>(`SELECT ${COLUMNS} FROM properties p WHERE p.client_id = $1 AND p.is_primary`, [clientId]);
      return rows[0];
    },

    async insert(tx: Queryable, clientId: number, f: Required<Omit<PropertyFields, 'addressLine2' | 'accessInstructionsEnc'>> & PropertyFields, isPrimary: boolean, createdBy: number | null, at: Date): Promise<PropertyRow> {
      const { rows } = await tx.query<PropertyRow>(
        `INSERT INTO properties AS p (client_id, name, address_line1, address_line2, city, postal_code, district, property_type,
                                      access_instructions_enc, is_primary, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING ${COLUMNS}`,
        [clientId, f.name, f.addressLine1, f.addressLine2 ?? null, f.city, f.postalCode, f.district, f.propertyType, f.accessInstructionsEnc ?? null, isPrimary, createdBy, at],
      );
      return rows[0]!;
    },

    async update(tx: Queryable, id: number, version: number, changes: PropertyFields, at: Date): Promise<PropertyRow | undefined> {
      const p = sqlParams([id, version, at]);
      const sets = setClause(changes as Record<string, unknown>, FIELD_COLUMNS, p);
      const { rows } = await tx.query<PropertyRow>(
        `UPDATE properties AS p SET ${[...sets, 'version = p.version + 1', 'updated_at = $3'].join(', ')}
          WHERE p.id = $1 AND p.version = $2 RETURNING ${COLUMNS}`,
        p.values,
      );
      return rows[0];
    },

    async setFlags(tx: Queryable, id: number, flags: { isPrimary?: boolean; isActive?: boolean }, at: Date): Promise<PropertyRow> {
      const { rows } = await tx.query<PropertyRow>(
        `UPDATE properties AS p SET is_primary = COALESCE($2, p.is_primary), is_active = COALESCE($3, p.is_active),
                version = p.version + 1, updated_at = $4
          WHERE p.id = $1 RETURNING ${COLUMNS}`,
        [id, flags.isPrimary ?? null, flags.isActive ?? null, at],
      );
      return rows[0]!;
    },

    /** The property to promote when the primary goes: the oldest remaining, active ones first. */
    async oldestOther(tx: Queryable, clientId: number, exceptId: number): Promise<PropertyRow | undefined> {
      const { rows } = await tx.query<PropertyRow>(
        `SELECT ${COLUMNS} FROM properties p WHERE p.client_id = $1 AND p.id <> $2
          ORDER BY p.is_active DESC, p.created_at, p.id LIMIT 1`,
        [clientId, exceptId],
      );
      return rows[0];
    },

    async delete(tx: Queryable, id: number): Promise<void> {
      await tx.query(`DELETE FROM properties WHERE id = $1`, [id]);
    },

    async anonymiseForClient(tx: Queryable, clientId: number, at: Date): Promise<number> {
      const { rowCount } = await tx.query(
        `UPDATE properties SET name = 'Property ' || id, address_line1 = 'Anonymised', address_line2 = NULL,
                postal_code = left(postal_code, 4) || '-000', access_instructions_enc = NULL, is_active = false,
                version = version + 1, updated_at = $2
          WHERE client_id = $1`,
        [clientId, at],
      );
      return rowCount ?? 0;
    },
  };
}

export type PropertiesRepository = ReturnType<typeof createPropertiesRepository>;
