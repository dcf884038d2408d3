import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toGraphExecutionMeta, type GraphExecutionRecord } from '@blockloom/engine';
import type { ServerContext } from '../context';
import { userIdOf } from '../context';
import { notFound } from '../errors';
import {
  credentialsMetaSchema,
  graphExecutionMetaSchema,
  graphExecutionSchema,
  looseObject,
  uuidParam,
} from '../schemas';

/** The first page AutoGPT serves for `GET /api/executions` (internals §5). */
const LIST_LIMIT = 250;

const execParams = z.object({ id: uuidParam, exec_id: uuidParam });

export const executionRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['graphs'];

  /** The user's run, not deleted; of graph `graphId` when given. Anyone else's is "not found". */
  async function ownedRun(userId: string, execId: string, graphId?: string): Promise<GraphExecutionRecord> {
    const record = await ctx.store.getGraphExecution(execId);
    if (
      !record ||
      record.userId !== userId ||
      record.isDeleted ||
      (graphId !== undefined && record.graphId !== graphId)
    )
      throw notFound(`Graph execution #${execId}`);
    return record;
  }

  app.post(
    '/api/graphs/:id/execute/:version',
    {
      schema: {
        tags,
        summary: 'Execute graph agent',
        params: z.object({ id: uuidParam, version: z.coerce.number().int().positive() }),
        querystring: z.object({ preset_id: z.string().optional() }),
        body: z
          .object({
            inputs: looseObject.default({}),
            credentials_inputs: z.record(z.string(), credentialsMetaSchema).default({}),
          })
          .default({ inputs: {}, credentials_inputs: {} }),
        response: { 200: graphExecutionMetaSchema },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      const meta = await ctx.engine.executeGraph({
        userId,
        graphId: request.params.id,
        graphVersion: request.params.version,
        inputs: request.body.inputs,
        credentialsInputs: request.body.credentials_inputs,
        presetId: request.query.preset_id ?? null,
      });
      request.log.info({ user_id: userId, graph_exec_id: meta.id, graph_id: meta.graph_id }, 'Run queued');
      return meta;
    },
  );

  app.post(
    '/api/graphs/:id/executions/:exec_id/stop',
    {
      schema: {
        tags,
        summary: 'Stop graph execution',
        params: execParams,
        response: { 200: graphExecutionMetaSchema.nullable() },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      const record = await ownedRun(userId, request.params.exec_id, request.params.id);
      return (await ctx.engine.stopGraphExecution(userId, record.id)) ?? null;
    },
  );

  app.get(
    '/api/executions',
    { schema: { tags, summary: 'Get all executions', response: { 200: z.array(graphExecutionMetaSchema) } } },
    async (request) => {
      const page = await ctx.store.listGraphExecutions({ userId: userIdOf(request), limit: LIST_LIMIT });
      return page.items.map(toGraphExecutionMeta);
    },
  );

  app.get(
    '/api/graphs/:id/executions',
    {
      schema: {
        tags,
        summary: 'Get graph executions',
        params: z.object({ id: uuidParam }),
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          page_size: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: {
          200: z.object({
            executions: z.array(graphExecutionMetaSchema),
            pagination: z.object({
              total_items: z.number().int(),
              total_pages: z.number().int(),
              current_page: z.number().int(),
              page_size: z.number().int(),
            }),
          }),
        },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      const { page, page_size: pageSize } = request.query;
      const graph = await ctx.store.getGraph(request.params.id, { userId });
      if (!graph) throw notFound(`Graph #${request.params.id}`);
      const result = await ctx.store.listGraphExecutions({
        userId,
        graphId: graph.id,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return {
        executions: result.items.map(toGraphExecutionMeta),
        pagination: {
          total_items: result.total,
          total_pages: Math.ceil(result.total / pageSize),
          current_page: page,
          page_size: pageSize,
        },
      };
    },
  );

  app.get(
    '/api/graphs/:id/executions/:exec_id',
    {
      schema: {
        tags,
        summary: 'Get execution details',
        params: execParams,
        response: { 200: graphExecutionSchema },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      const record = await ownedRun(userId, request.params.exec_id, request.params.id);
      const execution = await ctx.engine.getGraphExecution(record.id);
      if (!execution) throw notFound(`Graph execution #${record.id}`);
      // Node results only for the graph's owner (internals §5): a run of a graph since deleted shows outputs.
      if (await ctx.store.getGraph(record.graphId, { version: record.graphVersion, userId }))
        return execution;
      const { node_executions: _hidden, ...withoutNodes } = execution;
      return withoutNodes;
    },
  );

  app.delete(
    '/api/executions/:exec_id',
    {
      schema: {
        tags,
        summary: 'Delete graph execution',
        params: z.object({ exec_id: uuidParam }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const record = await ownedRun(userIdOf(request), request.params.exec_id);
      await ctx.store.updateGraphExecution(record.id, { isDeleted: true });
      return reply.status(204).send(null);
    },
  );
};
