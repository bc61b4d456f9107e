import { describe, expect, it } from 'vitest';
import { assertPasswordPolicy, createPasswordHasher, temporaryPassword } from '../../src/modules/auth/password.js';
import type { AppError } from '../../src/lib/app-error.js';

function codeOf(password: string, ids: string[] = []): string | null {
  try {
    assertPasswordPolicy(password, ids);
    return null;
  } catch (err) {
    return (err as AppError).code;
  }
}

describe('password policy', () => {
  it('when a password is shorter than 8 characters, then it is too short', () => {
    expect(codeOf('abc1234')).toBe('PASSWORD_TOO_SHORT');
  });
  it('when a password is 128 characters, then it is accepted; 129 is too long', () => {
    expect(codeOf('x'.repeat(100) + 'y'.repeat(28))).toBeNull();
    expect(codeOf('x'.repeat(129))).toBe('PASSWORD_TOO_LONG');
  });
  it('when a password is a common one in any case, then it is refused', () => {
    expect(codeOf('Password123')).toBe('PASSWORD_TOO_COMMON');
    expect(codeOf('lavandaria2025')).toBe('PASSWORD_TOO_COMMON');
    expect(codeOf('12345678')).toBe('PASSWORD_TOO_COMMON');
  });
  it('when a password contains the username or the phone, then it is refused', () => {
    expect(codeOf('joana.silva!2026', ['joana.silva'])).toBe('PASSWORD_CONTAINS_IDENTIFIER');
    expect(codeOf('my912345678pw', ['+351912345678'])).toBe('PASSWORD_CONTAINS_IDENTIFIER');
  });
  it('when a passphrase has no composition at all, then it is accepted (no composition rules)', () => {
    expect(codeOf('correct horse battery staple')).toBeNull();
  });
  it('when a multi-byte password is measured, then characters are counted, not bytes', () => {
    expect(codeOf('ççççççç')).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf('çãõéíóúâ')).toBeNull();
  });
});

describe('password hashing', () => {
  const hasher = createPasswordHasher({ memoryCost: 19456, timeCost: 2, parallelism: 1 });

  it('when a password is hashed, then it is argon2id with the configured parameters and verifies', async () => {
    const hash = await hasher.hash('a long enough secret');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'a long enough secret')).toBe(true);
    expect(await hasher.verify(hash, 'a long enough secret!')).toBe(false);
  });

  it('when there is no stored hash or a broken one, then verification fails without throwing', async () => {
    expect(await hasher.verify(undefined, 'whatever')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'whatever')).toBe(false);
  });

  it('when temporary passwords are made, then they are 12 characters without look-alikes and pass the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{12}$/);
      expect(() => assertPasswordPolicy(p, [])).not.toThrow();
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
