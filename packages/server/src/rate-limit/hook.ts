import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors';
import type { RateLimitStore } from './store';

const WINDOW_MS = 60_000;

/**
 * Limits each user (bearer routes) or API key (external API) to `perMinute` requests in a sliding minute and
 * sets `X-RateLimit-Limit/Remaining/Reset` (internals §7.3). Added after the auth hook of a scope, so the
 * principal is known; 0 disables it.
 */
export function addRateLimitHook(
  scope: FastifyInstance,
  options: { store: RateLimitStore; perMinute: number; now: () => Date },
): void {
  if (options.perMinute <= 0) return;
  scope.addHook('onRequest', async (request, reply) => {
    const key = request.apiKey
      ? `key:${request.apiKey.id}`
      : request.principal
        ? `user:${request.principal.userId}`
        : undefined;
    if (key === undefined) return;
    const nowMs = options.now().getTime();
    const count = await options.store.hit(key, nowMs, WINDOW_MS);
    reply.header('x-ratelimit-limit', options.perMinute);
    reply.header('x-ratelimit-remaining', Math.max(0, options.perMinute - count));
    reply.header('x-ratelimit-reset', Math.ceil((nowMs + WINDOW_MS) / 1000));
    if (count > options.perMinute)
      throw new ApiError('RATE_LIMITED', 'Rate limit exceeded. Please try again later.');
  });
}
