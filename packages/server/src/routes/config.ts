import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authModes } from '../config';
import type { ServerContext } from '../context';
import { SERVER_VERSION } from '../version';

export const publicConfigSchema = z
  .object({
    /** `local`: sign up and sign in here; `jwt`: tokens from an external identity provider; `none`: no sign-in. */
    auth_mode: z.enum(authModes),
    version: z.string(),
  })
  .meta({ id: 'PublicConfig' });

/** `GET /api/config`: public (no token), so the web app knows before sign-in which pages to offer. */
export const configRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/api/config',
    {
      schema: {
        tags: ['meta'],
        summary: 'Public server settings',
        description: 'No authentication: what a client needs before it signs in.',
        security: [],
        response: { 200: publicConfigSchema },
      },
    },
    async () => ({ auth_mode: ctx.config.auth, version: SERVER_VERSION }),
  );
};
