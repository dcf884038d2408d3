import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { blockCatalogue, executeBlockFor } from '../block-runner';
import type { ServerContext } from '../context';
import { userIdOf } from '../context';
import { notFound } from '../errors';
import { blockOutputsSchema, blockSchema, executionStatus, looseObject, uuidParam } from '../schemas';
import { requirePermission } from './api-key-auth';

/** `/external-api/v1` (internals §5, external API): API-key routes with a permission each. */
export const externalRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['external'];
  const security = [{ APIKeyHeader: [] }];

  app.get(
    '/external-api/v1/me',
    {
      preHandler: requirePermission('IDENTITY'),
      schema: {
        tags,
        security,
        summary: 'Get user info',
        response: {
          200: z.object({
            id: z.string(),
            name: z.string().nullable(),
            email: z.string(),
            timezone: z.string(),
          }),
        },
      },
    },
    async (request) => {
      const user = await ctx.accounts.getUser(userIdOf(request));
      if (!user) throw notFound('User');
      return { id: user.id, name: null, email: user.email, timezone: user.timezone };
    },
  );

  app.get(
    '/external-api/v1/blocks',
    {
      preHandler: requirePermission('READ_BLOCK'),
      schema: { tags, security, summary: 'List blocks', response: { 200: z.array(blockSchema) } },
    },
    async () => blockCatalogue(ctx),
  );

  app.post(
    '/external-api/v1/blocks/:id/execute',
    {
      preHandler: requirePermission('EXECUTE_BLOCK'),
      schema: {
        tags,
        security,
        summary: 'Execute block',
        params: z.object({ id: uuidParam }),
        body: looseObject,
        response: { 200: blockOutputsSchema },
      },
    },
    async (request) =>
      executeBlockFor(ctx, { blockId: request.params.id, input: request.body, userId: userIdOf(request) }),
  );

  app.post(
    '/external-api/v1/graphs/:id/execute/:version',
    {
      preHandler: requirePermission('EXECUTE_GRAPH'),
      schema: {
        tags,
        security,
        summary: 'Execute graph',
        params: z.object({ id: uuidParam, version: z.coerce.number().int().positive() }),
        body: z.object({ node_input: looseObject.default({}) }).default({ node_input: {} }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => {
      const meta = await ctx.engine.executeGraph({
        userId: userIdOf(request),
        graphId: request.params.id,
        graphVersion: request.params.version,
        inputs: request.body.node_input,
      });
      return { id: meta.id };
    },
  );

  app.get(
    '/external-api/v1/graphs/:id/executions/:exec_id/results',
    {
      preHandler: requirePermission('READ_GRAPH'),
      schema: {
        tags,
        security,
        summary: 'Get graph execution results',
        params: z.object({ id: uuidParam, exec_id: uuidParam }),
        response: {
          200: z.object({
            execution_id: z.string(),
            status: executionStatus,
            nodes: z.array(
              z.object({
                node_id: z.string(),
                /** An input node's `value`, else the node's whole input. */
                input: z.unknown(),
                output: z.record(z.string(), z.array(z.unknown())),
              }),
            ),
            /** `[{name: value}]` per graph output value once the run completed; null before. */
            output: z.array(z.record(z.string(), z.unknown())).nullable(),
          }),
        },
      },
    },
    async (request) => {
      const record = await ctx.store.getGraphExecution(request.params.exec_id);
      if (
        !record ||
        record.userId !== userIdOf(request) ||
        record.isDeleted ||
        record.graphId !== request.params.id
      )
        throw notFound(`Graph execution #${request.params.exec_id}`);
      const execution = await ctx.engine.getGraphExecution(record.id);
      if (!execution) throw notFound(`Graph execution #${record.id}`);
      const completed = execution.status === 'COMPLETED';
      return {
        execution_id: execution.id,
        status: execution.status,
        nodes: execution.node_executions.map((node) => ({
          node_id: node.node_id,
          // AutoGPT shows an input node's `value`, else the whole input.
          input: 'value' in node.input_data ? node.input_data.value : node.input_data,
          output: node.output_data,
        })),
        output: completed
          ? Object.entries(execution.outputs).flatMap(([name, values]) =>
              values.map((value) => ({ [name]: value })),
            )
          : null,
      };
    },
  );
};
