import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  type: 'user' | 'client';
  id: number;
  role: 'master' | 'admin' | 'worker' | 'client';
}

export interface RequestContext {
  correlationId: string;
  startedAt: number;
  actor?: Actor;
  ip?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Carries the correlation id (and later the actor) into services and SQL logging without threading it through every call. */
export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function isValidCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && CORRELATION_ID.test(value);
}

export function newCorrelationId(now = Date.now()): string {
  return `req_${now}_${Math.random().toString(36).slice(2, 10)}`;
}
