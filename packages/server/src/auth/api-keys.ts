import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { ApiKeyCandidate } from '@blockloom/store';

/** AutoGPT's key format and hashing (internals §7.2): `agpt_` + token_urlsafe(32); scrypt n=2^14, r=8, p=1. */
export const API_KEY_PREFIX = 'agpt_';
const SCRYPT: ScryptOptions = { N: 2 ** 14, r: 8, p: 1 };
const KEY_LENGTH = 32;

const scryptHex = (key: string, salt: Buffer) =>
  new Promise<string>((resolve, reject) =>
    scrypt(key, salt, KEY_LENGTH, SCRYPT, (error, derived) =>
      error ? reject(error) : resolve(derived.toString('hex')),
    ),
  );

export interface GeneratedApiKey {
  plainText: string;
  head: string;
  tail: string;
  hash: string;
  salt: string;
}

export async function generateApiKey(): Promise<GeneratedApiKey> {
  const plainText = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return {
    plainText,
    head: plainText.slice(0, 8),
    tail: plainText.slice(-8),
    ...(await hashApiKey(plainText)),
  };
}

export async function hashApiKey(plainText: string): Promise<{ hash: string; salt: string }> {
  const salt = randomBytes(32);
  return { hash: await scryptHex(plainText, salt), salt: salt.toString('hex') };
}

const equalHex = (a: string, b: string) => {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
};

/** Constant-time check of a presented key; legacy keys (no salt) are SHA-256 hashes. */
export async function apiKeyMatches(plainText: string, candidate: ApiKeyCandidate): Promise<boolean> {
  if (candidate.salt === null)
    return equalHex(createHash('sha256').update(plainText).digest('hex'), candidate.hash);
  return equalHex(await scryptHex(plainText, Buffer.from(candidate.salt, 'hex')), candidate.hash);
}
