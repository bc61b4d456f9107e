import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** GET /api/auth/password-reset-options: whether "forgot password" by e-mail works on this server. */
export function getPasswordResetOptions(signal?: AbortSignal) {
  return api.get<{ emailResetAvailable: boolean }>('/api/auth/password-reset-options', { signal });
}

export function usePasswordResetOptions() {
  return useQuery({ queryKey: ['auth', 'password-reset-options'], queryFn: ({ signal }) => getPasswordResetOptions(signal), staleTime: 30 * 60_000 });
}
