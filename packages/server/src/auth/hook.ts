import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors';
import type { Authenticator } from './authenticator';

export const ACT_AS_HEADER = 'x-act-as-user-id';

/** The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive). */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

/**
 * Authenticates every request of the scope it is added to. An admin may act as another user with
 * `X-Act-As-User-Id` (internals §7.1); anyone else sending it gets 403, and every use is logged for audit.
 */
export function addAuthHook(scope: FastifyInstance, auth: Authenticator): void {
  scope.addHook('onRequest', async (request) => {
    const principal = await auth.authenticate(bearerToken(request));
    const actAs = request.headers[ACT_AS_HEADER];
    if (typeof actAs === 'string' && actAs !== '') {
      if (principal.role !== 'admin') throw new ApiError('FORBIDDEN', 'Only admins may act as another user');
      request.log.warn(
        {
          audit: 'act_as',
          admin_id: principal.userId,
          user_id: actAs,
          method: request.method,
          url: request.url,
        },
        'Admin acting as user',
      );
      request.principal = { userId: actAs, email: '', role: 'user', actorId: principal.userId };
      return;
    }
    request.principal = principal;
  });
}
