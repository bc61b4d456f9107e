import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import CataloguePage from '@/features/laundry/pages/catalogue-page';
import { envelope, renderWithProviders } from '@/test/render';

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);
afterEach(() => fetchMock.mockReset());

const service = (overrides: object) => ({
  id: 1,
  code: 'WASH_IRON',
  name: 'Lavar + Engomar',
  nameEn: 'Wash + Iron',
  pricingUnit: 'per_kg',
  priceCents: 350,
  minimumChargeCents: null,
  isPackage: false,
  packageIncludes: [],
  description: null,
  isActive: true,
  version: 1,
  ...overrides,
});

describe('the laundry price list for staff', () => {
  it('when a service is a package, then it names its parts in words and shows no internal code', async () => {
    fetchMock.mockResolvedValue(
      envelope(200, {
        data: [service({ isPackage: true, packageIncludes: ['WASH', 'IRON'] }), service({ id: 2, code: 'DRY_CLEAN', name: 'Limpeza a seco', nameEn: 'Dry cleaning', pricingUnit: 'per_item', priceCents: 900 })],
      }),
    );
    renderWithProviders(<CataloguePage />);
    expect(await screen.findByText('Inclui lavagem e engomagem')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/WASH|IRON|DRY_CLEAN/);
  });
});
