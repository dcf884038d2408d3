import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiKeyCandidate } from '@blockloom/store';
import { apiKeyMatches, generateApiKey } from './api-keys';

const candidate = (hash: string, salt: string | null): ApiKeyCandidate => ({
  id: 'k',
  userId: 'u',
  name: 'n',
  description: null,
  head: 'agpt_xxx',
  tail: 'xxxxxxxx',
  status: 'ACTIVE',
  permissions: [],
  createdAt: '',
  lastUsedAt: null,
  revokedAt: null,
  hash,
  salt,
});

describe('API key hashing', () => {
  it('matches scrypt-hashed keys exactly', async () => {
    const key = await generateApiKey();
    expect(key.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await apiKeyMatches(key.plainText, candidate(key.hash, key.salt))).toBe(true);
    expect(await apiKeyMatches(`${key.plainText}x`, candidate(key.hash, key.salt))).toBe(false);
  });

  it('matches legacy unsalted SHA-256 keys', async () => {
    const plain = 'agpt_legacy-key';
    const legacy = createHash('sha256').update(plain).digest('hex');
    expect(await apiKeyMatches(plain, candidate(legacy, null))).toBe(true);
    expect(await apiKeyMatches('agpt_other', candidate(legacy, null))).toBe(false);
  });
});
