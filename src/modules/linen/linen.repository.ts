import type { Queryable } from '../../db/pool.js';

export interface LinenItemRow {
  id: number;
  service_id: number;
  service_name: string;
  label: string;
  quantity: number;
}

export interface JobLinenRow extends LinenItemRow {
  counted: number | null;
}

export function createLinenRepository() {
  return {
    async property(q: Queryable, id: number): Promise<{ id: number; client_id: number } | undefined> {
      const { rows } = await q.query<{ id: number; client_id: number }>(`SELECT id, client_id FROM properties WHERE id = $1`, [id]);
      return rows[0];
    },

    async set(q: Queryable, propertyId: number): Promise<LinenItemRow[]> {
      const { rows } = await q.query<LinenItemRow>(
        `SELECT i.id, i.service_id, s.name AS service_name, i.label, i.quantity
           FROM property_linen_items i JOIN laundry_services s ON s.id = i.service_id WHERE i.property_id = $1 ORDER BY i.position`,
        [propertyId],
      );
      return rows;
    },

    async services(q: Queryable, ids: number[]): Promise<Array<{ id: number; pricing_unit: string; is_active: boolean }>> {
      const { rows } = await q.query<{ id: number; pricing_unit: string; is_active: boolean }>(`SELECT id, pricing_unit, is_active FROM laundry_services WHERE id = ANY($1::bigint[])`, [ids]);
      return rows;
    },

    /** Replaces the set; counts already taken on jobs go with the lines they counted. */
    async replaceSet(tx: Queryable, propertyId: number, items: Array<{ serviceId: number; label: string; quantity: number }>): Promise<void> {
      await tx.query(`DELETE FROM property_linen_items WHERE property_id = $1`, [propertyId]);
      if (items.length === 0) return;
      await tx.query(
        `INSERT INTO property_linen_items (property_id, position, service_id, label, quantity)
         SELECT $1, ord, x."serviceId", x.label, x.quantity
           FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS ("serviceId" bigint, label text, quantity integer)) WITH ORDINALITY AS x("serviceId", label, quantity, ord)`,
        [propertyId, JSON.stringify(items)],
      );
    },

    async forJob(q: Queryable, jobId: number, propertyId: number): Promise<JobLinenRow[]> {
      const { rows } = await q.query<JobLinenRow>(
        `SELECT i.id, i.service_id, s.name AS service_name, i.label, i.quantity, c.quantity AS counted
           FROM property_linen_items i JOIN laundry_services s ON s.id = i.service_id
           LEFT JOIN job_linen_counts c ON c.linen_item_id = i.id AND c.job_id = $1
          WHERE i.property_id = $2 ORDER BY i.position`,
        [jobId, propertyId],
      );
      return rows;
    },

    async saveCount(tx: Queryable, jobId: number, linenItemId: number, quantity: number, by: number, at: Date): Promise<void> {
      await tx.query(
        `INSERT INTO job_linen_counts (job_id, linen_item_id, quantity, counted_by, counted_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (job_id, linen_item_id) DO UPDATE SET quantity = EXCLUDED.quantity, counted_by = EXCLUDED.counted_by, counted_at = EXCLUDED.counted_at`,
        [jobId, linenItemId, quantity, by, at],
      );
    },

    async orderOf(q: Queryable, jobId: number): Promise<{ id: number; order_number: string; status: string } | undefined> {
      const { rows } = await q.query<{ id: number; order_number: string; status: string }>(
        `SELECT o.id, o.order_number, o.status FROM job_linen_orders l JOIN laundry_orders o ON o.id = l.order_id WHERE l.job_id = $1`,
        [jobId],
      );
      return rows[0];
    },

    async linkOrder(tx: Queryable, jobId: number, orderId: number, at: Date): Promise<void> {
      await tx.query(`INSERT INTO job_linen_orders (job_id, order_id, created_at) VALUES ($1, $2, $3)`, [jobId, orderId, at]);
    },
  };
}

export type LinenRepository = ReturnType<typeof createLinenRepository>;
