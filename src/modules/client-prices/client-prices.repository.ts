import type { Queryable } from '../../db/pool.js';
import type { ClientPriceItemValue } from '../../contracts/client-prices.js';

export interface ClientPriceRow {
  id: number;
  client_id: number;
  item: ClientPriceItemValue;
  service_id: number | null;
  service_code: string | null;
  service_name: string | null;
  service_name_en: string | null;
  pricing_unit: 'per_kg' | 'per_item' | null;
  catalogue_cents: number | null;
  price_cents: number;
  valid_from: string;
  valid_to: string | null;
  version: number;
  updated_at: Date;
}

const COLUMNS = `cp.id, cp.client_id, cp.item, cp.service_id, s.code AS service_code, s.name AS service_name, s.name_en AS service_name_en,
  s.pricing_unit, s.price_cents AS catalogue_cents, cp.price_cents, to_char(cp.valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(cp.valid_to, 'YYYY-MM-DD') AS valid_to, cp.version, cp.updated_at`;
const FROM = `client_prices cp LEFT JOIN laundry_services s ON s.id = cp.service_id`;

export interface NewClientPrice {
  clientId: number;
  item: ClientPriceItemValue;
  serviceId: number | null;
  priceCents: number;
  validFrom: string;
  validTo: string | null;
  createdBy: number | null;
  at: Date;
}

export function createClientPricesRepository() {
  return {
    async list(q: Queryable, clientId: number): Promise<ClientPriceRow[]> {
      const { rows } = await q.query<ClientPriceRow>(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE cp.client_id = $1 ORDER BY cp.item DESC, s.code NULLS FIRST, cp.valid_from, cp.id`,
        [clientId],
      );
      return rows;
    },

    async find(q: Queryable, clientId: number, id: number, forUpdate = false): Promise<ClientPriceRow | undefined> {
      const { rows } = await q.query<ClientPriceRow>(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE cp.client_id = $1 AND cp.id = $2 ${forUpdate ? 'FOR UPDATE OF cp' : ''}`,
        [clientId, id],
      );
      return rows[0];
    },

    /** Another price of the same client and item whose days meet [from, to] (to null: open-ended). */
    async overlapping(q: Queryable, p: { clientId: number; item: ClientPriceItemValue; serviceId: number | null; from: string; to: string | null; exceptId?: number }) {
      const { rows } = await q.query<{ id: number }>(
        `SELECT id FROM client_prices
          WHERE client_id = $1 AND item = $2 AND service_id IS NOT DISTINCT FROM $3 AND id <> $6
            AND daterange(valid_from, valid_to, '[]') && daterange($4::date, $5::date, '[]')
          LIMIT 1`,
        [p.clientId, p.item, p.serviceId, p.from, p.to, p.exceptId ?? 0],
      );
      return rows[0]?.id;
    },

    async insert(tx: Queryable, p: NewClientPrice): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO client_prices (client_id, item, service_id, price_cents, valid_from, valid_to, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
        [p.clientId, p.item, p.serviceId, p.priceCents, p.validFrom, p.validTo, p.createdBy, p.at],
      );
      return rows[0]!.id;
    },

    async update(tx: Queryable, id: number, version: number, f: { priceCents: number; validFrom: string; validTo: string | null }, at: Date): Promise<boolean> {
      const { rowCount } = await tx.query(
        `UPDATE client_prices SET price_cents = $3, valid_from = $4, valid_to = $5, updated_at = $6, version = version + 1
          WHERE id = $1 AND version = $2`,
        [id, version, f.priceCents, f.validFrom, f.validTo, at],
      );
      return (rowCount ?? 0) > 0;
    },

    async remove(tx: Queryable, id: number): Promise<void> {
      await tx.query(`DELETE FROM client_prices WHERE id = $1`, [id]);
    },

    /** The client's prices in force on a Lisbon day for these laundry services: service id → cents. */
    async laundryOn(q: Queryable, clientId: number, serviceIds: number[], day: string): Promise<Map<number, number>> {
      const { rows } = await q.query<{ service_id: number; price_cents: number }>(
        `SELECT service_id, price_cents FROM client_prices
          WHERE client_id = $1 AND item = 'laundry_service' AND service_id = ANY($2::bigint[])
            AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to >= $3::date)`,
        [clientId, serviceIds, day],
      );
      return new Map(rows.map((r) => [r.service_id, r.price_cents]));
    },

    /** The client's hourly cleaning rate in force on a Lisbon day, if they have one. */
    async cleaningHourOn(q: Queryable, clientId: number, day: string): Promise<number | undefined> {
      const { rows } = await q.query<{ price_cents: number }>(
        `SELECT price_cents FROM client_prices
          WHERE client_id = $1 AND item = 'cleaning_hour' AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)
          LIMIT 1`,
        [clientId, day],
      );
      return rows[0]?.price_cents;
    },

    /** Locks the client's row so two edits of their prices check overlaps one after the other. */
    async lockClient(tx: Queryable, clientId: number): Promise<boolean> {
      const { rowCount } = await tx.query(`SELECT 1 FROM clients WHERE id = $1 FOR NO KEY UPDATE`, [clientId]);
      return (rowCount ?? 0) > 0;
    },

    async clientExists(q: Queryable, clientId: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM clients WHERE id = $1`, [clientId]);
      return (rowCount ?? 0) > 0;
    },

    async service(q: Queryable, id: number): Promise<{ id: number; is_active: boolean } | undefined> {
      const { rows } = await q.query<{ id: number; is_active: boolean }>(`SELECT id, is_active FROM laundry_services WHERE id = $1`, [id]);
      return rows[0];
    },
  };
}

export type ClientPricesRepository = ReturnType<typeof createClientPricesRepository>;
