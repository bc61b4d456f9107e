import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, onApiEvent, queryString } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { envelope } from '@/test/render';

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

function lastRequest(index = -1) {
  const call = fetchMock.mock.calls.at(index)!;
  return { url: call[0] as string, init: call[1]!, headers: call[1]!.headers as Record<string, string> };
}

afterEach(() => fetchMock.mockReset());

describe('api client', () => {
  it('when a call succeeds, then it sends the cookie and a correlation id and returns the data without the envelope', async () => {
    fetchMock.mockResolvedValueOnce(envelope(200, { data: { id: 7 } }));
    await expect(api.get('/api/things/7')).resolves.toEqual({ id: 7 });
    const { init, headers } = lastRequest();
    expect(init.credentials).toBe('include');
    expect(headers['X-Correlation-Id']).toMatch(/^web_\d+_[0-9a-f]{8}$/);
    expect(headers['Idempotency-Key']).toBeUndefined();
  });

  it('when the server answers with an error envelope, then it becomes an ApiError with code, reference and Retry-After', async () => {
    fetchMock.mockResolvedValueOnce(envelope(429, { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many' } }, { 'Retry-After': '120' }));
    const error = await api.post('/api/auth/login/user', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMIT_EXCEEDED', correlationId: 'req_test_1', retryAfterSeconds: 120 });
  });

  it('when the answer is not the API envelope (a proxy error page), then the code is BAD_RESPONSE', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(api.get('/api/x')).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
  });

  it('when the network fails, then the code is NETWORK_ERROR', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.get('/api/x')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('when any call answers 401 UNAUTHENTICATED, then listeners hear of it, except for the session probe', async () => {
    const heard = vi.fn();
    const off = onApiEvent('unauthenticated', heard);
    fetchMock.mockImplementation(async () => envelope(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }));
    await api.get('/api/auth/session', { expectUnauthenticated: true }).catch(() => undefined);
    expect(heard).not.toHaveBeenCalled();
    await api.patch('/api/auth/profile', { name: 'X' }).catch(() => undefined);
    expect(heard).toHaveBeenCalledTimes(1);
    off();
  });

  it('when a create fails on the network and is retried, then every attempt carries the same Idempotency-Key', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(envelope(201, { data: { id: 1 } }));
    vi.useFakeTimers();
    const created = api.create('/api/laundry-orders', { clientId: 1 });
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    await expect(created).resolves.toEqual({ id: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const first = lastRequest(0).headers['Idempotency-Key'];
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastRequest(1).headers['Idempotency-Key']).toBe(first);
  });

  it('when a create is refused (4xx), then it is not retried', async () => {
    fetchMock.mockResolvedValueOnce(envelope(400, { error: { code: 'VALIDATION_FAILED', message: 'Bad', details: [{ path: 'body.clientId', message: 'x', code: 'invalid_type' }] } }));
    const error = await api.create('/api/laundry-orders', {}).catch((e: unknown) => e);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((error as ApiError).fieldIssues).toEqual([{ path: 'body.clientId', message: 'x', code: 'invalid_type' }]);
  });
  it('when a list is read, then the items come with the paging figures of _meta', async () => {
    const meta = { correlationId: 'req_test_1', timestamp: '2025-01-01T00:00:00.000Z', total: 120, limit: 50, offset: 0, count: 50, nextCursor: 'abc' };
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ success: true, data: [{ id: 1 }], _meta: meta }), { status: 200 }));
    const page = await api.list<{ id: number }>('/api/clients');
    expect(page.items).toEqual([{ id: 1 }]);
    expect(page.meta).toMatchObject({ total: 120, nextCursor: 'abc' });
  });

  it('when a delete answers 204 without a body, then it succeeds', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(api.delete('/api/properties/3')).resolves.toBeUndefined();
  });

  it('when a query string is built, then empty values are left out', () => {
    expect(queryString({ search: 'ana maria', role: undefined, active: false, cursor: '', limit: 20 })).toBe('?search=ana+maria&active=false&limit=20');
    expect(queryString({ search: '' })).toBe('');
  });
});
