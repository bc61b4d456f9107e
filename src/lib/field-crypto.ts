import crypto from 'node:crypto';

/**
 * Field-level encryption for secrets kept in the database (key and lockbox codes): AES-256-GCM with a
 * random 96-bit IV per value and the column's name as associated data, so a ciphertext copied into
 * another column does not decrypt. The token names the key it was made with (first 8 hex of its
 * SHA-256), so previous keys keep decrypting during a rotation while new values use the current key.
 *
 * Token: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export interface FieldCipher {
  encrypt(plain: string, context: string): string;
  decrypt(token: string, context: string): string;
}

export class FieldCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldCryptoError';
  }
}

function keyId(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function createFieldCipher(currentHex: string, previousHex: string[] = []): FieldCipher {
  const keys = [currentHex, ...previousHex].map((hex) => {
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new FieldCryptoError('an encryption key must be 64 hexadecimal characters');
    return Buffer.from(hex, 'hex');
  });
  const current = keys[0]!;
  const currentId = keyId(current);
  const byId = new Map(keys.map((k) => [keyId(k), k]));

  return {
    encrypt(plain, context) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', currentId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    decrypt(token, context) {
      const [version, id, iv, tag, ciphertext] = token.split('.');
      if (version !== 'v1' || !id || !iv || !tag || ciphertext === undefined) throw new FieldCryptoError('not an encrypted value');
      const key = byId.get(id);
      if (!key) throw new FieldCryptoError(`no configured key ${id} can decrypt this value`);
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldCryptoError('the value does not decrypt with its key (tampered or wrong context)');
      }
    },
  };
}
