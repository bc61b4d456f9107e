import type { Queryable } from '../../db/pool.js';
import { sqlParams } from '../../lib/paging.js';

export interface ServiceRow {
  id: number;
  code: string;
  name: string;
  name_en: string;
  pricing_unit: 'per_kg' | 'per_item';
  price_cents: number;
  minimum_charge_cents: number | null;
  is_package: boolean;
  package_includes: string[];
  description: string | null;
  category_id: number | null;
  position: number;
  turnaround_days: number;
  express_kind: 'percent' | 'fixed' | null;
  express_value: number | null;
  express_turnaround_days: number | null;
  is_active: boolean;
  version: number;
  updated_at: Date;
}

/** Columns a catalogue change may set (undefined: unchanged). */
export interface ServiceChanges {
  name?: string | undefined;
  name_en?: string | undefined;
  category_id?: number | undefined;
  price_cents?: number | undefined;
  minimum_charge_cents?: number | null | undefined;
  description?: string | null | undefined;
  position?: number | undefined;
  turnaround_days?: number | undefined;
  express_kind?: 'percent' | 'fixed' | null | undefined;
  express_value?: number | null | undefined;
  express_turnaround_days?: number | null | undefined;
  is_active?: boolean | undefined;
}

export type NewService = Pick<
  ServiceRow,
  | 'code' | 'name' | 'name_en' | 'pricing_unit' | 'price_cents' | 'minimum_charge_cents' | 'description' | 'category_id' | 'position'
  | 'turnaround_days' | 'express_kind' | 'express_value' | 'express_turnaround_days'
>;

const SERVICE_COLUMNS = `id, code, name, name_en, pricing_unit, price_cents, minimum_charge_cents, is_package, package_includes,
  description, category_id, position, turnaround_days, express_kind, express_value, express_turnaround_days, is_active, version, updated_at`;

/** The service catalogue: the services an order's lines are priced from, and their changes. */
export function createLaundryServicesRepository(db: Queryable) {
  return {
    async listServices(activeOnly: boolean): Promise<ServiceRow[]> {
      const { rows } = await db.query<ServiceRow>(
        `SELECT ${SERVICE_COLUMNS} FROM laundry_services ${activeOnly ? 'WHERE is_active' : ''} ORDER BY is_active DESC, position, name, id`,
      );
      return rows;
    },

    async findServices(q: Queryable, ids: number[]): Promise<ServiceRow[]> {
      const { rows } = await q.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM laundry_services WHERE id = ANY($1::bigint[])`, [ids]);
      return rows;
    },

    async findService(q: Queryable, id: number): Promise<ServiceRow | undefined> {
      return (await this.findServices(q, [id]))[0];
    },

    async updateService(tx: Queryable, id: number, version: number, changes: ServiceChanges, by: number, at: Date): Promise<ServiceRow | undefined> {
      const p = sqlParams([id, version, by, at]);
      const sets = ['updated_by = $3', 'updated_at = $4', 'version = version + 1'];
      for (const [column, value] of Object.entries(changes)) if (value !== undefined) sets.push(`${column} = ${p.add(value)}`);
      const { rows } = await tx.query<ServiceRow>(`UPDATE laundry_services SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING ${SERVICE_COLUMNS}`, p.values);
      return rows[0];
    },

    async insertService(tx: Queryable, s: NewService, by: number, at: Date): Promise<ServiceRow> {
      const { rows } = await tx.query<ServiceRow>(
        `INSERT INTO laundry_services (code, name, name_en, pricing_unit, price_cents, minimum_charge_cents, description, category_id, position,
           turnaround_days, express_kind, express_value, express_turnaround_days, updated_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
         RETURNING ${SERVICE_COLUMNS}`,
        [s.code, s.name, s.name_en, s.pricing_unit, s.price_cents, s.minimum_charge_cents, s.description, s.category_id, s.position,
          s.turnaround_days, s.express_kind, s.express_value, s.express_turnaround_days, by, at],
      );
      return rows[0]!;
    },

    /** Codes already taken that start with `stem` (a new service's code is the first free of STEM, STEM_2, …). */
    async codesLike(q: Queryable, stem: string): Promise<Set<string>> {
      const { rows } = await q.query<{ code: string }>(`SELECT code FROM laundry_services WHERE code LIKE $1`, [`${stem}%`]);
      return new Set(rows.map((r) => r.code));
    },
  };
}
