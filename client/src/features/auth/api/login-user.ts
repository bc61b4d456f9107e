import type { LoginUserInput } from '@contracts/auth';
import { api } from '@/lib/api-client';
import type { Principal } from './get-session';

/** POST /api/auth/login/user: staff sign-in with username and password. */
export function loginUser(input: LoginUserInput): Promise<Principal> {
  return api.post<Principal>('/api/auth/login/user', input);
}
