import type { ReactElement } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from '@/lib/query-client';

/** Renders with the providers the app has (query cache, router) at the given address. */
export function renderWithProviders(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const queryClient = createQueryClient();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

/** A fetch answer in the API's envelope. */
export function envelope(status: number, body: { data?: unknown; error?: { code: string; message: string; details?: unknown } }, headers: Record<string, string> = {}) {
  const payload = body.error
    ? { success: false, error: body.error, _meta: { correlationId: 'req_test_1', timestamp: '2025-01-01T00:00:00.000Z' } }
    : { success: true, data: body.data, _meta: { correlationId: 'req_test_1', timestamp: '2025-01-01T00:00:00.000Z' } };
  return new Response(JSON.stringify(payload), { status, headers: { 'Content-Type': 'application/json', 'X-Correlation-Id': 'req_test_1', ...headers } });
}
