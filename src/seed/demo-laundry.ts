import type { Db } from '../db/pool.js';
import type { Logger } from '../lib/logger.js';
import { lisbonDate } from '../lib/clock.js';
import { priceLine, totalOrder } from '../modules/laundry/laundry-pricing.js';
import { createLaundryRepository, type NewLine } from '../modules/laundry/laundry.repository.js';
import { formatOrderNumber } from '../modules/laundry/laundry.service.js';
import type { LaundryStatus } from '../modules/laundry/laundry-status.js';
import { createLaundryFloorRepository } from '../modules/laundry/laundry-floor.repository.js';
import { serviceCode } from '../modules/laundry/laundry-floor.js';

type Express = { kind: 'percent' | 'fixed'; value: number; days: number } | null;
const EXPRESS_50 = { kind: 'percent' as const, value: 5000, days: 1 };

/**
 * A Portuguese counter's price list (2026 prices of a neighbourhood dry cleaner), by category:
 * [name, English name, unit, price in cents, turnaround days, express option]. Added next to the three
 * services of the first migration, only when the category is still empty.
 */
const PRICE_LIST: Record<string, Array<[string, string, 'per_item' | 'per_kg', number, number, Express]>> = {
  'Ao quilo': [['Lavar e secar', 'Wash and dry', 'per_kg', 250, 1, { kind: 'fixed', value: 300, days: 0 }]],
  Vestuário: [
    ['Camisa', 'Shirt', 'per_item', 350, 2, EXPRESS_50],
    ['Calças', 'Trousers', 'per_item', 450, 2, EXPRESS_50],
    ['Fato 2 peças', 'Suit (2 pieces)', 'per_item', 1200, 3, EXPRESS_50],
    ['Fato 3 peças', 'Suit (3 pieces)', 'per_item', 1500, 3, EXPRESS_50],
    ['Blazer', 'Blazer', 'per_item', 650, 3, EXPRESS_50],
    ['Casaco', 'Coat', 'per_item', 900, 3, EXPRESS_50],
    ['Sobretudo', 'Overcoat', 'per_item', 1300, 4, null],
    ['Blusão / kispo', 'Padded jacket', 'per_item', 1100, 4, null],
    ['Vestido', 'Dress', 'per_item', 850, 3, EXPRESS_50],
    ['Vestido de cerimónia', 'Evening dress', 'per_item', 1800, 5, null],
    ['Saia', 'Skirt', 'per_item', 450, 2, EXPRESS_50],
    ['Camisola de lã', 'Wool jumper', 'per_item', 500, 3, null],
    ['Gravata', 'Tie', 'per_item', 300, 2, null],
  ],
  'Roupa de cama': [
    ['Edredão solteiro', 'Duvet (single)', 'per_item', 1400, 4, null],
    ['Edredão casal', 'Duvet (double)', 'per_item', 1800, 4, null],
    ['Colcha', 'Bedspread', 'per_item', 1200, 4, null],
    ['Cobertor', 'Blanket', 'per_item', 1000, 4, null],
    ['Jogo de lençóis', 'Sheet set', 'per_item', 600, 2, EXPRESS_50],
    ['Almofada', 'Pillow', 'per_item', 600, 3, null],
  ],
  Cortinados: [
    ['Cortinados (ao quilo)', 'Curtains (by weight)', 'per_kg', 800, 5, null],
    ['Cortinado de linho', 'Linen curtain', 'per_item', 1500, 5, null],
  ],
  Casa: [
    ['Toalha de mesa', 'Tablecloth', 'per_item', 500, 3, null],
    ['Capa de sofá', 'Sofa cover', 'per_item', 1200, 5, null],
    ['Tapete pequeno', 'Small rug', 'per_item', 1500, 7, null],
  ],
  Calçado: [
    ['Limpeza de ténis', 'Trainers cleaning', 'per_item', 1200, 5, null],
    ['Sapatos (limpar e engraxar)', 'Shoes (clean and polish)', 'per_item', 600, 3, null],
    ['Botas', 'Boots', 'per_item', 1500, 5, null],
  ],
  Arranjos: [
    ['Bainha de calças', 'Trouser hem', 'per_item', 700, 4, null],
    ['Substituir fecho', 'Zip replacement', 'per_item', 900, 5, null],
    ['Apertar cintura', 'Take in waist', 'per_item', 1000, 5, null],
  ],
};

const RACKS = Array.from({ length: 24 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);

/** The demo price list and racks (each part only when it is still empty). */
export async function seedDemoPriceList(db: Db, logger: Logger): Promise<void> {
  const added = await db.transaction(async (tx) => {
    let count = 0;
    const categories = await tx.query<{ id: number; name: string; n: number }>(
      `SELECT c.id, c.name, (SELECT count(*) FROM laundry_services s WHERE s.category_id = c.id)::int AS n FROM laundry_categories c`,
    );
    const codes = new Set((await tx.query<{ code: string }>(`SELECT code FROM laundry_services`)).rows.map((r) => r.code));
    for (const category of categories.rows) {
      const entries = PRICE_LIST[category.name];
      const existing = category.name === 'Ao quilo' ? category.n - 2 : category.name === 'Vestuário' ? category.n - 1 : category.n;
      if (!entries || existing > 0) continue;
      for (const [position, [name, nameEn, unit, cents, days, express]] of entries.entries()) {
        const code = serviceCode(name, codes);
        codes.add(code);
        await tx.query(
          `INSERT INTO laundry_services (code, name, name_en, pricing_unit, price_cents, category_id, position, turnaround_days,
             express_kind, express_value, express_turnaround_days)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [code, name, nameEn, unit, cents, category.id, position + 1, days, express?.kind ?? null, express?.value ?? null, express?.days ?? null],
        );
        count += 1;
      }
    }
    const racks = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM laundry_racks`);
    if (racks.rows[0]!.n === 0) {
      for (const [i, code] of RACKS.entries()) await tx.query(`INSERT INTO laundry_racks (code, position) VALUES ($1, $2)`, [code, i + 1]);
    }
    return count;
  });
  if (added > 0) logger.info(`✅ Demo price list: ${added} services`);
}

/**
 * A few laundry orders in every state for the development seed, so the queue and the client area have
 * something to show. Only when no order exists yet; priced with the real pricing rules.
 */
const ORDERS: Array<{ phone: string; type: 'bulk_kg' | 'itemized' | 'house_bundle'; status: LaundryStatus; daysAgo: number; lines: Array<[string, number, string?]>; note?: string }> = [
  { phone: '+351911111111', type: 'bulk_kg', status: 'ready', daysAgo: 2, lines: [['WASH_IRON', 5500], ['DRY_CLEAN', 2, 'Fato']], note: 'Sem amaciador' },
  { phone: '+351911111111', type: 'itemized', status: 'collected', daysAgo: 12, lines: [['DRY_CLEAN', 1, 'Casaco de lã']] },
  { phone: '+351912345670', type: 'bulk_kg', status: 'in_progress', daysAgo: 1, lines: [['WASH_IRON', 7200]] },
  { phone: '+351934567812', type: 'house_bundle', status: 'received', daysAgo: 0, lines: [['WASH_IRON', 9800], ['IRON_ONLY', 3000]], note: 'Lençóis e toalhas' },
  { phone: '+351961234509', type: 'itemized', status: 'received', daysAgo: 0, lines: [['DRY_CLEAN', 3, 'Vestido']] },
];

const PATH: Record<LaundryStatus, LaundryStatus[]> = {
  received: ['received'],
  in_progress: ['received', 'in_progress'],
  ready: ['received', 'in_progress', 'ready'],
  collected: ['received', 'in_progress', 'ready', 'collected'],
  delivered: ['received', 'in_progress', 'ready', 'delivered'],
  cancelled: ['received', 'cancelled'],
};

export async function seedDemoLaundry(db: Db, logger: Logger, now = new Date()): Promise<void> {
  const existing = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM laundry_orders`);
  if ((existing.rows[0]?.n ?? 0) > 0) return;
  const created = await db.transaction(async (tx) => {
    const repo = createLaundryRepository(tx);
    const floor = createLaundryFloorRepository();
    const services = new Map((await repo.listServices(true)).map((s) => [s.code, s]));
    const staff = await tx.query<{ id: number }>(`SELECT id FROM users WHERE username = 'admin'`);
    const adminId = staff.rows[0]?.id ?? null;
    let count = 0;
    for (const o of ORDERS) {
      const client = await tx.query<{ id: number }>(`SELECT id FROM clients WHERE phone = $1`, [o.phone]);
      if (!client.rows[0]) continue;
      const at = new Date(now.getTime() - o.daysAgo * 86_400_000);
      const lines: NewLine[] = o.lines.map(([code, amount, itemType], i) => {
        const service = services.get(code)!;
        const perKg = service.pricing_unit === 'per_kg';
        const priced = priceLine({
          unit: service.pricing_unit,
          unitPriceCents: service.price_cents,
          minimumChargeCents: service.minimum_charge_cents,
          weightGrams: perKg ? amount : null,
          quantity: perKg ? null : amount,
        });
        return {
          position: i + 1,
          service,
          weightGrams: perKg ? amount : null,
          quantity: perKg ? null : amount,
          itemType: itemType ?? null,
          itemCategory: null,
          conditionNotes: null,
          specialTreatment: null,
          bags: perKg ? 1 : 0,
          colour: null,
          brand: null,
          expressCents: 0,
          ...priced,
        };
      });
      const totals = totalOrder(
        lines.reduce((sum, l) => sum + l.totalCents, 0),
        { additionalChargesCents: 0, discountCents: 0, deliveryRequested: false, deliveryFeeCents: 500, vatRateBasisPoints: 2300 },
      );
      const day = lisbonDate(at);
      const id = await repo.insertOrder(tx, {
        orderNumber: formatOrderNumber(day, await repo.nextOrderNumber(tx, day)),
        orderDay: day,
        clientId: client.rows[0].id,
        orderType: o.type,
        express: false,
        assignedWorkerId: null,
        expectedReadyDate: lisbonDate(new Date(at.getTime() + 2 * 86_400_000)),
        specialInstructions: o.note ?? null,
        internalNotes: null,
        deliveryRequested: false,
        deliveryPropertyId: null,
        deliveryAddress: null,
        deliveryDate: null,
        additionalChargesCents: 0,
        additionalChargesNote: null,
        discountCents: 0,
        deliveryFeeCents: 500,
        vatRateBasisPoints: 2300,
        totals,
        createdBy: adminId,
        at,
      });
      const lineIds = await repo.insertLines(tx, id, lines);
      const orderNumber = (await repo.findOrder(tx, id))!.order_number;
      const items = lines.flatMap((l, i) =>
        Array.from({ length: l.service.pricing_unit === 'per_kg' ? 1 : (l.quantity ?? 1) }, () => ({
          lineId: lineIds[i]!,
          kind: l.service.pricing_unit === 'per_kg' ? ('bag' as const) : ('item' as const),
          description: l.itemType ?? l.service.name,
          category: null,
          colour: null,
          brand: null,
          notes: null,
        })),
      );
      await floor.insertItems(tx, { id, orderNumber }, 1, items, at);
      if (['ready', 'collected', 'delivered'].includes(o.status)) await tx.query(`UPDATE laundry_items SET stage = 'ready', stage_changed_at = $2 WHERE order_id = $1`, [id, at]);
      const steps = PATH[o.status];
      for (const [i, status] of steps.entries()) {
        const stepAt = new Date(at.getTime() + i * 3_600_000);
        await repo.addHistory(tx, { orderId: id, from: i === 0 ? null : steps[i - 1]!, to: status, by: adminId, note: null, isRevert: false, at: stepAt });
        if (i > 0) await repo.setStatus(tx, id, status, status === 'ready' ? { ready_at: stepAt } : status === 'collected' ? { collected_at: stepAt } : {}, undefined, stepAt);
      }
      count += 1;
    }
    return count;
  });
  if (created > 0) logger.info(`✅ Demo laundry orders created: ${created}`);
}
