import { ApiError } from '@/lib/api-error';
import { newCorrelationId, newId } from '@/lib/ids';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** Sent as Idempotency-Key: a retry with the same key is answered with the first result. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** A 401 here is an answer, not an expired session (the session probe itself). */
  expectUnauthenticated?: boolean;
}

type ApiEvent = 'unauthenticated' | 'password-change-required';
const listeners = new Map<ApiEvent, Set<() => void>>();

/** Subscribes to session-level outcomes of any call; returns the unsubscribe function. */
export function onApiEvent(event: ApiEvent, listener: () => void): () => void {
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set);
  set.add(listener);
  return () => set.delete(listener);
}

function emit(event: ApiEvent) {
  for (const listener of listeners.get(event) ?? []) listener();
}

interface Envelope {
  success: boolean;
  data?: unknown;
  error?: { code: string; message: string; details?: unknown };
  _meta?: Record<string, unknown>;
}

/** The paging figures of a list answer (`_meta`, PRODUCT §6). */
export interface ListMeta {
  total: number;
  limit: number;
  offset: number;
  count: number;
  nextCursor: string | null;
  totalCapped?: boolean;
}

export interface ListPage<T> {
  items: T[];
  meta: ListMeta;
}

/** A query string from the defined, non-empty values (`?a=1&b=x`, or '' when there are none). */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as Envelope).success === 'boolean';
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/**
 * The one way the web app talks to the API: same-origin cookies, a correlation id on every request
 * (the server logs it, so a reference shown to the user finds the whole story), the envelope unwrapped,
 * and every failure turned into an ApiError with a stable code.
 */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  return (await send(method, path, options)).data as T;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Envelope> {
  const correlationId = newCorrelationId();
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Correlation-Id': correlationId };
  // A file upload (FormData) goes as multipart with the browser's own boundary; anything else as JSON.
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: 'include',
      signal: options.signal,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.', correlationId);
  }

  const reference = response.headers.get('X-Correlation-Id') ?? correlationId;
  const payload: unknown = await response.json().catch(() => undefined);

  if (response.ok && isEnvelope(payload) && payload.success) return payload;
  // 204 No Content (a delete) has no envelope to unwrap.
  if (response.status === 204) return { success: true };

  if (isEnvelope(payload) && payload.error) {
    const { code, message, details } = payload.error;
    const error = new ApiError(response.status, code, message, reference, details, retryAfterSeconds(response));
    if (code === 'UNAUTHENTICATED' && !options.expectUnauthenticated) emit('unauthenticated');
    if (code === 'PASSWORD_CHANGE_REQUIRED') emit('password-change-required');
    throw error;
  }
  throw new ApiError(response.status, 'BAD_RESPONSE', `Unexpected response (HTTP ${response.status}).`, reference);
}

/** Answers worth retrying with the same Idempotency-Key: nothing was decided, or it is still running. */
function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.code === 'IDEMPOTENCY_IN_PROGRESS' || error.status >= 502);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  /** A list endpoint: the items and the paging figures from `_meta`. */
  list: async <T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<ListPage<T>> => {
    const envelope = await send('GET', path, options ?? {});
    return { items: envelope.data as T[], meta: envelope._meta as unknown as ListMeta };
  },
  /**
   * Every item of a short list (the catalogue, the settings, a worker's day), following `nextCursor` page
   * after page at the largest page size, so nothing is cut off when the list grows past one page.
   */
  listAll: async <T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T[]> => {
    const items: T[] = [];
    const join = path.includes('?') ? '&' : '?';
    let cursor: string | null = null;
    do {
      const page: ListPage<T> = await api.list<T>(`${path}${join}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, options);
      items.push(...page.items);
      cursor = page.meta.nextCursor;
    } while (cursor);
    return items;
  },
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),

  /**
   * A POST that creates something. One Idempotency-Key per user action, reused by the automatic
   * retries below, so a phone on a weak signal or a double click never creates two orders or payments.
   */
  async create<T>(path: string, body: unknown, options: RequestOptions & { retries?: number } = {}): Promise<T> {
    const idempotencyKey = options.idempotencyKey ?? newId();
    const retries = options.retries ?? 2;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await apiRequest<T>('POST', path, { ...options, body, idempotencyKey });
      } catch (error) {
        if (attempt >= retries || !isRetryable(error) || options.signal?.aborted) throw error;
        const retryAfter = error instanceof ApiError ? error.retryAfterSeconds : undefined;
        await wait(retryAfter !== undefined ? Math.min(retryAfter, 5) * 1000 : 400 * 2 ** attempt);
      }
    }
  },
};
