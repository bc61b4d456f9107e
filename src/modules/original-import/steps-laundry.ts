import type { Queryable } from '../../db/pool.js';
import { lisbonDate } from '../../lib/clock.js';
import * as convert from './convert.js';
import { bool, date, num, str, type Step, type StepContext } from './step.js';
import type { SourceRow } from './source.js';

interface ServiceRow {
  id: number;
  code: string;
  name: string;
  name_en: string;
  pricing_unit: 'per_kg' | 'per_item';
}

/**
 * Lines the earlier system kept without a catalogue service (weights before services existed, items of
 * an itemized order) point at these two, made inactive so they are never offered for a new order.
 */
const FALLBACK_SERVICES = {
  per_kg: { code: 'ORIGINAL_KG', name: 'Roupa ao quilo (sistema anterior)', nameEn: 'Laundry by weight (earlier system)' },
  per_item: { code: 'ORIGINAL_ITEM', name: 'Peça (sistema anterior)', nameEn: 'Item (earlier system)' },
} as const;

async function fallbackService(tx: Queryable, unit: 'per_kg' | 'per_item'): Promise<ServiceRow> {
  const f = FALLBACK_SERVICES[unit];
  await tx.query(
    `INSERT INTO laundry_services (code, name, name_en, pricing_unit, price_cents, is_active, description)
     VALUES ($1, $2, $3, $4, 0, false, 'Importado do sistema anterior') ON CONFLICT (code) DO NOTHING`,
    [f.code, f.name, f.nameEn, unit],
  );
  return (await tx.query<ServiceRow>(`SELECT id, code, name, name_en, pricing_unit FROM laundry_services WHERE code = $1`, [f.code])).rows[0]!;
}

export const servicesStep: Step = {
  entity: 'laundry_service',
  table: 'laundry_services',
  select: (s) =>
    ['service_code', 'service_name', 'name', 'base_price', 'unit', 'is_package', 'package_includes', 'description', 'is_active']
      .map((c) => s.col('laundry_services', c))
      .concat('t.id')
      .join(', '),
  async importRows(ctx, rows) {
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        const name = convert.text(str(r, 'service_name') ?? str(r, 'name'), 120);
        const code = convert.text(str(r, 'service_code'), 40) ?? name;
        if (!code || !name) return { skipped: 'no code and no name' };
        const normalized = code.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
        const existing = await ctx.tx.query<{ id: number }>(`SELECT id FROM laundry_services WHERE code = $1`, [normalized]);
        if (existing.rows[0]) {
          await ctx.ids.set('laundry_service', r.id, existing.rows[0].id);
          return 'matched';
        }
        const price = convert.cents(str(r, 'base_price')) ?? 0;
        if (price < 0 || price > 100_000) return { skipped: 'price outside 0–1000 €' };
        const unit = /kg/i.test(str(r, 'unit') ?? '') ? 'per_kg' : 'per_item';
        const { rows: made } = await ctx.tx.query<{ id: number }>(
          `INSERT INTO laundry_services (code, name, name_en, pricing_unit, price_cents, is_package, package_includes, description, is_active)
           VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [normalized, name, unit, price, bool(r, 'is_package', false), (r.package_includes as string[] | null) ?? [], convert.text(str(r, 'description'), 2000), bool(r, 'is_active', true)],
        );
        await ctx.ids.set('laundry_service', r.id, made[0]!.id);
        return 'imported';
      });
    }
  },
};

interface Line {
  service: ServiceRow;
  unitPriceCents: number;
  weightGrams: number | null;
  quantity: number | null;
  itemType: string | null;
  itemCategory: string | null;
  conditionNotes: string | null;
  specialTreatment: string | null;
  totalCents: number;
}

async function serviceFor(ctx: StepContext, originalServiceId: number | null, unit: 'per_kg' | 'per_item'): Promise<ServiceRow> {
  const mapped = ctx.ids.get('laundry_service', originalServiceId);
  if (mapped !== undefined) {
    const { rows } = await ctx.tx.query<ServiceRow>(`SELECT id, code, name, name_en, pricing_unit FROM laundry_services WHERE id = $1`, [mapped]);
    if (rows[0]?.pricing_unit === unit) return rows[0];
  }
  return fallbackService(ctx.tx, unit);
}

/** The order's lines: its weight as one per-kg line, or its items as per-item lines, priced as recorded. */
async function linesOf(ctx: StepContext, r: SourceRow, items: SourceRow[]): Promise<Line[]> {
  if (str(r, 'order_type') === 'bulk_kg' || items.length === 0) {
    const weight = convert.grams(str(r, 'total_weight_kg'));
    if (!weight || weight <= 0) {
      ctx.report.notes.push({ id: r.id, note: 'no weight recorded: the order has no lines, its total is kept' });
      return [];
    }
    const unitPrice = convert.cents(str(r, 'price_per_kg')) ?? 0;
    const base = convert.cents(str(r, 'base_price')) ?? Math.round((weight * unitPrice) / 1000);
    return [{ service: await serviceFor(ctx, num(r, 'service_id'), 'per_kg'), unitPriceCents: unitPrice, weightGrams: weight, quantity: null,
      itemType: null, itemCategory: null, conditionNotes: null, specialTreatment: null, totalCents: Math.max(0, base) }];
  }
  const service = await serviceFor(ctx, num(r, 'service_id'), 'per_item');
  return items.map((i) => {
    const quantity = Math.max(1, num(i, 'quantity') ?? 1);
    const unitPrice = Math.max(0, convert.cents(str(i, 'unit_price')) ?? 0);
    return { service, unitPriceCents: unitPrice, weightGrams: null, quantity, itemType: convert.text(str(i, 'item_type'), 80),
      itemCategory: convert.text(str(i, 'item_category'), 80), conditionNotes: convert.text(str(i, 'condition_notes'), 500),
      specialTreatment: convert.text(str(i, 'special_treatment'), 500), totalCents: Math.max(0, convert.cents(str(i, 'total_price')) ?? quantity * unitPrice) };
  });
}

/** The status history the earlier system never kept, rebuilt from the moments it did stamp. */
function history(status: string, r: SourceRow): Array<{ from: string | null; to: string; at: Date }> {
  const created = date(r, 'received_at') ?? date(r, 'created_at') ?? new Date();
  const steps: Array<{ from: string | null; to: string; at: Date }> = [{ from: null, to: 'received', at: created }];
  const push = (to: string, at: Date | null) => steps.push({ from: steps[steps.length - 1]!.to, to, at: at ?? date(r, 'updated_at') ?? created });
  if (status === 'in_progress') push('in_progress', null);
  if (status === 'ready' || status === 'collected') push('ready', date(r, 'ready_at'));
  if (status === 'collected') push('collected', date(r, 'collected_at'));
  if (status === 'cancelled') push('cancelled', null);
  return steps;
}

export const ordersStep: Step = {
  entity: 'laundry_order',
  table: 'laundry_orders_new',
  batchSize: 200,
  select: (s) =>
    [
      't.id', 't.client_id', 't.order_number', 't.order_type', 't.total_price', 't.status',
      ...['assigned_worker_id', 'total_weight_kg', 'price_per_kg', 'base_price', 'additional_charges', 'discount', 'expected_ready_date',
        'special_instructions', 'internal_notes', 'created_by', 'service_id', 'delivery_requested', 'delivery_fee', 'subtotal_before_vat', 'vat_rate',
        'vat_amount', 'total_with_vat'].map((c) => s.col('laundry_orders_new', c)),
      ...['received_at', 'ready_at', 'collected_at', 'created_at', 'updated_at'].map((c) => s.ts('laundry_orders_new', c)),
    ].join(', '),
  async importRows(ctx, rows) {
    const items = ctx.source.has('laundry_order_items')
      ? await ctx.source.query(
          `SELECT id, laundry_order_id, item_type, item_category, quantity, unit_price, total_price, condition_notes, special_treatment
             FROM laundry_order_items WHERE laundry_order_id = ANY($1::int[]) ORDER BY id`,
          [rows.map((r) => r.id)],
        )
      : [];
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        const clientId = ctx.ids.get('client', num(r, 'client_id'));
        if (clientId === undefined) return { skipped: 'its client was not imported' };
        const orderNumber = str(r, 'order_number')!;
        if (orderNumber.length > 24) return { skipped: 'order number longer than 24 characters' };
        const taken = await ctx.tx.query(`SELECT 1 FROM laundry_orders WHERE order_number = $1`, [orderNumber]);
        if (taken.rows.length > 0) return { skipped: `order number ${orderNumber} is already used here` };
        const status = str(r, 'status') ?? 'received';
        if (!convert.LAUNDRY_STATUSES.has(status)) return { skipped: `unknown status ${status}` };

        const lines = await linesOf(ctx, r, items.filter((i) => num(i, 'laundry_order_id') === r.id));
        const total = convert.cents(str(r, 'total_price'))!;
        const rate = convert.basisPoints(str(r, 'vat_rate')) ?? ctx.vatRateBp;
        if (str(r, 'subtotal_before_vat') === null) ctx.report.notes.push({ id: r.id, note: `no VAT recorded: total ${total} cents taken as including ${rate / 100} % VAT` });
        const { subtotal, vat } = convert.splitTotal(total, convert.cents(str(r, 'subtotal_before_vat')), rate);
        const additional = convert.cents(str(r, 'additional_charges')) ?? 0;
        const discount = convert.cents(str(r, 'discount')) ?? 0;
        const delivery = bool(r, 'delivery_requested', false);
        const created = date(r, 'created_at') ?? date(r, 'received_at') ?? new Date();
        const day = convert.orderNumberParts(orderNumber)?.day ?? lisbonDate(created);
        const { rows: made } = await ctx.tx.query<{ id: number }>(
          `INSERT INTO laundry_orders (order_number, order_day, client_id, order_type, status, assigned_worker_id, expected_ready_date, special_instructions,
             internal_notes, delivery_requested, additional_charges_cents, discount_cents, delivery_fee_cents, vat_rate_bp, lines_total_cents, subtotal_cents,
             vat_cents, total_cents, priced_at, ready_at, collected_at, cancelled_at, cancel_reason, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $19, $25) RETURNING id`,
          [orderNumber, day, clientId, str(r, 'order_type') ?? 'bulk_kg', status, ctx.ids.get('user', num(r, 'assigned_worker_id')) ?? null,
            str(r, 'expected_ready_date'), convert.text(str(r, 'special_instructions'), 5000), convert.text(str(r, 'internal_notes'), 5000), delivery,
            Math.max(0, additional), Math.max(0, discount) + Math.max(0, -additional), delivery ? Math.max(0, convert.cents(str(r, 'delivery_fee')) ?? 0) : 0,
            rate, lines.reduce((sum, l) => sum + l.totalCents, 0), subtotal, vat, total, created, date(r, 'ready_at'), date(r, 'collected_at'),
            status === 'cancelled' ? (date(r, 'updated_at') ?? created) : null, status === 'cancelled' ? 'Cancelada no sistema anterior' : null,
            ctx.ids.get('user', num(r, 'created_by')) ?? null, date(r, 'updated_at') ?? created],
        );
        const orderId = made[0]!.id;
        for (const [position, l] of lines.entries()) {
          await ctx.tx.query(
            `INSERT INTO laundry_order_lines (order_id, position, service_id, service_code, service_name, service_name_en, pricing_unit, unit_price_cents,
               weight_grams, quantity, item_type, item_category, condition_notes, special_treatment, base_cents, total_cents, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16)`,
            [orderId, position + 1, l.service.id, l.service.code, l.service.name, l.service.name_en, l.service.pricing_unit, l.unitPriceCents,
              l.weightGrams, l.quantity, l.itemType, l.itemCategory, l.conditionNotes, l.specialTreatment, l.totalCents, created],
          );
        }
        for (const h of history(status, r)) {
          await ctx.tx.query(`INSERT INTO laundry_order_status_history (order_id, from_status, to_status, note, changed_at) VALUES ($1, $2, $3, $4, $5)`, [
            orderId, h.from, h.to, 'Sistema anterior', h.at,
          ]);
        }
        // New orders of that day continue after the imported numbers.
        const parts = convert.orderNumberParts(orderNumber);
        if (parts) {
          await ctx.tx.query(
            `INSERT INTO laundry_order_counters (day, last_number) VALUES ($1, $2)
             ON CONFLICT (day) DO UPDATE SET last_number = GREATEST(laundry_order_counters.last_number, EXCLUDED.last_number)`,
            [parts.day, parts.number],
          );
        }
        await ctx.ids.set('laundry_order', r.id, orderId);
        return 'imported';
      });
    }
  },
};
