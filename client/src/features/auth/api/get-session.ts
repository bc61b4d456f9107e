import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { PrincipalDto } from '@contracts/auth';
import { api } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { sessionHint } from '@/lib/session-hint';

export type Principal = PrincipalDto;
export type Role = Principal['role'];

export const sessionQueryKey = ['auth', 'session'] as const;

/** GET /api/auth/session: the signed-in account, or null when signed out (401 is an answer here). */
export async function getSession(): Promise<Principal | null> {
  try {
    const principal = await api.get<Principal>('/api/auth/session', { expectUnauthenticated: true });
    sessionHint.set(true);
    return principal;
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) {
      sessionHint.set(false);
      return null;
    }
    throw error;
  }
}

export function useSession(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: 5 * 60_000, enabled: options.enabled ?? true });
}

/** The signed-in account inside a guarded route (the guard has already made sure there is one). */
export function usePrincipal(): Principal {
  const { data } = useSession();
  if (!data) throw new Error('usePrincipal is only available under a signed-in route');
  return data;
}

/** Records a fresh principal (after sign-in, a password change or a profile update). */
export function storePrincipal(queryClient: QueryClient, principal: Principal): void {
  sessionHint.set(true);
  queryClient.setQueryData(sessionQueryKey, principal);
}

/** Forgets everything about the previous account: cached data belongs to whoever was signed in. */
export function clearSession(queryClient: QueryClient): void {
  sessionHint.set(false);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, null);
}
