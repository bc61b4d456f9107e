import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';

/** A client error (4xx) will not change on retry; a network failure or a 5xx might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      // Mutations are never retried blindly: creates retry inside api.create with their idempotency key.
      mutations: { retry: false },
    },
  });
}
