import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizePhone } from '../../src/lib/phone.js';

describe('phone normalisation', () => {
  it.each([
    ['911111111', '+351911111111'],
    ['911 111 111', '+351911111111'],
    ['+351 911 111 111', '+351911111111'],
    ['00351911111111', '+351911111111'],
    ['351911111111', '+351911111111'],
    ['213 456 789', '+351213456789'],
    ['+44 20 7946 0958', '+442079460958'],
    ['(+351) 93-123-4567', '+351931234567'],
  ])('when %s is given, then it becomes %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['', '12345', '111111111', '411111111', 'abc', '+351 11111111', '91111111x', '+1234'])('when %j is given, then it is not a phone', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('when a normalised number is normalised again, then it is unchanged', () => {
    fc.assert(
      fc.property(fc.constantFrom('9', '2'), fc.stringMatching(/^\d{8}$/), (first, rest) => {
        const once = normalizePhone(`${first}${rest}`);
        expect(once).not.toBeNull();
        expect(normalizePhone(once!)).toBe(once);
      }),
    );
  });
});
