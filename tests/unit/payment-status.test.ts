import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceOf, paymentStatus, splitPayment } from '../../src/modules/payments/payment-status.js';

describe('payment status', () => {
  const total = (cents: number) => ({ basis: 'total' as const, cents });

  it('when nothing, part or all is kept, then pending, partial, paid', () => {
    expect(paymentStatus(total(4336), { paid: 0, refunded: 0 })).toBe('pending');
    expect(paymentStatus(total(4336), { paid: 2000, refunded: 0 })).toBe('partial');
    expect(paymentStatus(total(4336), { paid: 4336, refunded: 0 })).toBe('paid');
    expect(paymentStatus(total(4336), { paid: 4336, refunded: 800 })).toBe('partial');
    expect(paymentStatus(total(4336), { paid: 800, refunded: 800 })).toBe('pending');
  });

  it('when only an estimate is known, then a full deposit is still partial', () => {
    expect(paymentStatus({ basis: 'estimate', cents: 3690 }, { paid: 3690, refunded: 0 })).toBe('partial');
    expect(paymentStatus({ basis: 'estimate', cents: 3690 }, { paid: 0, refunded: 0 })).toBe('pending');
  });

  it('when a payment is split, then the applied part never passes the balance and a tip only exists when asked for', () => {
    expect(splitPayment(500, 336, false)).toBeNull();
    expect(splitPayment(500, 336, true)).toEqual({ applied: 336, tip: 164 });
    expect(splitPayment(300, 336, false)).toEqual({ applied: 300, tip: 0 });
    expect(splitPayment(100, null, false)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: -1000, max: 1_000_000 }), fc.boolean(), (amount, outstanding, asTip) => {
        const split = splitPayment(amount, outstanding, asTip);
        if (!split) {
          expect(!asTip && amount > Math.max(outstanding, 0)).toBe(true);
          return;
        }
        expect(split.applied + split.tip).toBe(amount);
        expect(split.applied).toBeLessThanOrEqual(Math.max(outstanding, 0));
        expect(split.tip === 0 || asTip).toBe(true);
      }),
    );
  });

  it('when the balance is read, then it is due minus kept money (negative when the client is owed)', () => {
    expect(balanceOf(total(4336), { paid: 5000, refunded: 0 })).toBe(-664);
    expect(balanceOf({ basis: 'estimate', cents: null }, { paid: 0, refunded: 0 })).toBeNull();
  });
});
