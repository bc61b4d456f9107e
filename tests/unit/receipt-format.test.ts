import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, formatDecimal, formatEuro, formatRate, formatReceiptNumber } from '../../src/modules/receipts/receipt-format.js';

describe('receipt formatting', () => {
  it('when a receipt is numbered, then it is REC-YYYY-MM-#### with at least four digits', () => {
    expect(formatReceiptNumber('2026-03', 1)).toBe('REC-2026-03-0001');
    expect(formatReceiptNumber('2026-12', 9999)).toBe('REC-2026-12-9999');
    expect(formatReceiptNumber('2026-12', 10000)).toBe('REC-2026-12-10000');
    expect(() => formatReceiptNumber('2026-13', 1)).toThrow(RangeError);
    expect(() => formatReceiptNumber('2026-01', 0)).toThrow(RangeError);
  });

  it('when money is printed, then Portuguese uses dot thousands and a decimal comma, English the reverse', () => {
    expect(formatEuro(2368, 'pt')).toBe('23,68 €');
    expect(formatEuro(123456789, 'pt')).toBe('1.234.567,89 €');
    expect(formatEuro(5, 'pt')).toBe('0,05 €');
    expect(formatEuro(-500, 'pt')).toBe('-5,00 €');
    expect(formatEuro(123456789, 'en')).toBe('€1,234,567.89');
    expect(formatEuro(-500, 'en')).toBe('-€5.00');
    expect(() => formatEuro(1.5, 'pt')).toThrow(RangeError);
  });

  it('when any amount is printed, then reading it back gives the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), (cents) => {
        const text = formatEuro(cents, 'pt').replace(' €', '').replaceAll('.', '').replace(',', '');
        expect(Number(text)).toBe(cents);
      }),
    );
  });

  it('when quantities, rates and dates are printed, then they follow the language', () => {
    expect(formatDecimal(5.5, 'pt')).toBe('5,5');
    expect(formatDecimal(5.5, 'en')).toBe('5.5');
    expect(formatDecimal(2, 'pt')).toBe('2');
    expect(formatRate(2300, 'pt')).toBe('23%');
    expect(formatRate(650, 'pt')).toBe('6,5%');
    expect(formatDate('2026-03-09')).toBe('09/03/2026');
  });
});
