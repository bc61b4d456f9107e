import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** POST /api/auth/forgot-password: the same 202 whether or not an account matches (nothing leaks). */
export function forgotPassword(identifier: string) {
  return api.post<{ accepted: true }>('/api/auth/forgot-password', { identifier });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
