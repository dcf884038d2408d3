import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';

/** Public probes: `/health` checks the databases (503 when they fail), `/ready` says whether to send traffic. */
export const healthRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext; isReady: () => boolean }> = async (
  app,
  { ctx, isReady },
) => {
  const tags = ['health'];
  app.get(
    '/health',
    {
      schema: {
        tags,
        summary: 'Health check',
        response: { 200: z.object({ status: z.literal('healthy') }) },
      },
    },
    async (request) => {
      try {
        // A read that touches each database; an unknown id costs one index lookup.
        await ctx.store.getGraph('00000000-0000-0000-0000-000000000000');
        await ctx.accounts.ping();
      } catch (error) {
        request.log.error({ err: error }, 'Health check failed');
        throw new ApiError('UNAVAILABLE', 'Database unavailable', { cause: error });
      }
      return { status: 'healthy' as const };
    },
  );
  app.get(
    '/ready',
    { schema: { tags, summary: 'Readiness', response: { 200: z.object({ status: z.literal('ready') }) } } },
    async () => {
      if (!isReady()) throw new ApiError('UNAVAILABLE', 'The server is starting or shutting down');
      return { status: 'ready' as const };
    },
  );
};
