import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNif, nifCheckDigit } from '../../src/lib/nif.js';
import { isValidIban } from '../../src/contracts/settings.js';

describe('Portuguese NIF', () => {
  it('when real-format NIFs are checked, then valid check digits pass and a changed digit fails', () => {
    // Check digits worked by hand: 12345678 → Σ = 1·9+2·8+3·7+4·6+5·5+6·4+7·3+8·2 = 156, 156 mod 11 = 2, 11 − 2 = 9.
    expect(isValidNif('123456789')).toBe(true);
    expect(isValidNif('123456780')).toBe(false);
    expect(isValidNif('501964843')).toBe(true);
    expect(isValidNif('501964842')).toBe(false);
  });

  it('when the input is not nine digits or has an unused first digit, then it fails', () => {
    for (const bad of ['', '12345678', '1234567890', '12345678a', '423456789', '000000000']) expect(isValidNif(bad), bad).toBe(false);
  });

  it('when a remainder is 0 or 1, then the check digit is 0', () => {
    // 10000000: Σ = 9, 9 mod 11 = 9 → 2; 20000006: find one with remainder < 2 by search instead of by hand.
    const prefix = Array.from({ length: 1000 }, (_, i) => String(20_000_000 + i)).find((p) => {
      let sum = 0;
      for (let i = 0; i < 8; i += 1) sum += Number(p[i]) * (9 - i);
      return sum % 11 < 2;
    })!;
    expect(nifCheckDigit(prefix)).toBe(0);
    expect(isValidNif(`${prefix}0`)).toBe(true);
  });

  it('when any valid-prefix body gets its computed check digit, then it validates, and any other last digit does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000, max: 39_999_999 }), fc.integer({ min: 0, max: 9 }), (body, other) => {
        const firstEight = String(body);
        const check = nifCheckDigit(firstEight);
        expect(isValidNif(`${firstEight}${check}`)).toBe(true);
        if (other !== check) expect(isValidNif(`${firstEight}${other}`)).toBe(false);
      }),
    );
  });
});

describe('IBAN', () => {
  it('when a well-known example IBAN is checked, then it passes with or without spaces, and a typo fails', () => {
    expect(isValidIban('PT50 0002 0123 1234 5678 9015 4')).toBe(true);
    expect(isValidIban('PT50000201231234567890154')).toBe(true);
    expect(isValidIban('PT50000201231234567890155')).toBe(false);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('not an iban')).toBe(false);
  });
});
