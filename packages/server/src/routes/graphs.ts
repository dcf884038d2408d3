import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { saveGraph } from '@blockloom/engine';
import type { ServerContext } from '../context';
import { userIdOf } from '../context';
import { notFound } from '../errors';
import { graphModel, toGraphMeta } from '../graph-views';
import { graphIssues, readGraphBody } from '../graph-input';
import { graphIssueSchema, graphMetaSchema, graphSchema, looseObject, uuidParam } from '../schemas';

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
        description:
          'Stores a new graph (and the sub-graphs it bundles) with fresh ids. A graph that does not validate is ' +
          'refused with 400: `detail.issues` lists the problems as `POST /api/graphs/validate` does.',
        body: z.object({ graph: looseObject, source: z.enum(['builder', 'upload']).optional() }),
        response: { 200: graphSchema },
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
    {
      schema: {
        tags,
        summary: 'Get specific graph',
        params: idParams,
        querystring: forExportQuery,
        response: { 200: graphSchema },
      },
    },
    async (request) => {
      const { for_export: forExport, version } = request.query;
      const graph = await ctx.store.getGraph(request.params.id, { version, userId: userIdOf(request) });
      if (!graph) throw notFound(`Graph #${request.params.id}`);
      return graphModel(ctx, graph, forExport);
    },
  );

  app.post(
    '/api/graphs/validate',
    {
      schema: {
        tags,
        summary: 'Validate a graph',
        description:
          'The checks saving runs (`for_run: false`, the default) or, with `for_run: true`, the graph checks a ' +
          'run makes before it looks at its inputs: every required input set or linked. Nothing is stored. ' +
          'Issues name nodes by the ids in the body; a malformed graph gives its parse issues, with `field` ' +
          'a JSON path such as `nodes[2].block_id`.',
        body: z.object({ graph: looseObject, for_run: z.boolean().default(false) }),
        response: {
          200: z
            .object({ valid: z.boolean(), issues: z.array(graphIssueSchema) })
            .meta({ id: 'GraphValidation' }),
        },
      },
    },
    async (request) => {
      const issues = graphIssues(request.body.graph, ctx.registry, { forRun: request.body.for_run });
      return { valid: issues.length === 0, issues };
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
