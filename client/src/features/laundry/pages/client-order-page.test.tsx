import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import ClientOrderPage from '@/features/laundry/pages/client-order-page';
import ClientJobPage from '@/features/cleaning/pages/client-job-page';
import { envelope, renderWithProviders } from '@/test/render';

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);
afterEach(() => fetchMock.mockReset());

// The server answers 404 for an order that is not the client's own (it never says whose it is).
function answerNotFound() {
  fetchMock.mockImplementation(async (url) =>
    String(url).includes('notifications') ? envelope(200, { data: [] }) : envelope(404, { error: { code: 'NOT_FOUND', message: 'Not found' } }),
  );
}

describe("a client opening an order that is not theirs", () => {
  it('when it is a laundry order, then the page says it does not exist and offers no retry', async () => {
    answerNotFound();
    renderWithProviders(
      <Routes>
        <Route path="/client/laundry/:id" element={<ClientOrderPage />} />
      </Routes>,
      { route: '/client/laundry/999' },
    );
    expect(await screen.findByRole('heading', { name: 'Página não encontrada' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tentar de novo' })).not.toBeInTheDocument();
    expect(screen.queryByText('Não foi possível carregar')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Voltar ao início' })).toHaveAttribute('href', '/client');
  });

  it('when it is a cleaning job, then the page says it does not exist and offers no retry', async () => {
    answerNotFound();
    renderWithProviders(
      <Routes>
        <Route path="/client/cleaning/:id" element={<ClientJobPage />} />
      </Routes>,
      { route: '/client/cleaning/999' },
    );
    expect(await screen.findByRole('heading', { name: 'Página não encontrada' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tentar de novo' })).not.toBeInTheDocument();
  });
});
