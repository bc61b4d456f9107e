import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '@/test/render';
import { RouteErrorPage } from './route-error-page';

const chunkError = () => new TypeError('Failed to fetch dynamically imported module: /assets/worker-today-page-x1.js');

describe('the error page when a screen could not be loaded', () => {
  afterEach(() => vi.restoreAllMocks());

  it('when the phone has no signal, then it says so (not that a new version exists)', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderWithProviders(<RouteErrorPage error={chunkError()} inline />);
    expect(screen.getByRole('heading', { name: 'Sem ligação' })).toBeInTheDocument();
    expect(screen.queryByText('Há uma nova versão disponível')).not.toBeInTheDocument();
  });

  it('when online, then the missing file means a new version was deployed', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    renderWithProviders(<RouteErrorPage error={chunkError()} inline />);
    expect(screen.getByRole('heading', { name: 'Há uma nova versão disponível' })).toBeInTheDocument();
  });
});
