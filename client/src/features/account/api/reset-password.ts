import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** POST /api/auth/reset-password: a reset link's token and the new password (single use). */
export function resetPassword(input: { token: string; newPassword: string }) {
  return api.post<{ reset: true }>('/api/auth/reset-password', input);
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
