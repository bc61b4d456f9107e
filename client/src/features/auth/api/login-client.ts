import type { LoginClientInput } from '@contracts/auth';
import { api } from '@/lib/api-client';
import type { Principal } from './get-session';

/** POST /api/auth/login/client: client sign-in with phone number (9 digits or +351…) and password. */
export function loginClient(input: LoginClientInput): Promise<Principal> {
  return api.post<Principal>('/api/auth/login/client', input);
}
