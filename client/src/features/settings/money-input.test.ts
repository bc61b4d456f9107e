import { describe, expect, it } from 'vitest';
import { basisPointsToInput, centsToInput, eurosToCents, percentToBasisPoints } from './money-input';

describe('euros and percentages typed in settings', () => {
  it('when euros are typed the Portuguese or English way, then they become exact cents', () => {
    expect(eurosToCents('5')).toBe(500);
    expect(eurosToCents('5,5')).toBe(550);
    expect(eurosToCents('€ 19.99')).toBe(1999);
    expect(eurosToCents('0,07')).toBe(7);
  });

  it('when the text is not an amount, then it is refused rather than guessed', () => {
    expect(eurosToCents('5,555')).toBeNull();
    expect(eurosToCents('-3')).toBeNull();
    expect(eurosToCents('abc')).toBeNull();
    expect(eurosToCents('')).toBeNull();
  });

  it('when a VAT rate is typed as a percentage, then it becomes basis points', () => {
    expect(percentToBasisPoints('23')).toBe(2300);
    expect(percentToBasisPoints('23,5 %')).toBe(2350);
    expect(percentToBasisPoints('6.25')).toBe(625);
    expect(percentToBasisPoints('1000')).toBeNull();
  });

  it('when stored values are shown for editing, then they read back as typed', () => {
    expect(centsToInput(500, 'pt')).toBe('5,00');
    expect(centsToInput(1507, 'en')).toBe('15.07');
    expect(basisPointsToInput(2300, 'pt')).toBe('23');
    expect(basisPointsToInput(2350, 'pt')).toBe('23,5');
    expect(eurosToCents(centsToInput(123456, 'pt'))).toBe(123456);
  });
});
