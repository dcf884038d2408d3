import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GraphValidationError } from '@blockloom/engine';
import { forceStaticLinks, importGraph, validateGraph } from '@blockloom/graph';
import type { ServerContext } from '../context';
import { userIdOf } from '../context';
import { ApiError, notFound } from '../errors';
import { readGraphBody } from '../graph-input';
import { graphModel } from '../graph-views';
import { graphSchema, looseObject, uuidParam } from '../schemas';

const idParams = z.object({ id: uuidParam });
/** AutoGPT v2026 serves at most 50 versions (internals §5). */
const VERSIONS_LIMIT = 50;

export const graphVersionRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['graphs'];

  app.get(
    '/api/graphs/:id/versions',
    {
      schema: {
        tags,
        summary: 'Get all graph versions',
        params: idParams,
        response: { 200: z.array(graphSchema) },
      },
    },
    async (request) => {
      const versions = await ctx.store.listGraphVersions(request.params.id, { userId: userIdOf(request) });
      if (versions.length === 0) throw notFound(`Graph #${request.params.id}`);
      return Promise.all(versions.slice(0, VERSIONS_LIMIT).map((graph) => graphModel(ctx, graph, false)));
    },
  );

  app.get(
    '/api/graphs/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'Get graph version',
        params: z.object({ id: uuidParam, version: z.coerce.number().int().positive() }),
        querystring: z.object({ for_export: z.enum(['true', 'false']).optional() }),
        response: { 200: graphSchema },
      },
    },
    async (request) => {
      const { id, version } = request.params;
      const graph = await ctx.store.getGraph(id, { version, userId: userIdOf(request) });
      if (!graph) throw notFound(`Graph #${id} version ${version}`);
      return graphModel(ctx, graph, request.query.for_export === 'true');
    },
  );

  /**
   * A new version, never an edit in place (internals §2.3): version max+1, fresh node ids, same graph id;
   * validated; made the only active version when it is active.
   */
  app.put(
    '/api/graphs/:id',
    {
      schema: {
        tags,
        summary: 'Update graph version',
        description:
          'Saves the body (a graph) as a new version with fresh node ids. A graph that does not validate is ' +
          'refused with 400: `detail.issues` lists the problems as `POST /api/graphs/validate` does.',
        params: idParams,
        body: looseObject,
        response: { 200: graphSchema },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      const { id } = request.params;
      const bodyId = request.body.id;
      if (bodyId !== undefined && bodyId !== id)
        throw new ApiError('BAD_REQUEST', 'Graph ID does not match ID in URI');
      const existing = await ctx.store.listGraphVersions(id, { userId });
      const latest = existing[0];
      if (!latest) throw notFound(`Graph #${id}`);
      const parsed = readGraphBody({ ...request.body, id });
      // Sub-graphs are separate graphs with their own versions; an update carries the root graph only.
      const root = { ...parsed, sub_graphs: [] };
      const issues = validateGraph(root, ctx.registry, { forRun: false });
      if (issues.length > 0) {
        throw new GraphValidationError(
          `The graph "${parsed.name}" is not valid: ${issues[0]?.message}`,
          issues,
        );
      }
      const { sub_graphs: _none, ...imported } = importGraph(root, { userId, reassignGraphId: false });
      const version = Math.max(...existing.map((graph) => graph.version)) + 1;
      const isActive = request.body.is_active !== false;
      const stored = {
        ...forceStaticLinks(imported, ctx.registry),
        id,
        version,
        is_active: isActive,
        user_id: userId,
        created_at: ctx.now().toISOString(),
      };
      await ctx.store.createGraph(stored);
      if (isActive) await ctx.store.setActiveGraphVersion(id, version);
      return graphModel(ctx, stored, false);
    },
  );

  app.put(
    '/api/graphs/:id/versions/active',
    {
      schema: {
        tags,
        summary: 'Set active graph version',
        params: idParams,
        body: z.object({ active_graph_version: z.number().int().positive() }),
        response: { 200: z.null() },
      },
    },
    async (request) => {
      const { id } = request.params;
      const version = request.body.active_graph_version;
      const graph = await ctx.store.getGraph(id, { version, userId: userIdOf(request) });
      if (!graph) throw notFound(`Graph #${id} version ${version}`);
      await ctx.store.setActiveGraphVersion(id, version);
      return null;
    },
  );
};
