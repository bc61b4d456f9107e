import { describe, expect, it } from 'vitest';
import { priceLine } from '../../src/modules/laundry/laundry-pricing.js';
import { hourlyRateFor } from '../../src/modules/cleaning/cleaning-pricing.js';

describe('client prices in the pricing modules (issue 19 §7)', () => {
  it('when a line has no client price, then the catalogue price applies', () => {
    expect(priceLine({ unit: 'per_kg', unitPriceCents: 350, minimumChargeCents: null, weightGrams: 2500 })).toEqual({
      unitPriceCents: 350,
      clientPrice: false,
      baseCents: 875,
      minimumApplied: false,
      totalCents: 875,
    });
  });

  it("when a line has a client price, then it replaces the catalogue's and the service's minimum still holds", () => {
    expect(priceLine({ unit: 'per_item', unitPriceCents: 800, clientUnitPriceCents: 650, minimumChargeCents: null, quantity: 3 })).toMatchObject({
      unitPriceCents: 650,
      clientPrice: true,
      totalCents: 1950,
    });
    expect(priceLine({ unit: 'per_kg', unitPriceCents: 350, clientUnitPriceCents: 300, minimumChargeCents: 500, weightGrams: 1000 })).toMatchObject({
      unitPriceCents: 300,
      clientPrice: true,
      baseCents: 300,
      minimumApplied: true,
      totalCents: 500,
    });
  });

  it('when a cleaning rate is chosen, then a typed rate wins over the client rate, which wins over the settings', () => {
    expect(hourlyRateFor({ settingsCents: 1500 })).toEqual({ hourlyRateCents: 1500, clientPrice: false });
    expect(hourlyRateFor({ clientCents: 1200, settingsCents: 1500 })).toEqual({ hourlyRateCents: 1200, clientPrice: true });
    expect(hourlyRateFor({ explicitCents: 1800, clientCents: 1200, settingsCents: 1500 })).toEqual({ hourlyRateCents: 1800, clientPrice: false });
    // The booking form proposes the client's rate: sent back unchanged, it is still the client's price.
    expect(hourlyRateFor({ explicitCents: 1200, clientCents: 1200, settingsCents: 1500 })).toEqual({ hourlyRateCents: 1200, clientPrice: true });
    expect(hourlyRateFor({ explicitCents: 1500, settingsCents: 1500 })).toEqual({ hourlyRateCents: 1500, clientPrice: false });
  });
});
