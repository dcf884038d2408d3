import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { blockCatalogue, executeBlockFor } from '../block-runner';
import type { ServerContext } from '../context';
import { userIdOf } from '../context';
import { blockOutputsSchema, blockSchema, looseObject, uuidParam } from '../schemas';

export const blockRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['blocks'];
  // The catalogue never changes while the process runs: built once (AutoGPT caches it too).
  let catalogue: ReturnType<typeof blockCatalogue> | undefined;

  app.get(
    '/api/blocks',
    { schema: { tags, summary: 'List available blocks', response: { 200: z.array(blockSchema) } } },
    async () => {
      catalogue ??= blockCatalogue(ctx);
      return catalogue;
    },
  );

  app.post(
    '/api/blocks/:id/execute',
    {
      schema: {
        tags,
        summary: 'Execute graph block',
        params: z.object({ id: uuidParam }),
        body: looseObject,
        response: { 200: blockOutputsSchema },
      },
    },
    async (request) =>
      executeBlockFor(ctx, { blockId: request.params.id, input: request.body, userId: userIdOf(request) }),
  );
};
