import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
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
  categoryId: 1,
  position: 0,
  turnaroundDays: 2,
  express: null,
  isActive: true,
  version: 1,
  updatedAt: '2026-12-01T10:00:00Z',
  ...overrides,
});
const category = (id: number, name: string, nameEn: string, position: number) => ({ id, name, nameEn, position, isActive: true, version: 1 });

function answer(services: object[]) {
  fetchMock.mockImplementation((input) => {
    const url = String(input instanceof Request ? input.url : input);
    const data = url.includes('/api/laundry-categories') ? [category(1, 'Ao quilo', 'By weight', 1), category(2, 'Vestuário', 'Clothing', 2)] : services;
    return Promise.resolve(envelope(200, { data }));
  });
}

describe('the laundry price list for staff', () => {
  it('when a service is a package, then it names its parts in words and shows no internal code', async () => {
    answer([
      service({ isPackage: true, packageIncludes: ['WASH', 'IRON'] }),
      service({ id: 2, code: 'DRY_CLEAN', name: 'Limpeza a seco', nameEn: 'Dry cleaning', pricingUnit: 'per_item', priceCents: 900, categoryId: 2 }),
    ]);
    renderWithProviders(<CataloguePage />);
    expect(await screen.findByText(/Inclui lavagem e engomagem/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/WASH|IRON|DRY_CLEAN/);
  });

  it('when services have categories, then they are listed under their headings in order, with unit, turnaround and express', async () => {
    answer([
      service({ id: 2, code: 'SHIRT', name: 'Camisa', nameEn: 'Shirt', pricingUnit: 'per_item', priceCents: 250, categoryId: 2, turnaroundDays: 3, express: { kind: 'percent', value: 5000, turnaroundDays: 1 } }),
      service({ id: 1 }),
    ]);
    renderWithProviders(<CataloguePage />);
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual([expect.stringContaining('Ao quilo'), expect.stringContaining('Vestuário')]);
    const clothing = screen.getByRole('list', { name: 'Vestuário' });
    expect(within(clothing).getByText('Camisa')).toBeInTheDocument();
    expect(within(clothing).getByText('por peça')).toBeInTheDocument();
    expect(within(clothing).getByText(/Pronto em 3 dias/)).toBeInTheDocument();
    expect(clothing.textContent).toMatch(/Expresso\s*\+50%\s*·\s*1 dia/);
    expect(within(screen.getByRole('list', { name: 'Ao quilo' })).getByText('por kg')).toBeInTheDocument();
  });
});
