import type { Queryable } from '../../db/pool.js';
import { sqlParams } from '../../lib/paging.js';
import type { ItemStageValue } from '../../contracts/laundry-floor.js';

/** SQL of the laundry floor: categories, tagged items and their stages, racks (issue 21). */

export interface CategoryRow {
  id: number;
  name: string;
  name_en: string;
  position: number;
  is_active: boolean;
  version: number;
}

export interface ItemRow {
  id: number;
  order_id: number;
  line_id: number;
  seq: number;
  kind: 'item' | 'bag';
  tag_code: string;
  global_code: string;
  description: string;
  category: string | null;
  colour: string | null;
  brand: string | null;
  notes: string | null;
  stage: ItemStageValue;
  stage_changed_at: Date | null;
  version: number;
}

export interface NewItem {
  lineId: number;
  kind: 'item' | 'bag';
  description: string;
  category: string | null;
  colour: string | null;
  brand: string | null;
  notes: string | null;
}

export interface RackRow {
  id: number;
  code: string;
  position: number;
  is_active: boolean;
  version: number;
  order_id: number | null;
  order_number: string | null;
  client_name: string | null;
  ready_at: Date | null;
}

export const ITEM_COLUMNS = `id, order_id, line_id, seq, kind, tag_code, global_code, description, category, colour, brand, notes, stage,
  stage_changed_at, version`;

const CATEGORY_COLUMNS = `id, name, name_en, position, is_active, version`;

const RACK_COLUMNS = `r.id, r.code, r.position, r.is_active, r.version, o.id AS order_id, o.order_number, c.name AS client_name, o.ready_at`;
const RACK_FROM = `laundry_racks r LEFT JOIN laundry_orders o ON o.rack_id = r.id LEFT JOIN clients c ON c.id = o.client_id`;

/** The first active rack no order holds, in board order: a SQL expression usable as a sub-select. */
export const NEXT_FREE_RACK_SQL = `SELECT json_build_object('id', fr.id, 'code', fr.code) FROM laundry_racks fr
  WHERE fr.is_active AND NOT EXISTS (SELECT 1 FROM laundry_orders ro WHERE ro.rack_id = fr.id)
  ORDER BY fr.position, fr.code, fr.id LIMIT 1`;

export function createLaundryFloorRepository() {
  return {
    async categories(q: Queryable, activeOnly: boolean): Promise<CategoryRow[]> {
      const { rows } = await q.query<CategoryRow>(
        `SELECT ${CATEGORY_COLUMNS} FROM laundry_categories ${activeOnly ? 'WHERE is_active' : ''} ORDER BY is_active DESC, position, name, id`,
      );
      return rows;
    },

    async category(q: Queryable, id: number): Promise<CategoryRow | undefined> {
      const { rows } = await q.query<CategoryRow>(`SELECT ${CATEGORY_COLUMNS} FROM laundry_categories WHERE id = $1`, [id]);
      return rows[0];
    },

    async insertCategory(q: Queryable, c: { name: string; nameEn: string; position: number }, by: number, at: Date): Promise<CategoryRow> {
      const { rows } = await q.query<CategoryRow>(
        `INSERT INTO laundry_categories (name, name_en, position, updated_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
         RETURNING ${CATEGORY_COLUMNS}`,
        [c.name, c.nameEn, c.position, by, at],
      );
      return rows[0]!;
    },

    async updateCategory(q: Queryable, id: number, version: number, changes: Record<string, unknown>, by: number, at: Date): Promise<CategoryRow | undefined> {
      const p = sqlParams([id, version, by, at]);
      const sets = ['updated_by = $3', 'updated_at = $4', 'version = version + 1'];
      for (const [column, value] of Object.entries(changes)) if (value !== undefined) sets.push(`${column} = ${p.add(value)}`);
      const { rows } = await q.query<CategoryRow>(`UPDATE laundry_categories SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING ${CATEGORY_COLUMNS}`, p.values);
      return rows[0];
    },

    async itemCount(q: Queryable, orderId: number): Promise<{ count: number; maxSeq: number }> {
      const { rows } = await q.query<{ count: number; max_seq: number }>(
        `SELECT count(*)::int AS count, COALESCE(max(seq), 0)::int AS max_seq FROM laundry_items WHERE order_id = $1`,
        [orderId],
      );
      return { count: rows[0]!.count, maxSeq: rows[0]!.max_seq };
    },

    /**
     * Tags the new items of an order, numbered on from `firstSeq`: `003-07` is the order's day number and
     * the item's, the global code the whole order number with it.
     */
    async insertItems(q: Queryable, order: { id: number; orderNumber: string }, firstSeq: number, items: NewItem[], at: Date): Promise<void> {
      if (items.length === 0) return;
      const dayNumber = order.orderNumber.slice(order.orderNumber.lastIndexOf('-') + 1);
      const width = Math.max(2, String(firstSeq + items.length - 1).length);
      const columns = {
        line: [] as number[],
        seq: [] as number[],
        kind: [] as string[],
        tag: [] as string[],
        global: [] as string[],
        description: [] as string[],
        category: [] as Array<string | null>,
        colour: [] as Array<string | null>,
        brand: [] as Array<string | null>,
        notes: [] as Array<string | null>,
      };
      items.forEach((item, i) => {
        const seq = firstSeq + i;
        const tag = `${dayNumber}-${String(seq).padStart(width, '0')}`;
        columns.line.push(item.lineId);
        columns.seq.push(seq);
        columns.kind.push(item.kind);
        columns.tag.push(tag);
        columns.global.push(`${order.orderNumber}-${String(seq).padStart(width, '0')}`);
        columns.description.push(item.description);
        columns.category.push(item.category);
        columns.colour.push(item.colour);
        columns.brand.push(item.brand);
        columns.notes.push(item.notes);
      });
      // One statement whatever the count (arrays unnested), so a 500-piece order is one round trip.
      await q.query(
        `INSERT INTO laundry_items (order_id, line_id, seq, kind, tag_code, global_code, description, category, colour, brand, notes, created_at, updated_at)
         SELECT $1, * , $12, $12 FROM unnest($2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
        [
          order.id,
          columns.line,
          columns.seq,
          columns.kind,
          columns.tag,
          columns.global,
          columns.description,
          columns.category,
          columns.colour,
          columns.brand,
          columns.notes,
          at,
        ],
      );
    },

    async items(q: Queryable, orderId: number): Promise<ItemRow[]> {
      const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM laundry_items WHERE order_id = $1 ORDER BY seq`, [orderId]);
      return rows;
    },

    /** A page of an order's items after `afterSeq`, for documents that stream (labels). */
    async itemsAfter(q: Queryable, orderId: number, afterSeq: number, limit: number): Promise<ItemRow[]> {
      const { rows } = await q.query<ItemRow>(
        `SELECT ${ITEM_COLUMNS} FROM laundry_items WHERE order_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [orderId, afterSeq, limit],
      );
      return rows;
    },

    async itemByCode(q: Queryable, globalCode: string): Promise<ItemRow | undefined> {
      const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM laundry_items WHERE global_code = $1`, [globalCode]);
      return rows[0];
    },

    async item(q: Queryable, id: number, forUpdate = false): Promise<ItemRow | undefined> {
      const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM laundry_items WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
      return rows[0];
    },

    async setStage(q: Queryable, id: number, stage: ItemStageValue, at: Date): Promise<ItemRow> {
      const { rows } = await q.query<ItemRow>(
        `UPDATE laundry_items SET stage = $2, stage_changed_at = $3, updated_at = $3, version = version + 1 WHERE id = $1 RETURNING ${ITEM_COLUMNS}`,
        [id, stage, at],
      );
      return rows[0]!;
    },

    async addStageHistory(q: Queryable, h: { itemId: number; from: string; to: string; by: number | null; note: string | null; isRevert: boolean; at: Date }) {
      await q.query(
        `INSERT INTO laundry_item_stage_history (item_id, from_stage, to_stage, changed_by, note, is_revert, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [h.itemId, h.from, h.to, h.by, h.note, h.isRevert, h.at],
      );
    },

    async updateItem(q: Queryable, id: number, version: number, changes: Record<string, unknown>, at: Date): Promise<ItemRow | undefined> {
      const p = sqlParams([id, version, at]);
      const sets = ['updated_at = $3', 'version = version + 1'];
      for (const [column, value] of Object.entries(changes)) if (value !== undefined) sets.push(`${column} = ${p.add(value)}`);
      const { rows } = await q.query<ItemRow>(`UPDATE laundry_items SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING ${ITEM_COLUMNS}`, p.values);
      return rows[0];
    },

    async stageCounts(q: Queryable, orderId: number): Promise<{ total: number; ready: number; started: number }> {
      const { rows } = await q.query<{ total: number; ready: number; started: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE stage = 'ready')::int AS ready,
                count(*) FILTER (WHERE stage <> 'received')::int AS started
           FROM laundry_items WHERE order_id = $1`,
        [orderId],
      );
      return rows[0]!;
    },

    async nextFreeRack(q: Queryable): Promise<{ id: number; code: string } | null> {
      const { rows } = await q.query<{ r: { id: number; code: string } | null }>(`SELECT (${NEXT_FREE_RACK_SQL}) AS r`);
      return rows[0]?.r ?? null;
    },

    async racks(q: Queryable, filters: { includeInactive: boolean; q?: string | undefined }): Promise<RackRow[]> {
      const p = sqlParams();
      const where: string[] = [];
      if (!filters.includeInactive) where.push('r.is_active');
      if (filters.q) {
        const pattern = p.add(`%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
        where.push(`(r.code ILIKE ${pattern} OR o.order_number ILIKE ${pattern} OR c.name ILIKE ${pattern})`);
      }
      const { rows } = await q.query<RackRow>(
        `SELECT ${RACK_COLUMNS} FROM ${RACK_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.is_active DESC, r.position, r.code, r.id`,
        p.values,
      );
      return rows;
    },

    async rack(q: Queryable, id: number, forUpdate = false): Promise<RackRow | undefined> {
      const { rows } = await q.query<RackRow>(`SELECT ${RACK_COLUMNS} FROM ${RACK_FROM} WHERE r.id = $1 ${forUpdate ? 'FOR UPDATE OF r' : ''}`, [id]);
      return rows[0];
    },

    async insertRack(q: Queryable, r: { code: string; position: number }, at: Date): Promise<number> {
      const { rows } = await q.query<{ id: number }>(
        `INSERT INTO laundry_racks (code, position, created_at, updated_at) VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING RETURNING id`,
        [r.code, r.position, at],
      );
      return rows[0]?.id ?? 0;
    },

    async updateRack(q: Queryable, id: number, version: number, changes: Record<string, unknown>, at: Date): Promise<boolean> {
      const p = sqlParams([id, version, at]);
      const sets = ['updated_at = $3', 'version = version + 1'];
      for (const [column, value] of Object.entries(changes)) if (value !== undefined) sets.push(`${column} = ${p.add(value)}`);
      const { rowCount } = await q.query(`UPDATE laundry_racks SET ${sets.join(', ')} WHERE id = $1 AND version = $2`, p.values);
      return (rowCount ?? 0) > 0;
    },

    async rackCodeTaken(q: Queryable, code: string, exceptId: number | null): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM laundry_racks WHERE upper(code) = upper($1) AND id IS DISTINCT FROM $2`, [code, exceptId]);
      return (rowCount ?? 0) > 0;
    },

    async setOrderRack(q: Queryable, orderId: number, rackId: number | null, at: Date): Promise<void> {
      await q.query(`UPDATE laundry_orders SET rack_id = $2, updated_at = $3, version = version + 1 WHERE id = $1`, [orderId, rackId, at]);
    },
  };
}

export type LaundryFloorRepository = ReturnType<typeof createLaundryFloorRepository>;
