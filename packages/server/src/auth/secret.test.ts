import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadJwtSecret } from './secret';

describe('loadJwtSecret', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'blockloom-secret-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prefers the configured secret and writes nothing', async () => {
    expect(await loadJwtSecret({ secret: 'configured', dataDir: dir })).toEqual({
      secret: 'configured',
      generated: false,
    });
    await expect(stat(join(dir, 'jwt-secret'))).rejects.toThrow();
  });

  it('generates an owner-only secret once and reuses it', async () => {
    const data = join(dir, 'nested');
    const first = await loadJwtSecret({ dataDir: data });
    expect(first.generated).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect((await stat(join(data, 'jwt-secret'))).mode & 0o777).toBe(0o600);
    expect(await loadJwtSecret({ dataDir: data })).toEqual({ secret: first.secret, generated: false });
    expect((await readFile(join(data, 'jwt-secret'), 'utf8')).trim()).toBe(first.secret);
  });

  it('refuses a stored secret too short to be safe', async () => {
    await writeFile(join(dir, 'jwt-secret'), 'short\n');
    await expect(loadJwtSecret({ dataDir: dir })).rejects.toThrow(/shorter than 32/);
  });
});
