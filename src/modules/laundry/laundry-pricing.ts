import { divideHalfUp, vatCents } from '../../lib/money.js';

/**
 * Laundry pricing, PRODUCT §4, pure and in integer cents. Every input that decides a price arrives here
 * explicitly (and is stored on the line/order as a snapshot), so a later change of the catalogue or of a
 * setting never reprices existing work.
 */

export type PricingUnit = 'per_kg' | 'per_item';

export interface LinePricingInput {
  unit: PricingUnit;
  /** Catalogue price per kg (per_kg) or per item (per_item), in cents. */
  unitPriceCents: number;
  /** The client's own price for this service on the day priced (issue 19 §7), replacing the catalogue's. */
  clientUnitPriceCents?: number | null | undefined;
  /** The service's minimum charge for a line, in cents (null: none). */
  minimumChargeCents: number | null;
  weightGrams?: number | null;
  quantity?: number | null;
}

export interface OrderPricingInput {
  lines: LinePricingInput[];
  additionalChargesCents: number;
  discountCents: number;
  deliveryRequested: boolean;
  deliveryFeeCents: number;
  vatRateBasisPoints: number;
}

export interface PricedLine {
  /** The unit price applied: the client's own price when they have one, else the catalogue's. */
  unitPriceCents: number;
  clientPrice: boolean;
  baseCents: number;
  minimumApplied: boolean;
  totalCents: number;
}

export interface OrderPrice {
  lines: PricedLine[];
  linesTotalCents: number;
  additionalChargesCents: number;
  discountCents: number;
  deliveryFeeCents: number;
  subtotalCents: number;
  vatRateBasisPoints: number;
  vatCents: number;
  totalCents: number;
}

export class PricingError extends Error {
  constructor(
    public readonly code: 'DISCOUNT_EXCEEDS_SUBTOTAL' | 'WEIGHT_REQUIRED' | 'QUANTITY_REQUIRED' | 'INVALID_AMOUNT',
    message: string,
  ) {
    super(message);
    this.name = 'PricingError';
  }
}

function nonNegativeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new PricingError('INVALID_AMOUNT', `${what} must be a non-negative whole number`);
}

/** One line: weight × price per kg (grams, so ÷ 1000) or quantity × unit price, half-up to the cent, then the minimum. */
export function priceLine(line: LinePricingInput): PricedLine {
  nonNegativeInteger(line.unitPriceCents, 'unit price');
  const clientPrice = line.clientUnitPriceCents != null;
  if (clientPrice) nonNegativeInteger(line.clientUnitPriceCents!, 'client price');
  const unitPriceCents = clientPrice ? line.clientUnitPriceCents! : line.unitPriceCents;
  let baseCents: number;
  if (line.unit === 'per_kg') {
    if (!line.weightGrams || line.weightGrams <= 0) throw new PricingError('WEIGHT_REQUIRED', 'A per-kg line needs a weight');
    nonNegativeInteger(line.weightGrams, 'weight');
    baseCents = divideHalfUp(line.weightGrams * unitPriceCents, 1000);
  } else {
    if (!line.quantity || line.quantity <= 0) throw new PricingError('QUANTITY_REQUIRED', 'A per-item line needs a quantity');
    nonNegativeInteger(line.quantity, 'quantity');
    baseCents = line.quantity * unitPriceCents;
  }
  const minimum = line.minimumChargeCents ?? 0;
  nonNegativeInteger(minimum, 'minimum charge');
  const minimumApplied = baseCents < minimum;
  return { unitPriceCents, clientPrice, baseCents, minimumApplied, totalCents: minimumApplied ? minimum : baseCents };
}

export type OrderTotalsInput = Omit<OrderPricingInput, 'lines'>;
export type OrderTotals = Omit<OrderPrice, 'lines'>;

/**
 * subtotal = Σ lines + additional charges − discount + delivery fee (only when delivery is requested);
 * VAT = half-up(subtotal × rate); total = subtotal + VAT. A discount larger than what it discounts is an
 * error, so a total can never go negative.
 */
export function totalOrder(linesTotalCents: number, input: OrderTotalsInput): OrderTotals {
  nonNegativeInteger(linesTotalCents, 'lines total');
  nonNegativeInteger(input.additionalChargesCents, 'additional charges');
  nonNegativeInteger(input.discountCents, 'discount');
  nonNegativeInteger(input.deliveryFeeCents, 'delivery fee');
  nonNegativeInteger(input.vatRateBasisPoints, 'VAT rate');
  const deliveryFeeCents = input.deliveryRequested ? input.deliveryFeeCents : 0;
  const beforeDiscount = linesTotalCents + input.additionalChargesCents + deliveryFeeCents;
  if (input.discountCents > beforeDiscount) {
    throw new PricingError('DISCOUNT_EXCEEDS_SUBTOTAL', 'The discount is larger than the amount it discounts');
  }
  const subtotalCents = beforeDiscount - input.discountCents;
  const vat = vatCents(subtotalCents, input.vatRateBasisPoints);
  return {
    linesTotalCents,
    additionalChargesCents: input.additionalChargesCents,
    discountCents: input.discountCents,
    deliveryFeeCents,
    subtotalCents,
    vatRateBasisPoints: input.vatRateBasisPoints,
    vatCents: vat,
    totalCents: subtotalCents + vat,
  };
}

/** Prices every line, then the order. */
export function priceOrder(input: OrderPricingInput): OrderPrice {
  const lines = input.lines.map(priceLine);
  const { lines: _lines, ...rest } = input;
  return { lines, ...totalOrder(lines.reduce((sum, l) => sum + l.totalCents, 0), rest) };
}
