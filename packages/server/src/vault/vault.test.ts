import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Credentials } from '@blockloom/sdk';
import { createSqliteAccounts, createSqliteCredentials, type CredentialsRepo } from '@blockloom/store';
import { createCipher, DecryptError } from './cipher';
import { KEY_FILE_NAME, parseEncryptionKey, VaultKeyError } from './key';
import { openCredentialsVault } from './vault';

const apiKey: Credentials = {
  id: 'c1',
  provider: 'openai',
  type: 'api_key',
  title: 'mine',
  api_key: 'sk-secret',
};

describe('credentials vault', () => {
  let dir: string;
  let repo: CredentialsRepo & { close(): Promise<void> };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'blockloom-vault-'));
    const file = join(dir, 'db.sqlite');
    const accounts = await createSqliteAccounts({ filename: file });
    await accounts.createUser({ id: 'u', email: 'u@x.io', passwordHash: null, now: '2026-01-01T00:00:00Z' });
    await accounts.close();
    repo = await createSqliteCredentials({ filename: file });
  });
  afterEach(async () => {
    await repo.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips credentials and keeps the secret encrypted at rest', async () => {
    const vault = await openCredentialsVault({
      repo,
      dataDir: dir,
      encryptionKey: randomBytes(32).toString('hex'),
    });
    expect(await vault.create('u', apiKey)).toMatchObject({ id: 'c1', provider: 'openai', type: 'api_key' });
    expect(await vault.get('u', 'c1')).toEqual({ ...apiKey, expires_at: null });
    expect(await vault.get('other', 'c1')).toBeUndefined();
    const row = await repo.getCredentials('u', 'c1');
    expect(row?.secret).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('sk-secret');
  });

  it('generates a key file with mode 0600 and warns, then reuses it', async () => {
    const warnings: string[] = [];
    const vault = await openCredentialsVault({ repo, dataDir: dir, warn: (m) => warnings.push(m) });
    await vault.create('u', apiKey);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('BLOCKLOOM_ENCRYPTION_KEY is not set');
    expect((await stat(join(dir, KEY_FILE_NAME))).mode & 0o777).toBe(0o600);
    const again = await openCredentialsVault({ repo, dataDir: dir, warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(await again.get('u', 'c1')).toMatchObject({ api_key: 'sk-secret' });
    await chmod(join(dir, KEY_FILE_NAME), 0o644);
    await openCredentialsVault({ repo, dataDir: dir, warn: (m) => warnings.push(m) });
    expect(warnings[1]).toContain('is readable by other users');
  });

  it('refuses to start with a key that did not write the database', async () => {
    await openCredentialsVault({ repo, dataDir: dir, encryptionKey: randomBytes(32).toString('base64') });
    const wrong = openCredentialsVault({
      repo,
      dataDir: dir,
      encryptionKey: randomBytes(32).toString('base64'),
    });
    await expect(wrong).rejects.toBeInstanceOf(VaultKeyError);
    await expect(wrong).rejects.toThrow(/not the key the stored credentials were encrypted with/);
  });

  it('refuses malformed keys', () => {
    expect(() => parseEncryptionKey('short', 'K')).toThrow(VaultKeyError);
    expect(() => parseEncryptionKey(randomBytes(16).toString('hex'), 'K')).toThrow(/32 bytes/);
    expect(parseEncryptionKey(randomBytes(32).toString('base64url'), 'K')).toHaveLength(32);
  });

  it('refuses tampered ciphertext and ciphertext moved to another row', () => {
    const cipher = createCipher(randomBytes(32));
    const token = cipher.encrypt('{"api_key":"x"}', 'credentials:u:c1');
    expect(cipher.decrypt(token, 'credentials:u:c1')).toBe('{"api_key":"x"}');
    const [v, iv, tag, body] = token.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      cipher.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'), 'credentials:u:c1'),
    ).toThrow(DecryptError);
    expect(() => cipher.decrypt(token, 'credentials:other:c1')).toThrow(DecryptError);
    expect(() => cipher.decrypt('garbage', 'x')).toThrow(DecryptError);
  });

  it('offers platform credentials by id and as defaults, without listing them', async () => {
    const platform: Credentials = { id: 'p1', provider: 'openai', type: 'api_key', api_key: 'sk-platform' };
    const vault = await openCredentialsVault({
      repo,
      dataDir: dir,
      encryptionKey: randomBytes(32).toString('hex'),
      platformDefaults: [platform],
    });
    expect(await vault.get('u', 'p1')).toEqual(platform);
    expect(await vault.defaults?.('u')).toEqual([platform]);
    expect(await vault.list('u')).toEqual([]);
  });

  it('refreshes an OAuth2 token close to expiry once, and stores the new one', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const expiresAt = now.getTime() / 1000 + 3600;
    let calls = 0;
    const vault = await openCredentialsVault({
      repo,
      dataDir: dir,
      encryptionKey: randomBytes(32).toString('hex'),
      now: () => now,
      refresher: async (credentials) => {
        calls += 1;
        return { ...credentials, access_token: 'new', access_token_expires_at: expiresAt + 3600 };
      },
    });
    await vault.create('u', {
      id: 'o1',
      provider: 'google',
      type: 'oauth2',
      access_token: 'old',
      refresh_token: 'refresh',
      access_token_expires_at: expiresAt,
      scopes: ['email'],
    });
    expect(await vault.get('u', 'o1')).toMatchObject({ access_token: 'old' });
    now = new Date(now.getTime() + 3500 * 1000);
    const [a, b] = await Promise.all([vault.get('u', 'o1'), vault.get('u', 'o1')]);
    expect([a, b].map((c) => (c?.type === 'oauth2' ? c.access_token : undefined))).toEqual(['new', 'new']);
    expect(calls).toBe(1);
    expect(await vault.get('u', 'o1')).toMatchObject({ access_token: 'new' });
    expect(calls).toBe(1);
  });

  it('names the credential when a refresh fails, without the token', async () => {
    const vault = await openCredentialsVault({
      repo,
      dataDir: dir,
      encryptionKey: randomBytes(32).toString('hex'),
      refresher: async () => {
        throw new Error('google refused the token request (invalid_grant)');
      },
    });
    await vault.create('u', {
      id: 'o2',
      provider: 'google',
      type: 'oauth2',
      access_token: 'stale-token',
      refresh_token: 'r',
      access_token_expires_at: 1,
      scopes: [],
    });
    const error = await vault.get('u', 'o2').catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'OAuth2 credentials #o2 (google) expired and could not be refreshed: google refused the token request (invalid_grant)',
    );
  });
});
