/**
 * The response envelope of PRODUCT §6: every answer carries `success`, its payload and `_meta`
 * (correlation id, timestamp; lists add paging figures).
 */
export interface Meta {
  correlationId: string;
  timestamp: string;
  [key: string]: unknown;
}

export interface ListMeta {
  total: number;
  limit: number;
  offset: number;
  count: number;
  nextCursor: string | null;
  totalCapped?: boolean;
}

export function meta(correlationId: string, extra: Record<string, unknown> = {}): Meta {
  return { correlationId, timestamp: new Date().toISOString(), ...extra };
}

export function successBody<T>(data: T, correlationId: string, extra: Record<string, unknown> = {}) {
  return { success: true as const, data, _meta: meta(correlationId, extra) };
}

export function listBody<T>(items: T[], list: ListMeta, correlationId: string) {
  return { success: true as const, data: items, _meta: meta(correlationId, { ...list }) };
}

export function errorBody(code: string, message: string, correlationId: string, details?: unknown) {
  return {
    success: false as const,
    error: details === undefined ? { code, message } : { code, message, details },
    _meta: meta(correlationId),
  };
}
