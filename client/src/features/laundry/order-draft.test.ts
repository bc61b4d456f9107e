import { describe, expect, it } from 'vitest';
import type { LaundryServiceDto } from '@contracts/laundry';
import { parseDecimal } from '@/features/laundry/laundry-format';
import { buildOrder, buildPreview, emptyDraft, emptyLine, templateLines, type OrderDraft } from '@/features/laundry/order-draft';

const service = (id: number, code: string, pricingUnit: 'per_kg' | 'per_item', priceCents: number): LaundryServiceDto => ({
  id,
  code,
  name: code,
  nameEn: code,
  pricingUnit,
  priceCents,
  minimumChargeCents: null,
  isPackage: false,
  packageIncludes: [],
  description: null,
  categoryId: null,
  position: 0,
  turnaroundDays: 2,
  express: null,
  isActive: true,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
});
const SERVICES = [service(1, 'WASH_IRON', 'per_kg', 350), service(2, 'DRY_CLEAN', 'per_item', 800), service(3, 'IRON_ONLY', 'per_kg', 200)];

function draftWith(patch: Partial<OrderDraft>): OrderDraft {
  return { ...emptyDraft(), clientId: 7, ...patch };
}

describe('intake draft', () => {
  it('when a person types kilograms or euros, then they become exact grams and cents, without floating point', () => {
    expect(parseDecimal('5,5', 3)).toBe(5500);
    expect(parseDecimal('0.29', 3)).toBe(290);
    expect(parseDecimal('12', 2)).toBe(1200);
    expect(parseDecimal('2,505', 2)).toBe('decimals');
    expect(parseDecimal('abc', 2)).toBeNull();
    expect(parseDecimal('-1', 2)).toBeNull();
  });

  it('when 5,5 kg of wash + iron and two suits are entered, then the body carries 5500 g and quantity 2', () => {
    const lines = [
      { ...emptyLine('1'), weightKg: '5,5' },
      { ...emptyLine('2'), quantity: '2', itemType: ' Fato ' },
    ];
    const built = buildOrder(draftWith({ lines }), SERVICES, '10 000,00 €');
    expect(built.errors).toEqual({});
    expect(built.body?.lines).toEqual([
      { serviceId: 1, weightGrams: 5500 },
      { serviceId: 2, quantity: 2, itemType: 'Fato' },
    ]);
  });

  it('when fields are missing or absurd, then each is named with its own problem', () => {
    const lines = [
      { ...emptyLine('1'), weightKg: '0' },
      { ...emptyLine('2'), quantity: '501' },
      { ...emptyLine(''), quantity: '1' },
    ];
    const built = buildOrder({ ...emptyDraft(), lines, discount: '1,234', deliveryRequested: true, deliveryMode: 'other' }, SERVICES, 'max');
    expect(built.body).toBeUndefined();
    expect(built.errors).toEqual({
      client: 'chooseClient',
      'lines.0.weightKg': 'positive',
      'lines.1.quantity': 'max:500',
      'lines.2.serviceId': 'chooseService',
      discount: 'decimals:2',
      deliveryAddress: 'deliveryPlace',
    });
  });

  it('when only some lines are complete, then the preview prices those and remembers which they are', () => {
    const complete = { ...emptyLine('1'), weightKg: '3' };
    const incomplete = emptyLine('2');
    const preview = buildPreview(draftWith({ lines: [incomplete, complete], deliveryRequested: true, additionalCharges: 'x' }), SERVICES);
    expect(preview?.body).toEqual({ clientId: 7, lines: [{ serviceId: 1, weightGrams: 3000, quantity: undefined }], express: false, deliveryRequested: true, additionalChargesCents: 0, discountCents: 0 });
    expect(preview?.lineKeys).toEqual([complete.key]);
    expect(buildPreview(draftWith({ lines: [incomplete] }), SERVICES)).toBeNull();
  });

  it('when an order type is chosen, then its template lines come from the catalogue', () => {
    expect(templateLines('bulk_kg', SERVICES).map((l) => l.serviceId)).toEqual(['1']);
    expect(templateLines('itemized', SERVICES).map((l) => l.serviceId)).toEqual(['2']);
    expect(templateLines('house_bundle', SERVICES).map((l) => l.serviceId)).toEqual(['1', '3']);
  });
});
