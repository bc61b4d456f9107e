import type { Queryable } from '../../db/pool.js';
import { jsonRows } from '../../lib/json-rows.js';
import { containsPattern, fetchPage, oneOf, sqlParams, type Page, type PageInput, type SortColumn } from '../../lib/paging.js';
import type { LaundryStatus } from './laundry-status.js';
import { ITEM_COLUMNS, NEXT_FREE_RACK_SQL, type ItemRow } from './laundry-floor.repository.js';
import { createLaundryServicesRepository, type ServiceRow } from './laundry-services.repository.js';
import { laundryPaymentStatusSql } from '../receivables/document-payment-status.js';
import { userName } from '../../db/user-name.js';
import type { DocumentPaymentStatusValue } from '../../contracts/accounts.js';

/** Characters an order number can contain (LDR-YYYYMMDD-N), for the text search. */
const ORDER_NUMBER_TEXT = /^[LDR0-9-]+$/i;

export interface OrderRow {
  id: number;
  request_id: number | null;
  order_number: string;
  order_day: string;
  client_id: number;
  client_name: string;
  client_phone: string;
  client_email: string | null;
  client_billing: 'per_document' | 'monthly';
  /** The last payment reminder sent for this order (issue 19 §6). */
  reminded_at: Date | null;
  client_active: boolean;
  order_type: 'bulk_kg' | 'itemized' | 'house_bundle';
  status: LaundryStatus;
  assigned_worker_id: number | null;
  assigned_worker_name: string | null;
  expected_ready_date: string | null;
  special_instructions: string | null;
  internal_notes: string | null;
  delivery_requested: boolean;
  delivery_property_id: number | null;
  delivery_address: string | null;
  delivery_date: string | null;
  additional_charges_cents: number;
  additional_charges_note: string | null;
  discount_cents: number;
  delivery_fee_cents: number;
  vat_rate_bp: number;
  lines_total_cents: number;
  subtotal_cents: number;
  vat_cents: number;
  total_cents: number;
  ready_at: Date | null;
  collected_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  line_count: number;
  express: boolean;
  rack_id: number | null;
  rack_code: string | null;
  /** unpaid / partial / paid / not_priced, the account's definition (issue 19). */
  payment_status: DocumentPaymentStatusValue;
}

export interface LineRow {
  id: number;
  order_id: number;
  position: number;
  service_id: number;
  service_code: string;
  service_name: string;
  service_name_en: string;
  pricing_unit: 'per_kg' | 'per_item';
  unit_price_cents: number;
  minimum_charge_cents: number | null;
  weight_grams: number | null;
  quantity: number | null;
  item_type: string | null;
  item_category: string | null;
  condition_notes: string | null;
  special_treatment: string | null;
  base_cents: number;
  minimum_applied: boolean;
  express_cents: number;
  total_cents: number;
  client_price: boolean;
}

export interface HistoryRow {
  id: number;
  from_status: LaundryStatus | null;
  to_status: LaundryStatus;
  changed_by: number | null;
  changed_by_name: string | null;
  note: string | null;
  is_revert: boolean;
  changed_at: Date;
}

/** An order read with its detail in one statement, plus the columns the caller added. */
export type OrderDetailRow<Extra extends object = object> = OrderRow &
  Extra & { lines: LineRow[]; history: HistoryRow[]; items: ItemRow[]; suggested_rack: { id: number; code: string } | null };

export interface NewLine {
  position: number;
  service: ServiceRow;
  weightGrams: number | null;
  quantity: number | null;
  itemType: string | null;
  itemCategory: string | null;
  conditionNotes: string | null;
  specialTreatment: string | null;
  /** The unit price applied (the client's own, or the catalogue's), snapshotted on the line. */
  unitPriceCents: number;
  clientPrice: boolean;
  bags: number;
  colour: string | null;
  brand: string | null;
  expressCents: number;
  baseCents: number;
  minimumApplied: boolean;
  totalCents: number;
}

export interface OrderTotals {
  linesTotalCents: number;
  subtotalCents: number;
  vatCents: number;
  totalCents: number;
}

export interface NewOrder {
  orderNumber: string;
  orderDay: string;
  clientId: number;
  orderType: string;
  express: boolean;
  assignedWorkerId: number | null;
  expectedReadyDate: string | null;
  specialInstructions: string | null;
  internalNotes: string | null;
  deliveryRequested: boolean;
  deliveryPropertyId: number | null;
  deliveryAddress: string | null;
  deliveryDate: string | null;
  additionalChargesCents: number;
  additionalChargesNote: string | null;
  discountCents: number;
  deliveryFeeCents: number;
  vatRateBasisPoints: number;
  totals: OrderTotals;
  createdBy: number | null;
  at: Date;
  /** The client request the order was made from (issue 23). */
  requestId?: number | null;
}

export interface OrderFilters {
  status?: LaundryStatus[] | undefined;
  clientId?: number | undefined;
  assignedWorkerId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  paymentStatus?: DocumentPaymentStatusValue[] | undefined;
}

const ORDER_COLUMNS = `o.id, o.order_number, o.order_day, o.client_id, c.name AS client_name, c.phone AS client_phone,
  c.email AS client_email, c.is_active AS client_active, c.billing AS client_billing,
  (SELECT max(r.sent_at) FROM document_reminders r WHERE r.line = 'laundry' AND r.document_id = o.id) AS reminded_at, o.order_type, o.status, o.assigned_worker_id,
  w.name AS assigned_worker_name, o.expected_ready_date, o.special_instructions, o.internal_notes, o.delivery_requested,
  o.delivery_property_id, o.delivery_address, o.delivery_date, o.additional_charges_cents, o.additional_charges_note,
  o.discount_cents, o.delivery_fee_cents, o.vat_rate_bp, o.lines_total_cents, o.subtotal_cents, o.vat_cents, o.total_cents,
  o.ready_at, o.collected_at, o.delivered_at, o.cancelled_at, o.cancel_reason, o.version, o.created_at, o.updated_at, o.request_id,
  (SELECT count(*) FROM laundry_order_lines l WHERE l.order_id = o.id)::int AS line_count, o.express, o.rack_id, rk.code AS rack_code,
  ${laundryPaymentStatusSql('o')} AS payment_status`;

const ORDER_JOINS = `JOIN clients c ON c.id = o.client_id LEFT JOIN users w ON w.id = o.assigned_worker_id LEFT JOIN laundry_racks rk ON rk.id = o.rack_id`;
const ORDER_FROM = `laundry_orders o ${ORDER_JOINS}`;

const LINE_COLUMNS = `id, order_id, position, service_id, service_code, service_name, service_name_en, pricing_unit, unit_price_cents,
  minimum_charge_cents, weight_grams, quantity, item_type, item_category, condition_notes, special_treatment, base_cents,
  minimum_applied, express_cents, total_cents, client_price`;

const HISTORY_COLUMNS = `h.id, h.from_status, h.to_status, h.changed_by, ${userName('h.changed_by')} AS changed_by_name, h.note, h.is_revert, h.changed_at`;
const HISTORY_FROM = `laundry_order_status_history h`;

export const ORDER_SORTS = {
  createdAt: { sql: 'o.created_at', type: 'timestamp' },
  orderNumber: { sql: 'o.order_number', type: 'text' },
  expectedReadyDate: { sql: "COALESCE(o.expected_ready_date, DATE '9999-12-31')::timestamptz", type: 'timestamp' },
  total: { sql: 'o.total_cents', type: 'number' },
} satisfies Record<string, SortColumn>;
export type OrderSortKey = keyof typeof ORDER_SORTS;

/**
 * The whole list, or a status filter alone, is answered from the kept per-status counts
 * (migration 1764930000000) instead of counting up to the cap on every page.
 */
function keptOrderTotal(filters: OrderFilters): { sql: string; values: unknown[] } | undefined {
  const { status, ...others } = filters;
  if (Object.values(others).some((v) => v !== undefined && v !== null && v !== '')) return undefined;
  return status?.length
    ? { sql: `SELECT COALESCE(sum(orders), 0)::bigint AS n FROM laundry_order_status_counts WHERE status = ANY($1::text[])`, values: [status] }
    : { sql: `SELECT COALESCE(sum(orders), 0)::bigint AS n FROM laundry_order_status_counts`, values: [] };
}

export function createLaundryRepository(db: Queryable) {
  return {
    ...createLaundryServicesRepository(db),

    /** The next number of a Lisbon day, taken under the counter row's lock in the caller's transaction. */
    async nextOrderNumber(tx: Queryable, day: string): Promise<number> {
      const { rows } = await tx.query<{ last_number: number }>(
        `INSERT INTO laundry_order_counters (day, last_number) VALUES ($1, 1)
         ON CONFLICT (day) DO UPDATE SET last_number = laundry_order_counters.last_number + 1
         RETURNING last_number`,
        [day],
      );
      return rows[0]!.last_number;
    },

    async insertOrder(tx: Queryable, o: NewOrder): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO laundry_orders (order_number, order_day, client_id, order_type, assigned_worker_id, expected_ready_date,
           special_instructions, internal_notes, delivery_requested, delivery_property_id, delivery_address, delivery_date,
           additional_charges_cents, additional_charges_note, discount_cents, delivery_fee_cents, vat_rate_bp,
           lines_total_cents, subtotal_cents, vat_cents, total_cents, priced_at, created_by, created_at, updated_at, express, request_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$22,$22,$24,$25)
         RETURNING id`,
        [
          o.orderNumber,
          o.orderDay,
          o.clientId,
          o.orderType,
          o.assignedWorkerId,
          o.expectedReadyDate,
          o.specialInstructions,
          o.internalNotes,
          o.deliveryRequested,
          o.deliveryPropertyId,
          o.deliveryAddress,
          o.deliveryDate,
          o.additionalChargesCents,
          o.additionalChargesNote,
          o.discountCents,
          o.deliveryFeeCents,
          o.vatRateBasisPoints,
          o.totals.linesTotalCents,
          o.totals.subtotalCents,
          o.totals.vatCents,
          o.totals.totalCents,
          o.at,
          o.createdBy,
          o.express,
          o.requestId ?? null,
        ],
      );
      return rows[0]!.id;
    },

    /** Inserts the lines and answers their ids, in the order given. */
    async insertLines(tx: Queryable, orderId: number, lines: NewLine[]): Promise<number[]> {
      if (lines.length === 0) return [];
      const p = sqlParams([orderId]);
      const tuples = lines.map(
        (l) =>
          `($1, ${p.add(l.position)}, ${p.add(l.service.id)}, ${p.add(l.service.code)}, ${p.add(l.service.name)}, ${p.add(l.service.name_en)},
            ${p.add(l.service.pricing_unit)}, ${p.add(l.unitPriceCents)}, ${p.add(l.service.minimum_charge_cents)},
            ${p.add(l.weightGrams)}, ${p.add(l.quantity)}, ${p.add(l.itemType)}, ${p.add(l.itemCategory)}, ${p.add(l.conditionNotes)},
            ${p.add(l.specialTreatment)}, ${p.add(l.baseCents)}, ${p.add(l.minimumApplied)}, ${p.add(l.expressCents)}, ${p.add(l.totalCents)}, ${p.add(l.clientPrice)})`,
      );
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO laundry_order_lines (order_id, position, service_id, service_code, service_name, service_name_en, pricing_unit,
           unit_price_cents, minimum_charge_cents, weight_grams, quantity, item_type, item_category, condition_notes,
           special_treatment, base_cents, minimum_applied, express_cents, total_cents, client_price)
         VALUES ${tuples.join(', ')}
         RETURNING id`,
        p.values,
      );
      // INSERT … VALUES … RETURNING answers in the order of VALUES.
      return rows.map((r) => r.id);
    },

    async deleteLine(tx: Queryable, orderId: number, lineId: number): Promise<boolean> {
      const { rowCount } = await tx.query(`DELETE FROM laundry_order_lines WHERE order_id = $1 AND id = $2`, [orderId, lineId]);
      return (rowCount ?? 0) > 0;
    },

    async findOrder(q: Queryable, id: number, forUpdate = false): Promise<OrderRow | undefined> {
      const { rows } = await q.query<OrderRow>(
        `SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.id = $1 ${forUpdate ? 'FOR UPDATE OF o' : ''}`,
        [id],
      );
      return rows[0];
    },

    /**
     * An order with its lines and status history in one statement (JSON aggregates), plus the caller's
     * `extraColumns` about the same order (the payments block, written against `o.id`): the detail is one
     * round trip instead of one per part.
     */
    async findOrderDetail<Extra extends object = object>(q: Queryable, id: number, extraColumns = ''): Promise<OrderDetailRow<Extra> | undefined> {
      const { rows } = await q.query<OrderDetailRow<Extra> & { lines: unknown; history: unknown; items: unknown }>(
        `SELECT ${ORDER_COLUMNS},
           (SELECT COALESCE(json_agg(x ORDER BY x.position, x.id), '[]'::json)
              FROM (SELECT ${LINE_COLUMNS} FROM laundry_order_lines WHERE order_id = o.id) x) AS lines,
           (SELECT COALESCE(json_agg(x ORDER BY x.changed_at, x.id), '[]'::json)
              FROM (SELECT ${HISTORY_COLUMNS} FROM ${HISTORY_FROM} WHERE h.order_id = o.id) x) AS history,
           (SELECT COALESCE(json_agg(x ORDER BY x.seq), '[]'::json)
              FROM (SELECT ${ITEM_COLUMNS} FROM laundry_items WHERE order_id = o.id) x) AS items,
           CASE WHEN o.status = 'ready' AND o.rack_id IS NULL THEN (${NEXT_FREE_RACK_SQL}) END AS suggested_rack
           ${extraColumns ? `, ${extraColumns}` : ''}
         FROM ${ORDER_FROM} WHERE o.id = $1`,
        [id],
        { prepare: true },
      );
      const row = rows[0];
      if (!row) return undefined;
      row.lines = jsonRows<LineRow>(row.lines, []);
      row.history = jsonRows<HistoryRow>(row.history, ['changed_at']);
      row.items = jsonRows<ItemRow>(row.items, ['stage_changed_at']);
      return row;
    },

    async lines(q: Queryable, orderId: number): Promise<LineRow[]> {
      const { rows } = await q.query<LineRow>(`SELECT ${LINE_COLUMNS} FROM laundry_order_lines WHERE order_id = $1 ORDER BY position, id`, [orderId]);
      return rows;
    },

    async history(q: Queryable, orderId: number): Promise<HistoryRow[]> {
      const { rows } = await q.query<HistoryRow>(
        `SELECT ${HISTORY_COLUMNS} FROM ${HISTORY_FROM} WHERE h.order_id = $1 ORDER BY h.changed_at, h.id`,
        [orderId],
      );
      return rows;
    },

    async addHistory(
      tx: Queryable,
      h: { orderId: number; from: LaundryStatus | null; to: LaundryStatus; by: number | null; note: string | null; isRevert: boolean; at: Date },
    ): Promise<void> {
      await tx.query(
        `INSERT INTO laundry_order_status_history (order_id, from_status, to_status, changed_by, note, is_revert, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [h.orderId, h.from, h.to, h.by, h.note, h.isRevert, h.at],
      );
    },

    async setStatus(
      tx: Queryable,
      id: number,
      status: LaundryStatus,
      stamps: Partial<Record<'ready_at' | 'collected_at' | 'delivered_at' | 'cancelled_at', Date | null>>,
      cancelReason: string | null | undefined,
      at: Date,
    ): Promise<void> {
      const p = sqlParams([id, status, at]);
      // A rack holds ready orders only: any other status lets go of it (collection frees the shelf).
      const sets = ['status = $2', 'updated_at = $3', 'version = version + 1', "rack_id = CASE WHEN $2 = 'ready' THEN rack_id END"];
      for (const [column, value] of Object.entries(stamps)) sets.push(`${column} = ${p.add(value)}`);
      if (cancelReason !== undefined) sets.push(`cancel_reason = ${p.add(cancelReason)}`);
      await tx.query(`UPDATE laundry_orders SET ${sets.join(', ')} WHERE id = $1`, p.values);
    },

    async updateOrder(tx: Queryable, id: number, fields: Record<string, unknown>, totals: OrderTotals, at: Date): Promise<void> {
      const p = sqlParams([id, at]);
      const sets = ['updated_at = $2', 'version = version + 1'];
      for (const [column, value] of Object.entries(fields)) sets.push(`${column} = ${p.add(value)}`);
      sets.push(
        `lines_total_cents = ${p.add(totals.linesTotalCents)}`,
        `subtotal_cents = ${p.add(totals.subtotalCents)}`,
        `vat_cents = ${p.add(totals.vatCents)}`,
        `total_cents = ${p.add(totals.totalCents)}`,
        `priced_at = $2`,
      );
      await tx.query(`UPDATE laundry_orders SET ${sets.join(', ')} WHERE id = $1`, p.values);
    },

    async listOrders(filters: OrderFilters, page: PageInput): Promise<Page<OrderRow>> {
      const params = sqlParams();
      const where: string[] = [];
      if (filters.status?.length) where.push(oneOf('o.status', filters.status, params));
      if (filters.clientId) where.push(`o.client_id = ${params.add(filters.clientId)}`);
      if (filters.assignedWorkerId) where.push(`o.assigned_worker_id = ${params.add(filters.assignedWorkerId)}`);
      if (filters.from) where.push(`o.order_day >= ${params.add(filters.from)}::date`);
      if (filters.to) where.push(`o.order_day <= ${params.add(filters.to)}::date`);
      if (filters.paymentStatus?.length) where.push(oneOf(laundryPaymentStatusSql('o'), filters.paymentStatus, params));
      if (filters.q) {
        const pattern = params.add(containsPattern(filters.q));
        // Both sides are served by trigram indexes and combined as one bitmap: the matching clients are
        // found first (an array, so the planner sees a short list rather than guessing half the table) and
        // their orders read by client; the filter never needs the join.
        // An order number (LDR-YYYYMMDD-N) holds only those letters, digits and dashes: text with any other
        // character cannot be part of one, and skipping that lookup saves the trigram index a scan of every
        // trigram of a name (11 ms of the 14 for a three-word name on 200 000 orders).
        const byClient = `o.client_id = ANY (ARRAY(SELECT id FROM clients WHERE name ILIKE ${pattern}))`;
        where.push(ORDER_NUMBER_TEXT.test(filters.q) ? `(o.order_number ILIKE ${pattern} OR ${byClient})` : byClient);
      }
      return fetchPage<OrderRow, OrderSortKey>(
        db,
        { columns: ORDER_COLUMNS, from: ORDER_FROM, countFrom: 'laundry_orders o', lateJoins: ORDER_JOINS, where, params, sorts: ORDER_SORTS, id: 'o.id', keptTotal: keptOrderTotal(filters) },
        page,
      );
    },

    async lastHistory(q: Queryable, orderId: number): Promise<HistoryRow | undefined> {
      const rows = await this.history(q, orderId);
      return rows[rows.length - 1];
    },

    async activeWorker(q: Queryable, id: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'worker' AND is_active`, [id]);
      return (rowCount ?? 0) > 0;
    },

    async clientProperty(q: Queryable, clientId: number, propertyId: number): Promise<{ address: string } | undefined> {
      const { rows } = await q.query<{ address: string }>(
        `SELECT concat_ws(', ', address_line1, address_line2, postal_code || ' ' || city) AS address
           FROM properties WHERE id = $1 AND client_id = $2 AND is_active`,
        [propertyId, clientId],
      );
      return rows[0];
    },

    async client(q: Queryable, id: number): Promise<{ id: number; is_active: boolean; anonymized: boolean } | undefined> {
      const { rows } = await q.query<{ id: number; is_active: boolean; anonymized: boolean }>(
        `SELECT id, is_active, anonymized_at IS NOT NULL AS anonymized FROM clients WHERE id = $1`,
        [id],
      );
      return rows[0];
    },

    async ordersOfClient(q: Queryable, clientId: number): Promise<OrderRow[]> {
      const { rows } = await q.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.client_id = $1 ORDER BY o.created_at, o.id`, [clientId]);
      return rows;
    },

    async linesOfOrders(q: Queryable, orderIds: number[]): Promise<LineRow[]> {
      const { rows } = await q.query<LineRow>(`SELECT ${LINE_COLUMNS} FROM laundry_order_lines WHERE order_id = ANY($1::bigint[]) ORDER BY order_id, position, id`, [orderIds]);
      return rows;
    },

    /** GDPR anonymisation: free-text fields may hold personal data; money and statuses stay for the books. */
    async anonymiseClientOrders(tx: Queryable, clientId: number): Promise<void> {
      await tx.query(
        `UPDATE laundry_orders SET special_instructions = NULL, internal_notes = NULL, delivery_address = NULL,
            delivery_property_id = NULL, cancel_reason = NULL WHERE client_id = $1`,
        [clientId],
      );
      await tx.query(
        `UPDATE laundry_order_lines l SET condition_notes = NULL, special_treatment = NULL
           FROM laundry_orders o WHERE o.id = l.order_id AND o.client_id = $1`,
        [clientId],
      );
    },
  };
}

export type LaundryRepository = ReturnType<typeof createLaundryRepository>;
