import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The HS256 secret for local access tokens: BLOCKLOOM_JWT_SECRET when set, else a random one kept in the data
 * directory (owner-only, mode 0600) so tokens survive a restart without any setup.
 */
export async function loadJwtSecret(options: { secret?: string; dataDir: string }): Promise<{
  secret: string;
  generated: boolean;
}> {
  if (options.secret !== undefined) return { secret: options.secret, generated: false };
  const file = join(options.dataDir, 'jwt-secret');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) return { secret: stored, generated: false };
    throw new Error(`${file} holds a secret shorter than 32 characters; delete it to generate a new one`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(options.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // `wx`: two processes starting at once must not overwrite each other's secret.
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return { secret, generated: true };
}
