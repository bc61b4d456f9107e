import { badRequest } from '../../lib/app-error.js';
import type { LaundryLineInputDto } from '../../contracts/laundry.js';
import { FLOOR_LIMITS } from '../../contracts/laundry-floor.js';
import { priceLine, PricingError, totalOrder, type OrderTotals, type OrderTotalsInput } from './laundry-pricing.js';
import type { NewLine } from './laundry.repository.js';
import type { ServiceRow } from './laundry-services.repository.js';
import type { NewItem } from './laundry-floor.repository.js';
import { addDays, expressSurchargeCents } from './laundry-floor.js';

// Pricing an order's lines and the items they bring: pure rules, shared by the order's creation, its
// edits and the live price preview.

function pricingFailure(err: unknown, path: string): never {
  if (err instanceof PricingError) {
    const status = err.code === 'DISCOUNT_EXCEEDS_SUBTOTAL' ? 'discountCents' : path;
    throw badRequest(err.code, err.message, [{ path: `body.${status}`, message: err.message, code: err.code }]);
  }
  throw err;
}

/** The items a new line brings: one per piece of a per-item line, its bags for a per-kg line. */
export function itemsOf(line: NewLine, lineId: number, categoryName: string | null): NewItem[] {
  const perItem = line.service.pricing_unit === 'per_item';
  const count = perItem ? (line.quantity ?? 1) : line.bags;
  const description = line.itemType ?? line.service.name;
  return Array.from({ length: count }, () => ({
    lineId,
    kind: perItem ? ('item' as const) : ('bag' as const),
    description,
    category: line.itemCategory ?? categoryName,
    colour: line.colour,
    brand: line.brand,
    notes: line.conditionNotes,
  }));
}

export function assertItemCap(count: number) {
  if (count > FLOOR_LIMITS.itemsPerOrder) {
    throw badRequest('TOO_MANY_ITEMS', `An order holds at most ${FLOOR_LIMITS.itemsPerOrder} items and bags; split it in two.`);
  }
}

export const itemCountOf = (lines: NewLine[]) => lines.reduce((n, l) => n + (l.service.pricing_unit === 'per_item' ? (l.quantity ?? 1) : l.bags), 0);

/** Intake day + the longest turnaround of the lines (the express one when the order is express). */
export function expectedReady(day: string, lines: NewLine[], express: boolean): string {
  const days = Math.max(
    0,
    ...lines.map((l) => (express && l.service.express_turnaround_days !== null ? l.service.express_turnaround_days : l.service.turnaround_days)),
  );
  return addDays(day, days);
}

/**
 * Prices new lines against the catalogue as it is now, or the client's own price in force today (that
 * price is then snapshotted on the line).
 */
export function newLines(inputs: LaundryLineInputDto[], services: Map<number, ServiceRow>, own: Map<number, number>, firstPosition: number, pathPrefix: string, express: boolean): NewLine[] {
  return inputs.map((input, i) => {
    const service = services.get(input.serviceId)!;
    const path = `${pathPrefix}${i}.${service.pricing_unit === 'per_kg' ? 'weightGrams' : 'quantity'}`;
    if (service.pricing_unit === 'per_kg' && input.quantity != null && input.weightGrams == null) {
      throw badRequest('WEIGHT_REQUIRED', `Line ${i + 1}: ${service.name} is priced per kg; give a weight in grams.`, [
        { path: `body.${path}`, message: 'weight required', code: 'WEIGHT_REQUIRED' },
      ]);
    }
    let priced;
    try {
      priced = priceLine({
        unit: service.pricing_unit,
        unitPriceCents: service.price_cents,
        clientUnitPriceCents: own.get(service.id),
        minimumChargeCents: service.minimum_charge_cents,
        weightGrams: service.pricing_unit === 'per_kg' ? input.weightGrams : null,
        quantity: service.pricing_unit === 'per_item' ? input.quantity : null,
      });
    } catch (err) {
      pricingFailure(err, path);
    }
    const quantity = service.pricing_unit === 'per_item' ? (input.quantity ?? null) : null;
    const expressCents =
      express && service.express_kind && service.express_value !== null
        ? expressSurchargeCents(priced.totalCents, service.pricing_unit, quantity, { kind: service.express_kind, value: service.express_value })
        : 0;
    return {
      position: firstPosition + i,
      service,
      weightGrams: service.pricing_unit === 'per_kg' ? (input.weightGrams ?? null) : null,
      quantity: service.pricing_unit === 'per_item' ? (input.quantity ?? null) : null,
      itemType: input.itemType ?? null,
      itemCategory: input.itemCategory ?? null,
      conditionNotes: input.conditionNotes ?? null,
      specialTreatment: input.specialTreatment ?? null,
      unitPriceCents: priced.unitPriceCents,
      clientPrice: priced.clientPrice,
      bags: service.pricing_unit === 'per_kg' ? (input.bags ?? 1) : 0,
      colour: input.colour ?? null,
      brand: input.brand ?? null,
      baseCents: priced.baseCents,
      minimumApplied: priced.minimumApplied,
      expressCents,
      totalCents: priced.totalCents + expressCents,
    };
  });
}

/** Order totals from line snapshots and the order's own pricing snapshot. */
export function total(lineTotals: number[], o: OrderTotalsInput): OrderTotals {
  try {
    return totalOrder(lineTotals.reduce((sum, t) => sum + t, 0), o);
  } catch (err) {
    pricingFailure(err, 'discountCents');
  }
}
