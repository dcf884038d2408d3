import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { saveGraph } from '@blockloom/engine';
import type { ServerContext } from '../context';
import { userIdOf } from '../context';
import { notFound } from '../errors';
import { graphModel, toGraphMeta } from '../graph-views';
import { graphMetaSchema, looseObject, uuidParam } from '../schemas';
import { readGraphBody } from './graph-input';

const idParams = z.object({ id: uuidParam });
const forExportQuery = z.object({
  for_export: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  version: z.coerce.number().int().positive().optional(),
});

/** The first page AutoGPT serves for `GET /api/graphs` (internals §5). */
const LIST_LIMIT = 250;

export const graphRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['graphs'];

  app.post(
    '/api/graphs',
    {
      schema: {
        tags,
        summary: 'Create new graph',
        body: z.object({ graph: looseObject, source: z.enum(['builder', 'upload']).optional() }),
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      const parsed = readGraphBody(request.body.graph);
      const saved = await saveGraph(ctx, parsed, { userId, now: ctx.now().toISOString() });
      request.log.info({ user_id: userId, graph_id: saved.graph.id }, 'Graph imported');
      return graphModel(ctx, saved.graph, false);
    },
  );

  app.get(
    '/api/graphs',
    { schema: { tags, summary: 'List user graphs', response: { 200: z.array(graphMetaSchema) } } },
    async (request) => {
      const graphs = await ctx.store.listGraphs(userIdOf(request));
      return graphs.slice(0, LIST_LIMIT).map(toGraphMeta);
    },
  );

  app.get(
    '/api/graphs/:id',
    { schema: { tags, summary: 'Get specific graph', params: idParams, querystring: forExportQuery } },
    async (request) => {
      const { for_export: forExport, version } = request.query;
      const graph = await ctx.store.getGraph(request.params.id, { version, userId: userIdOf(request) });
      if (!graph) throw notFound(`Graph #${request.params.id}`);
      return graphModel(ctx, graph, forExport);
    },
  );

  app.delete(
    '/api/graphs/:id',
    {
      schema: {
        tags,
        summary: 'Delete a graph',
        params: idParams,
        response: { 200: z.object({ version_counts: z.number().int() }) },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      // Owner check first: the store deletes by id, and ids are only unique, not secret.
      const graph = await ctx.store.getGraph(request.params.id, { userId });
      if (!graph) throw notFound(`Graph #${request.params.id}`);
      const versionCounts = await ctx.store.deleteGraph(graph.id);
      request.log.info({ user_id: userId, graph_id: graph.id }, 'Graph deleted');
      return { version_counts: versionCounts };
    },
  );
};
