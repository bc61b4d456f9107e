import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { PriceBreakdown } from '@/features/laundry/components/price-breakdown';
import { renderWithProviders } from '@/test/render';
import '@/features/laundry/laundry-strings';

const breakdown = { linesTotalCents: 3525, additionalChargesCents: 0, discountCents: 0, deliveryFeeCents: 0, subtotalCents: 3525, vatRateBasisPoints: 2300, vatCents: 811, totalCents: 4336 };

describe('the price breakdown of an order', () => {
  it('when VAT is shown, then its rate is written as on the receipt ("23%", "6,5%")', () => {
    renderWithProviders(<PriceBreakdown breakdown={breakdown} />);
    expect(screen.getByText('IVA (23%)')).toBeInTheDocument();
  });

  it('when the rate has a fraction, then it uses the decimal comma', () => {
    renderWithProviders(<PriceBreakdown breakdown={{ ...breakdown, vatRateBasisPoints: 650 }} />);
    expect(screen.getByText('IVA (6,5%)')).toBeInTheDocument();
  });
});
