import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The vault cannot start: a bad key, or a key that does not open the stored credentials. */
export class VaultKeyError extends Error {
  override name = 'VaultKeyError';
}

export const KEY_FILE_NAME = 'encryption-key';

/** 64 hex digits, or base64 / base64url of 32 bytes; anything else is refused rather than stretched. */
export function parseEncryptionKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)
      ? Buffer.from(trimmed, 'base64')
      : undefined;
  if (key?.length !== 32)
    throw new VaultKeyError(
      `${source} must be 32 bytes as 64 hex digits or base64 (generate one with: openssl rand -base64 32)`,
    );
  return key;
}

/**
 * The vault's AES-256 key: BLOCKLOOM_ENCRYPTION_KEY when set, else the one kept in the data directory, else a
 * new one written there with mode 0600 (`generated: true`, so the caller warns that it must be backed up).
 */
export async function loadEncryptionKey(options: {
  key?: string;
  dataDir: string;
}): Promise<{ key: Buffer; generated: boolean; file?: string; readableByOthers?: boolean }> {
  if (options.key !== undefined && options.key.trim() !== '')
    return { key: parseEncryptionKey(options.key, 'BLOCKLOOM_ENCRYPTION_KEY'), generated: false };
  const file = join(options.dataDir, KEY_FILE_NAME);
  try {
    const key = parseEncryptionKey(await readFile(file, 'utf8'), file);
    // A restored backup may have lost its mode; the caller warns rather than refusing to start.
    const readableByOthers = ((await stat(file)).mode & 0o077) !== 0;
    return { key, generated: false, file, readableByOthers };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  // `wx`: two processes starting at once must not overwrite each other's key.
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return { key, generated: true, file };
}
