import type { Queryable } from '../../db/pool.js';
import { createAuthRepository } from '../auth/auth.repository.js';
import { principalKey } from '../auth/auth.service.js';

/**
 * Ends every session of an account inside the caller's transaction, so a deactivation or a password
 * reset and the end of the account's sessions commit together (ASVS 7.4.2).
 */
export function endAccountSessions(tx: Queryable, type: 'user' | 'client', id: number): Promise<number> {
  return createAuthRepository(tx).endSessions(principalKey(type, id));
}
