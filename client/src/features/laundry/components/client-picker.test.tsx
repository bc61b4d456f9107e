import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClientOption } from '@/features/clients/api/client-options';
import { ClientPicker } from '@/features/laundry/components/client-picker';
import { envelope, renderWithProviders } from '@/test/render';

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

const CLIENTS: ClientOption[] = [
  { id: 1, name: 'Maria Santos', phone: '+351911111111', companyName: null, isActive: true },
  { id: 2, name: 'Mário Lopes', phone: '+351922222222', companyName: null, isActive: true },
  { id: 3, name: 'João Pires', phone: '+351933333333', companyName: null, isActive: true },
];

beforeEach(() => {
  fetchMock.mockImplementation(async (url) => {
    const search = new URL(String(url), 'http://app').searchParams.get('search')?.toLowerCase() ?? '';
    const items = CLIENTS.filter((c) => c.name.toLowerCase().includes(search));
    return envelope(200, { data: items });
  });
});
afterEach(() => fetchMock.mockReset());

function Picker() {
  const [selected, setSelected] = useState<ClientOption | null>(null);
  return (
    <>
      <ClientPicker label="Cliente" selected={selected} onSelect={setSelected} />
      <output data-testid="chosen">{selected?.name ?? ''}</output>
    </>
  );
}

/** Long enough for the debounced search and its answer to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe('the client picker of a new order', () => {
  it('when a client is chosen with the mouse, then the list closes and stays closed', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Picker />);
    await user.type(screen.getByRole('combobox', { name: 'Cliente' }), 'mar');
    // The phone as people read it, not as stored (E.164).
    expect(await screen.findByRole('option', { name: /Maria Santos/ })).toHaveTextContent('+351 911 111 111');
    await user.click(await screen.findByRole('option', { name: /Maria Santos/ }));
    expect(screen.getByTestId('chosen')).toHaveTextContent('Maria Santos');
    await settle();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Cliente' })).toHaveValue('Maria Santos');
  });

  it('when a client is chosen with the keyboard, then the list closes and stays closed', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Picker />);
    await user.type(screen.getByRole('combobox', { name: 'Cliente' }), 'mar');
    await screen.findByRole('option', { name: /Maria Santos/ });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(screen.getByTestId('chosen')).not.toHaveTextContent(''));
    await settle();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });
});
