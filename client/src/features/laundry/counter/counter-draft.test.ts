import { describe, expect, it } from 'vitest';
import type { LaundryServiceDto } from '@contracts/laundry';
import { addService, buildLines, parseQuick, pieceCount, splitLine } from './counter-draft';

const service = (id: number, name: string, nameEn: string, pricingUnit: 'per_item' | 'per_kg'): LaundryServiceDto => ({
  id,
  code: name.toUpperCase(),
  name,
  nameEn,
  pricingUnit,
  priceCents: 350,
  minimumChargeCents: null,
  isPackage: false,
  packageIncludes: [],
  description: null,
  categoryId: 1,
  position: id,
  turnaroundDays: 2,
  express: null,
  isActive: true,
  version: 1,
  updatedAt: '2026-12-06T10:00:00Z',
});

const shirt = service(1, 'Camisa', 'Shirt', 'per_item');
const suit = service(2, 'Fato 2 peças', 'Suit (2 pieces)', 'per_item');
const suit3 = service(3, 'Fato 3 peças', 'Suit (3 pieces)', 'per_item');
const wash = service(4, 'Lavar e secar', 'Wash and dry', 'per_kg');
const all = [shirt, suit3, suit, wash];

describe('the counter draft', () => {
  it('when a garment is tapped again, then its line counts one more; a per-kg tap is a new bag', () => {
    let lines = addService([], shirt).lines;
    lines = addService(lines, shirt).lines;
    lines = addService(lines, shirt, '2').lines;
    lines = addService(lines, wash).lines;
    lines = addService(lines, wash, '4,2').lines;
    expect(lines.map((l) => [l.serviceId, l.quantity, l.weightKg])).toEqual([
      [1, 4, ''],
      [4, 1, ''],
      [4, 1, '4,2'],
    ]);
    expect(pieceCount(lines)).toBe(6);
  });

  it('when quick add is typed, then an amount and words of the name in either language find the service', () => {
    expect(parseQuick('3 camisa', all)).toEqual({ service: shirt, amount: '3' });
    expect(parseQuick('fato 2', all)?.service).toBe(suit);
    expect(parseQuick('4,2 kg wash', all)).toEqual({ service: wash, amount: '4,2' });
    expect(parseQuick('pecas 3 fato', all)?.service).toBe(suit3);
    expect(parseQuick('tapete', all)).toBeNull();
  });

  it('when one piece is separated, then it gets a line of its own and the total is unchanged', () => {
    const first = addService([], shirt, '3');
    const split = splitLine(first.lines, first.key);
    expect(split.lines.map((l) => l.quantity)).toEqual([2, 1]);
    expect(split.key).toBe(split.lines[1]!.key);
  });

  it('when a bag has no weight or a bad one, then that line is named and the rest is built in grams', () => {
    const lines = [...addService([], shirt, '3').lines, ...addService([], wash).lines, ...addService([], wash, '4,25').lines, ...addService([], wash, '1,2345').lines];
    lines[0] = { ...lines[0]!, colour: ' Branco ', notes: '' };
    const built = buildLines(lines);
    expect(built.lines).toEqual([
      { serviceId: 1, quantity: 3, colour: 'Branco', brand: undefined, conditionNotes: undefined },
      { serviceId: 4, weightGrams: 4250, colour: undefined, brand: undefined, conditionNotes: undefined },
    ]);
    expect(Object.values(built.errors)).toEqual(['weightRequired', 'weightInvalid']);
  });
});
