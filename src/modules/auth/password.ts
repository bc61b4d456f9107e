import { hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import crypto from 'node:crypto';
import { AppError } from '../../lib/app-error.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * A bcrypt hash brought over from the earlier system ($2a$/$2b$/$2y$, cost, 53 characters of salt and
 * hash). Sign-in accepts it once and replaces it with Argon2id (docs/IMPORTS.md).
 */
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;
export const isLegacyHash = (storedHash: string): boolean => BCRYPT_HASH.test(storedHash);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Argon2id (the library's default algorithm) with the parameters passed explicitly — the library's own defaults are weaker. */
export function createPasswordHasher(params: Argon2Params) {
  // A hash of a random secret, verified against when the account does not exist, so an unknown login
  // costs the same time as a wrong password (ASVS 6.3.8: no enumeration by timing).
  let dummy: Promise<string> | undefined;
  const dummyHash = () => (dummy ??= hash(crypto.randomBytes(16).toString('hex'), params));

  return {
    hash: (password: string) => hash(password, params),
    async verify(storedHash: string | null | undefined, password: string): Promise<boolean> {
      if (!storedHash) {
        await verify(await dummyHash(), password).catch(() => false);
        return false;
      }
      try {
        if (isLegacyHash(storedHash)) return await bcrypt.compare(password, storedHash);
        return await verify(storedHash, password);
      } catch {
        return false;
      }
    },
  };
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>;

/**
 * The password policy (ASVS 6.2): 8–128 characters, no composition rules, not a common password, not
 * the account's own identifier. Each failure has its own code so the screens can say exactly why.
 */
export function assertPasswordPolicy(password: string, identifiers: string[]): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) {
    throw new AppError(400, 'PASSWORD_TOO_SHORT', `The password must have at least ${PASSWORD_MIN} characters.`);
  }
  if (length > PASSWORD_MAX) {
    throw new AppError(400, 'PASSWORD_TOO_LONG', `The password must have at most ${PASSWORD_MAX} characters.`);
  }
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) {
    throw new AppError(400, 'PASSWORD_TOO_COMMON', 'This password is too common. Choose a less predictable one.');
  }
  const digitsOnly = lowered.replace(/\D/g, '');
  for (const raw of identifiers) {
    const id = raw.toLowerCase().replace(/^\+351/, '');
    if (!id) continue;
    const idDigits = id.replace(/\D/g, '');
    if (lowered.includes(id) || (idDigits.length >= 6 && digitsOnly.includes(idDigits))) {
      throw new AppError(400, 'PASSWORD_CONTAINS_IDENTIFIER', 'The password must not contain your username or phone number.');
    }
  }
}

/** A one-time temporary password (shown once to staff): 12 characters without look-alikes. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 12 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
}
