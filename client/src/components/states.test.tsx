import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoadMore } from '@/components/pager';
import { QueryView } from '@/components/states';
import { ApiError } from '@/lib/api-error';
import { renderWithProviders } from '@/test/render';

const refetch = vi.fn();
const loading = { isPending: true, isSuccess: false, error: null, refetch, data: undefined };
const loaded = <T,>(data: T) => ({ isPending: false, isSuccess: true, error: null, refetch, data });
const failed = (error: unknown) => ({ isPending: false, isSuccess: false, error, refetch, data: undefined });
const empty = { icon: 'basket' as const, title: 'Nada por aqui', text: 'Ainda sem encomendas.' };

describe('QueryView', () => {
  it('when the query is loading, then it shows the loader and not the body', () => {
    renderWithProviders(<QueryView query={loading}>{() => <p>corpo</p>}</QueryView>);
    expect(screen.getByRole('status')).toBeInTheDocument();
    expect(screen.queryByText('corpo')).not.toBeInTheDocument();
  });

  it('when the query failed, then it shows the failure with a retry that asks again', async () => {
    refetch.mockClear();
    renderWithProviders(<QueryView query={failed(new ApiError(500, 'INTERNAL', 'boom', 'req_1'))}>{() => <p>corpo</p>}</QueryView>);
    const alert = screen.getByRole('alert');
    expect(alert).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button'));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('when the query answered 404, then it says the thing does not exist, without a retry', () => {
    renderWithProviders(<QueryView query={failed(new ApiError(404, 'NOT_FOUND', 'no', 'req_1'))}>{() => <p>corpo</p>}</QueryView>);
    expect(screen.getByText('404')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when the list (an array or a page of items) is empty, then it shows the empty state it was given', () => {
    const { unmount } = renderWithProviders(<QueryView query={loaded([])} empty={empty}>{() => <p>corpo</p>}</QueryView>);
    expect(screen.getByRole('heading', { name: 'Nada por aqui' })).toBeInTheDocument();
    expect(screen.getByText('Ainda sem encomendas.')).toBeInTheDocument();
    expect(screen.queryByText('corpo')).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<QueryView query={loaded({ items: [], meta: {} })} empty={empty}>{() => <p>corpo</p>}</QueryView>);
    expect(screen.getByRole('heading', { name: 'Nada por aqui' })).toBeInTheDocument();
  });

  it('when there are rows, or isEmpty says the data is not empty, then it draws the body with the data', () => {
    const { unmount } = renderWithProviders(<QueryView query={loaded(['a', 'b'])} empty={empty}>{(rows) => <p>{rows.join('+')}</p>}</QueryView>);
    expect(screen.getByText('a+b')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Nada por aqui' })).not.toBeInTheDocument();
    unmount();
    renderWithProviders(
      <QueryView query={loaded({ pages: [{ items: [] }] })} empty={empty} isEmpty={(data) => data.pages[0]?.items.length === 0}>
        {() => <p>corpo</p>}
      </QueryView>,
    );
    expect(screen.getByRole('heading', { name: 'Nada por aqui' })).toBeInTheDocument();
  });
});

describe('LoadMore', () => {
  it('when there is no next page, then it shows nothing', () => {
    const { container } = renderWithProviders(<LoadMore query={{ hasNextPage: false, isFetchingNextPage: false, fetchNextPage: vi.fn() }} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('when there is a next page, then pressing it reads that page, and while it loads it cannot be pressed again', async () => {
    const fetchNextPage = vi.fn();
    const { rerender } = renderWithProviders(<LoadMore query={{ hasNextPage: true, isFetchingNextPage: false, fetchNextPage }} label="Mais antigas" />);
    await userEvent.click(screen.getByRole('button', { name: 'Mais antigas' }));
    expect(fetchNextPage).toHaveBeenCalledTimes(1);
    rerender(<LoadMore query={{ hasNextPage: true, isFetchingNextPage: true, fetchNextPage }} label="Mais antigas" />);
    await userEvent.click(screen.getByRole('button'));
    expect(fetchNextPage).toHaveBeenCalledTimes(1);
  });
});
