import { describe, expect, it } from 'vitest';
import { MAX_PAYMENT_CENTS } from '@contracts/payments';
import { centsToEuroInput, eurosToCentsStrict, parseEuroAmount } from './euro-amount';

describe('euro amounts typed in the payment dialog', () => {
  it('when an amount has a decimal comma or point, then it becomes exact cents in either language', () => {
    for (const locale of ['pt', 'en'] as const) {
      expect(eurosToCentsStrict('12,50', locale)).toBe(1250);
      expect(eurosToCentsStrict('12.50', locale)).toBe(1250);
      expect(eurosToCentsStrict('0,07', locale)).toBe(7);
      expect(eurosToCentsStrict('5,5', locale)).toBe(550);
      expect(eurosToCentsStrict('20', locale)).toBe(2000);
      expect(eurosToCentsStrict(' 23,36 € ', locale)).toBe(2336);
      expect(eurosToCentsStrict('€19.99', locale)).toBe(1999);
    }
  });

  it('when thousands are grouped in the language’s own style, then the grouping is read', () => {
    expect(eurosToCentsStrict('1.234,56', 'pt')).toBe(123_456);
    expect(eurosToCentsStrict('1.500', 'pt')).toBe(150_000);
    expect(eurosToCentsStrict('1 500,00', 'pt')).toBe(150_000);
    expect(eurosToCentsStrict('1\u00a0500,00', 'pt')).toBe(150_000);
    expect(eurosToCentsStrict('1,234.56', 'en')).toBe(123_456);
    expect(eurosToCentsStrict('1,500', 'en')).toBe(150_000);
  });

  it('when a separator could mean three decimals, then it is refused rather than guessed', () => {
    expect(eurosToCentsStrict('1,500', 'pt')).toBeNull();
    expect(eurosToCentsStrict('1.500', 'en')).toBeNull();
    expect(eurosToCentsStrict('12,345', 'pt')).toBeNull();
    expect(eurosToCentsStrict('1.234.5', 'pt')).toBeNull();
    expect(eurosToCentsStrict('1,23,4', 'en')).toBeNull();
  });

  it('when the text is not an amount, then it is refused', () => {
    for (const text of ['abc', '-5', '5-', '12,5a', ',50', '5,', '1e3', '0x10', '+5']) expect(eurosToCentsStrict(text, 'pt'), text).toBeNull();
  });

  it('when an amount is checked for a payment, then empty, zero and above the limit each say why', () => {
    expect(parseEuroAmount('', 'pt')).toEqual({ ok: false, problem: 'empty' });
    expect(parseEuroAmount('   ', 'pt')).toEqual({ ok: false, problem: 'empty' });
    expect(parseEuroAmount('0,00', 'pt')).toEqual({ ok: false, problem: 'zero' });
    expect(parseEuroAmount('dez', 'pt')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseEuroAmount('100.000', 'pt')).toEqual({ ok: true, cents: MAX_PAYMENT_CENTS });
    expect(parseEuroAmount('100.000,01', 'pt')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseEuroAmount('99999999999999999999', 'pt')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseEuroAmount('23,36', 'pt')).toEqual({ ok: true, cents: 2336 });
  });

  it('when an amount is put back in the input, then it reads as that language types it and parses back', () => {
    expect(centsToEuroInput(2336, 'pt')).toBe('23,36');
    expect(centsToEuroInput(5, 'en')).toBe('0.05');
    expect(centsToEuroInput(150_000, 'pt')).toBe('1500,00');
    for (const cents of [1, 99, 100, 2336, 150_000]) {
      expect(eurosToCentsStrict(centsToEuroInput(cents, 'pt'), 'pt')).toBe(cents);
      expect(eurosToCentsStrict(centsToEuroInput(cents, 'en'), 'en')).toBe(cents);
    }
  });
});
