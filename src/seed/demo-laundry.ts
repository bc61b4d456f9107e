import type { Db } from '../db/pool.js';
import type { Logger } from '../lib/logger.js';
import { lisbonDate } from '../lib/clock.js';
import { priceLine, totalOrder } from '../modules/laundry/laundry-pricing.js';
import { createLaundryRepository, type NewLine } from '../modules/laundry/laundry.repository.js';
import { formatOrderNumber } from '../modules/laundry/laundry.service.js';
import type { LaundryStatus } from '../modules/laundry/laundry-status.js';

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
      await repo.insertLines(tx, id, lines);
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
