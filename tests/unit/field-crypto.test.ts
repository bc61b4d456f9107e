import { describe, expect, it } from 'vitest';
import { createFieldCipher, FieldCryptoError } from '../../src/lib/field-crypto.js';
import type { ConfigError} from '../../src/config/config.js';
import { loadConfig } from '../../src/config/config.js';

const KEY_A = '0f'.repeat(32);
const KEY_B = 'a1'.repeat(32);
const CONTEXT = 'properties.access_instructions';

describe('field encryption', () => {
  it('when a value is encrypted twice, then the ciphertexts differ, hide the value, and both decrypt', () => {
    const cipher = createFieldCipher(KEY_A);
    const one = cipher.encrypt('Lockbox 4815', CONTEXT);
    const two = cipher.encrypt('Lockbox 4815', CONTEXT);
    expect(one).not.toBe(two);
    expect(one).not.toContain('4815');
    expect(one).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(cipher.decrypt(one, CONTEXT)).toBe('Lockbox 4815');
    expect(cipher.decrypt(two, CONTEXT)).toBe('Lockbox 4815');
  });

  it('when a ciphertext is tampered with or read in another column, then it does not decrypt', () => {
    const cipher = createFieldCipher(KEY_A);
    const token = cipher.encrypt('Código 1234', CONTEXT);
    const parts = token.split('.');
    const last = parts[4]!;
    parts[4] = (last[0] === 'A' ? 'B' : 'A') + last.slice(1);
    expect(() => cipher.decrypt(parts.join('.'), CONTEXT)).toThrow(FieldCryptoError);
    expect(() => cipher.decrypt(token, 'clients.notes')).toThrow(FieldCryptoError);
    expect(() => cipher.decrypt('plain text', CONTEXT)).toThrow(FieldCryptoError);
  });

  it('when the key is rotated, then old values still decrypt with the previous key and new ones use the new key', () => {
    const old = createFieldCipher(KEY_A).encrypt('antigo', CONTEXT);
    const rotated = createFieldCipher(KEY_B, [KEY_A]);
    expect(rotated.decrypt(old, CONTEXT)).toBe('antigo');
    const fresh = rotated.encrypt('novo', CONTEXT);
    expect(fresh.split('.')[1]).not.toBe(old.split('.')[1]);
    expect(() => createFieldCipher(KEY_A).decrypt(fresh, CONTEXT)).toThrow(/no configured key/);
  });

  it('when production has no FIELD_ENCRYPTION_KEY or a malformed one, then configuration refuses to start with the variable named', () => {
    const base = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(64), DB_HOST: 'db', DB_USER: 'u', DB_PASSWORD: 'p', DB_NAME: 'd' };
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems(base).some((p) => p.startsWith('FIELD_ENCRYPTION_KEY: is required in production'))).toBe(true);
    expect(problems({ ...base, FIELD_ENCRYPTION_KEY: 'xyz' })).toEqual(['FIELD_ENCRYPTION_KEY: must be 64 hexadecimal characters (32 random bytes)']);
    expect(problems({ ...base, FIELD_ENCRYPTION_KEY: KEY_A })).toEqual([]);
  });
});
