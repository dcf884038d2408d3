import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A ciphertext that is not ours, was altered, or was moved to another row. */
export class DecryptError extends Error {
  override name = 'DecryptError';
}

export interface Cipher {
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url); `context` is authenticated but not stored. */
  encrypt(plaintext: string, context: string): string;
  decrypt(token: string, context: string): string;
}

const VERSION = 'v1';

/**
 * AES-256-GCM with a fresh 96-bit IV per message. The context (a row's user and id) is the additional
 * authenticated data, so a ciphertext copied into another user's row fails to decrypt instead of leaking.
 */
export function createCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return [VERSION, ...parts].join('.');
    },
    decrypt(token, context) {
      const [version, iv, tag, body] = token.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || body === undefined)
        throw new DecryptError('Not a vault ciphertext');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (error) {
        throw new DecryptError('Ciphertext rejected: wrong key or altered data', { cause: error });
      }
    },
  };
}
