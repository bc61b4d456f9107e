import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideHalfUp, vatCents } from '../../src/lib/money.js';
import { priceLine, priceOrder, PricingError, type LinePricingInput } from '../../src/modules/laundry/laundry-pricing.js';
import { billableMinutes, estimateCleaning, priceCompletedCleaning } from '../../src/modules/cleaning/cleaning-pricing.js';

const VAT_23 = 2300;

describe('money rounding', () => {
  it('when a quotient is exactly half a cent, then it rounds up; below half it rounds down', () => {
    expect(divideHalfUp(5, 10)).toBe(1);
    expect(divideHalfUp(4, 10)).toBe(0);
    expect(divideHalfUp(15, 10)).toBe(2);
    expect(vatCents(3750, VAT_23)).toBe(863);
  });

  it('when compared with exact rational arithmetic, then divideHalfUp always agrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = divideHalfUp(n, d);
        // q is the half-up rounding iff (q - 1/2) * d <= n < (q + 1/2) * d, in integers: 2n - 2qd in [-d, d)
        const twice = 2 * n - 2 * q * d;
        expect(twice).toBeGreaterThanOrEqual(-d);
        expect(twice).toBeLessThan(d);
      }),
    );
  });

  it('when inputs are negative or fractional, then it refuses instead of guessing', () => {
    expect(() => divideHalfUp(-1, 10)).toThrow(RangeError);
    expect(() => divideHalfUp(1.5, 10)).toThrow(RangeError);
    expect(() => divideHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe('laundry pricing', () => {
  const washIron: Omit<LinePricingInput, 'weightGrams'> = { unit: 'per_kg', unitPriceCents: 350, minimumChargeCents: null };
  const dryClean: Omit<LinePricingInput, 'quantity'> = { unit: 'per_item', unitPriceCents: 800, minimumChargeCents: null };

  it('when 5.5 kg of WASH_IRON is priced, then it is €19.25 + €4.43 VAT = €23.68 (the worked example)', () => {
    const price = priceOrder({
      lines: [{ ...washIron, weightGrams: 5500 }],
      additionalChargesCents: 0,
      discountCents: 0,
      deliveryRequested: false,
      deliveryFeeCents: 500,
      vatRateBasisPoints: VAT_23,
    });
    expect(price).toMatchObject({ linesTotalCents: 1925, subtotalCents: 1925, vatCents: 443, totalCents: 2368, deliveryFeeCents: 0 });
  });

  it('when the drop-off mixes 5.5 kg wash + iron and two dry-cleaned suits with delivery, then every part adds up', () => {
    const price = priceOrder({
      lines: [{ ...washIron, weightGrams: 5500 }, { ...dryClean, quantity: 2 }],
      additionalChargesCents: 150,
      discountCents: 100,
      deliveryRequested: true,
      deliveryFeeCents: 500,
      vatRateBasisPoints: VAT_23,
    });
    expect(price.lines.map((l) => l.totalCents)).toEqual([1925, 1600]);
    expect(price.subtotalCents).toBe(1925 + 1600 + 150 - 100 + 500);
    expect(price.vatCents).toBe(divideHalfUp(4075 * 2300, 10000));
    expect(price.totalCents).toBe(4075 + 937);
  });

  it('when a line is below the service minimum, then the minimum is charged and flagged', () => {
    expect(priceLine({ unit: 'per_kg', unitPriceCents: 350, minimumChargeCents: 1000, weightGrams: 1200 })).toEqual({
      unitPriceCents: 350,
      clientPrice: false,
      baseCents: 420,
      minimumApplied: true,
      totalCents: 1000,
    });
  });

  it('when a line rounds at half a cent, then it rounds half-up per line', () => {
    // 1 g at €3.50/kg = 0.35 cent → 0; 2 g = 0.7 → 1; 3 g at €5.00/kg = 1.5 → 2
    expect(priceLine({ ...washIron, weightGrams: 1 }).totalCents).toBe(0);
    expect(priceLine({ ...washIron, weightGrams: 2 }).totalCents).toBe(1);
    expect(priceLine({ unit: 'per_kg', unitPriceCents: 500, minimumChargeCents: null, weightGrams: 3 }).totalCents).toBe(2);
  });

  it('when the discount is larger than what it discounts, then pricing refuses with DISCOUNT_EXCEEDS_SUBTOTAL', () => {
    expect(() =>
      priceOrder({ lines: [{ ...dryClean, quantity: 1 }], additionalChargesCents: 0, discountCents: 801, deliveryRequested: false, deliveryFeeCents: 500, vatRateBasisPoints: VAT_23 }),
    ).toThrow(expect.objectContaining({ code: 'DISCOUNT_EXCEEDS_SUBTOTAL' }));
  });

  it('when a per-kg line has no weight or a per-item line no quantity, then it refuses', () => {
    expect(() => priceLine({ ...washIron, weightGrams: 0 })).toThrow(PricingError);
    expect(() => priceLine({ ...dryClean, quantity: null })).toThrow(expect.objectContaining({ code: 'QUANTITY_REQUIRED' }));
  });

  const lineArb = fc.oneof(
    fc.record({
      unit: fc.constant('per_kg' as const),
      unitPriceCents: fc.integer({ min: 0, max: 100_000 }),
      minimumChargeCents: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
      weightGrams: fc.integer({ min: 1, max: 200_000 }),
    }),
    fc.record({
      unit: fc.constant('per_item' as const),
      unitPriceCents: fc.integer({ min: 0, max: 100_000 }),
      minimumChargeCents: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
      quantity: fc.integer({ min: 1, max: 500 }),
    }),
  );

  it('when any valid order is priced, then total = subtotal + VAT, nothing is negative, and lines respect their minimum', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lines, charges, delivery, fee, rate, discountShare) => {
          const gross = lines.map(priceLine).reduce((s, l) => s + l.totalCents, 0) + charges + (delivery ? fee : 0);
          const discount = Math.floor(gross * discountShare);
          const p = priceOrder({ lines, additionalChargesCents: charges, discountCents: discount, deliveryRequested: delivery, deliveryFeeCents: fee, vatRateBasisPoints: rate });
          expect(p.totalCents).toBe(p.subtotalCents + p.vatCents);
          expect(p.subtotalCents).toBeGreaterThanOrEqual(0);
          expect(p.vatCents).toBe(divideHalfUp(p.subtotalCents * rate, 10_000));
          p.lines.forEach((l, i) => expect(l.totalCents).toBeGreaterThanOrEqual(lines[i]!.minimumChargeCents ?? 0));
          expect(Number.isInteger(p.totalCents)).toBe(true);
        },
      ),
    );
  });

  it('when the discount is anything above the gross amount, then no total is ever produced', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 10_000 }), (lines, excess) => {
        const gross = lines.map(priceLine).reduce((s, l) => s + l.totalCents, 0);
        expect(() =>
          priceOrder({ lines, additionalChargesCents: 0, discountCents: gross + excess, deliveryRequested: false, deliveryFeeCents: 0, vatRateBasisPoints: VAT_23 }),
        ).toThrow(PricingError);
      }),
    );
  });
});

describe('cleaning pricing', () => {
  it('when one worker logs 2 h 10 min at €15/h in 30-minute blocks, then 2.5 h → €37.50 + €8.63 = €46.13', () => {
    expect(priceCompletedCleaning({ loggedSeconds: [130 * 60], billingIncrementMinutes: 30, hourlyRateCents: 1500, vatRateBasisPoints: VAT_23 })).toEqual({
      labourSeconds: 7800,
      labourMinutes: 130,
      billableMinutes: 150,
      subtotalCents: 3750,
      vatRateBasisPoints: VAT_23,
      vatCents: 863,
      totalCents: 4613,
    });
  });

  it('when two workers log 1 h 05 min each, then the labour is summed before rounding: the same €46.13', () => {
    expect(priceCompletedCleaning({ loggedSeconds: [65 * 60, 65 * 60], billingIncrementMinutes: 30, hourlyRateCents: 1500, vatRateBasisPoints: VAT_23 }).totalCents).toBe(4613);
  });

  it('when two workers log 40 s and 50 s, then the job bills one 30-minute block: €7.50 + €1.73 = €9.23', () => {
    expect(priceCompletedCleaning({ loggedSeconds: [40, 50], billingIncrementMinutes: 30, hourlyRateCents: 1500, vatRateBasisPoints: VAT_23 })).toMatchObject({
      labourSeconds: 90,
      labourMinutes: 1,
      billableMinutes: 30,
      subtotalCents: 750,
      vatCents: 173,
      totalCents: 923,
    });
  });

  it('when a worker logs 2 h 00 min 30 s, then the half minute starts a third block (not 2 h)', () => {
    expect(priceCompletedCleaning({ loggedSeconds: [2 * 3600 + 30], billingIncrementMinutes: 30, hourlyRateCents: 1500, vatRateBasisPoints: VAT_23 }).billableMinutes).toBe(150);
  });

  it('when nothing is logged, then nothing is billed', () => {
    expect(priceCompletedCleaning({ loggedSeconds: [], billingIncrementMinutes: 30, hourlyRateCents: 1500, vatRateBasisPoints: VAT_23 }).totalCents).toBe(0);
  });

  it('when the estimate is 3 h for two workers at €15/h, then it is 6 labour hours', () => {
    expect(estimateCleaning({ estimatedMinutes: 180, workerCount: 2, hourlyRateCents: 1500, vatRateBasisPoints: VAT_23 })).toMatchObject({
      billableMinutes: 360,
      subtotalCents: 9000,
      vatCents: 2070,
      totalCents: 11070,
    });
  });

  const logSets = fc.array(fc.integer({ min: 0, max: 14 * 3600 }), { maxLength: 12 });
  const increments = fc.constantFrom(1, 5, 15, 30, 60).chain((common) => fc.oneof(fc.constant(common), fc.integer({ min: 1, max: 240 })));

  it('when any set of logs is priced, then billed minutes = ceil(sum of seconds / increment) × increment', () => {
    fc.assert(
      fc.property(logSets, increments, (seconds, inc) => {
        const sum = seconds.reduce((a, b) => a + b, 0);
        const price = priceCompletedCleaning({ loggedSeconds: seconds, billingIncrementMinutes: inc, hourlyRateCents: 1500, vatRateBasisPoints: VAT_23 });
        expect(price.billableMinutes).toBe(Math.ceil(sum / (inc * 60)) * inc);
        expect(price.labourSeconds).toBe(sum);
        expect(price.billableMinutes * 60).toBeGreaterThanOrEqual(sum);
        expect(price.billableMinutes * 60 - sum).toBeLessThan(inc * 60);
      }),
    );
  });

  it('when any logged second is billed, then the job bills at least one increment, and the order or split of the logs never matters', () => {
    fc.assert(
      fc.property(logSets.filter((s) => s.some((x) => x > 0)), increments, fc.integer({ min: 0, max: 100_000 }), (seconds, inc, rate) => {
        const price = (logs: number[]) => priceCompletedCleaning({ loggedSeconds: logs, billingIncrementMinutes: inc, hourlyRateCents: rate, vatRateBasisPoints: VAT_23 });
        const once = price(seconds);
        expect(once.billableMinutes).toBeGreaterThanOrEqual(inc);
        expect(price([...seconds].reverse())).toEqual(once);
        expect(price([seconds.reduce((a, b) => a + b, 0)])).toEqual(once);
        expect(once.subtotalCents).toBe(divideHalfUp(once.billableMinutes * rate, 60));
        expect(once.totalCents).toBe(once.subtotalCents + vatCents(once.subtotalCents, VAT_23));
      }),
    );
  });

  it('when any labour in seconds is rounded, then it is the smallest multiple of the increment that covers it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 120 }), (seconds, inc) => {
        const b = billableMinutes(seconds, inc);
        expect(b % inc).toBe(0);
        expect(b * 60).toBeGreaterThanOrEqual(seconds);
        expect(b * 60 - seconds).toBeLessThan(inc * 60);
      }),
    );
  });

  it('when a log is not a whole, non-negative number of seconds, then pricing refuses it', () => {
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(() => priceCompletedCleaning({ loggedSeconds: [bad], billingIncrementMinutes: 30, hourlyRateCents: 1500, vatRateBasisPoints: VAT_23 })).toThrow(RangeError);
    }
  });
});
