import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKey, ApiKeyPermission } from '@blockloom/store';
import { API_KEY_PREFIX, apiKeyMatches, hashApiKey } from '../auth/api-keys';
import { AuthError } from '../auth/principal';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKey | null;
  }
}

/**
 * Authenticates the external API by `X-API-Key` (internals §7.2). scrypt is slow by design, so a key that
 * verified once is remembered by its SHA-256 (never in clear); its status and permissions are still read
 * from the store on every request, so revoking or suspending a key takes effect at once.
 */
export function addApiKeyHook(scope: FastifyInstance, ctx: ServerContext): void {
  const verified = new Map<string, string>();
  scope.addHook('onRequest', async (request) => {
    const presented = request.headers['x-api-key'];
    if (typeof presented !== 'string' || presented === '') throw new AuthError('missing', 'Missing API key');
    if (!presented.startsWith(API_KEY_PREFIX)) throw new AuthError('invalid', 'Invalid API key');
    const digest = createHash('sha256').update(presented).digest('hex');
    const candidates = await ctx.accounts.findActiveApiKeys(presented.slice(0, 8));
    let match = candidates.find((candidate) => verified.get(digest) === candidate.id);
    if (!match) {
      for (const candidate of candidates) {
        if (await apiKeyMatches(presented, candidate)) {
          match = candidate;
          break;
        }
      }
    }
    if (!match) throw new AuthError('invalid', 'Invalid API key');
    verified.set(digest, match.id);
    // Legacy (unsalted) keys are re-hashed with scrypt on their first successful use.
    const rehash = match.salt === null ? await hashApiKey(presented) : undefined;
    await ctx.accounts.touchApiKey(match.id, ctx.now().toISOString(), rehash);
    const { hash: _hash, salt: _salt, ...key } = match;
    request.apiKey = key;
    request.principal = { userId: key.userId, email: '', role: 'user' };
  });
}

/** A preHandler refusing keys without `permission` (403 with AutoGPT's message). */
export const requirePermission = (permission: ApiKeyPermission) => async (request: FastifyRequest) => {
  if (!request.apiKey?.permissions.includes(permission))
    throw new ApiError('FORBIDDEN', `API key lacks the required permission '${permission}'`);
};
