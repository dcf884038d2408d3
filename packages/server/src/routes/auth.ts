import { hash, verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { User } from '@blockloom/store';
import type { ServerContext } from '../context';
import { AuthError } from '../auth/principal';
import { hashRefreshToken, type TokenIssuer } from '../auth/tokens';
import { sessionSchema } from '../schemas';
import { toUserJson } from './users';

const credentials = z.object({
  email: z.email().max(320),
  password: z.string().min(8, 'Password must have at least 8 characters').max(1024),
});
const refreshBody = z.object({ refresh_token: z.string().min(1) });

// Verified when the email is unknown, so a login takes as long whether or not the account exists.
const dummyHash = hash('blockloom-timing-equaliser');

/** Sign-up and sessions for BLOCKLOOM_AUTH=local (registered only in that mode). */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext; tokens: TokenIssuer }> = async (
  app,
  { ctx, tokens },
) => {
  const session = async (user: User) => ({ ...(await tokens.issue(user)), user: toUserJson(user) });
  const tags = ['auth'];

  app.post(
    '/api/auth/signup',
    { schema: { tags, summary: 'Create an account', body: credentials, response: { 201: sessionSchema } } },
    async (request, reply) => {
      const passwordHash = await hash(request.body.password);
      const user = await ctx.accounts.createUser({
        id: randomUUID(),
        email: request.body.email,
        passwordHash,
        now: ctx.now().toISOString(),
        firstUserRole: 'admin',
      });
      request.log.info({ user_id: user.id, role: user.role }, 'Account created');
      return reply.status(201).send(await session(user));
    },
  );

  app.post(
    '/api/auth/login',
    { schema: { tags, summary: 'Sign in', body: credentials, response: { 200: sessionSchema } } },
    async (request) => {
      const found = await ctx.accounts.findLogin(request.body.email);
      const stored = found?.passwordHash ?? (await dummyHash);
      const matches = await verify(stored, request.body.password).catch(() => false);
      if (!found || found.passwordHash === null || !matches)
        throw new AuthError('invalid', 'Invalid email or password');
      return session(found.user);
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      schema: {
        tags,
        summary: 'Rotate a refresh token',
        body: refreshBody,
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const next = tokens.newRefreshToken();
      const result = await ctx.accounts.rotateRefreshToken(
        hashRefreshToken(request.body.refresh_token),
        { id: next.id, tokenHash: next.tokenHash, expiresAt: next.expiresAt },
        ctx.now().toISOString(),
      );
      switch (result.status) {
        case 'invalid':
          throw new AuthError('invalid', 'Invalid refresh token');
        case 'expired':
          throw new AuthError('invalid', 'Refresh token has expired');
        case 'reused':
          request.log.warn('A rotated refresh token was reused; its session is revoked');
          throw new AuthError('invalid', 'Refresh token was already used; sign in again');
        case 'rotated': {
          const user = await ctx.accounts.getUser(result.userId);
          if (!user) throw new AuthError('invalid', 'Invalid refresh token');
          return {
            access_token: await tokens.accessToken(user),
            refresh_token: next.token,
            user: toUserJson(user),
          };
        }
      }
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'End a session', body: refreshBody, response: { 204: z.null() } } },
    async (request, reply) => {
      // Unknown tokens also get 204: logout is idempotent and reveals nothing about tokens.
      await ctx.accounts.revokeRefreshFamily(
        hashRefreshToken(request.body.refresh_token),
        ctx.now().toISOString(),
      );
      return reply.status(204).send(null);
    },
  );
};
