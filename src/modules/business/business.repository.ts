import type { Queryable } from '../../db/pool.js';

export interface BusinessRow {
  name: string;
  legal_name: string;
  address: string;
  nif: string;
  phone: string;
  email: string;
  logo_file: string | null;
  version: number;
  updated_by: number | null;
  updated_at: Date;
}

export interface BusinessFields {
  name: string;
  legal_name: string;
  address: string;
  nif: string;
  phone: string;
  email: string;
  logo_file: string | null;
}

const COLUMNS = 'name, legal_name, address, nif, phone, email, logo_file, version, updated_by, updated_at';

export function createBusinessRepository() {
  return {
    /** The one row (the migration creates it; a database without it reads as the built-in name). */
    async get(q: Queryable, forUpdate = false): Promise<BusinessRow> {
      const { rows } = await q.query<BusinessRow>(`SELECT ${COLUMNS} FROM business_identity WHERE id = 1${forUpdate ? ' FOR UPDATE' : ''}`);
      return rows[0] ?? { name: 'Lavandaria', legal_name: '', address: '', nif: '', phone: '', email: '', logo_file: null, version: 0, updated_by: null, updated_at: new Date(0) };
    },

    /** Writes the identity if its version is still `expected`; undefined when someone else got there first. */
    async write(tx: Queryable, f: BusinessFields, expected: number, by: number | null, at: Date): Promise<BusinessRow | undefined> {
      const { rows } = await tx.query<BusinessRow>(
        `INSERT INTO business_identity (id, name, legal_name, address, nif, phone, email, logo_file, version, updated_by, updated_at)
         VALUES (1, $1, $2, $3, $4, $5, $6, $7, 1, $8, $9)
         ON CONFLICT (id) DO UPDATE SET name = $1, legal_name = $2, address = $3, nif = $4, phone = $5, email = $6, logo_file = $7,
           version = business_identity.version + 1, updated_by = $8, updated_at = $9
         WHERE business_identity.version = $10
         RETURNING ${COLUMNS}`,
        [f.name, f.legal_name, f.address, f.nif, f.phone, f.email, f.logo_file, by, at, expected],
      );
      return rows[0];
    },
  };
}

export type BusinessRepository = ReturnType<typeof createBusinessRepository>;
