import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Credentials } from '@blockloom/sdk';
import type { ServerContext } from '../../context';
import { userIdOf } from '../../context';
import { ApiError, notFound } from '../../errors';
import { revokeToken } from '../../oauth/client';
import { maskCredentials } from '../../vault/codec';
import {
  credParams,
  credentialsMetaResponse,
  deleteQuery,
  deleteResponse,
  maskedCredentials,
  newCredentialsBody,
  platformCredentialsResponse,
  providerParam,
} from './schemas';

/** The object with masked secrets, as the loose wire schema types it. */
const masked = (credentials: Credentials): z.infer<typeof maskedCredentials> => ({
  ...maskCredentials(credentials),
});

/**
 * Integration credentials (internals §5 Integrations). Secrets go in once, at creation; every answer after that
 * is metadata or the object with its secrets masked. Another user's credential is "not found".
 */
export const credentialRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['integrations'];
  const owned = async (userId: string, provider: string, id: string) => {
    // Only the user's own: platform credentials resolve for runs but are not theirs to read or delete.
    const credentials = await ctx.vault.peek(userId, id);
    if (!credentials || credentials.provider !== provider) throw notFound(`Credentials #${id}`);
    return credentials;
  };

  app.get(
    '/api/integrations/credentials',
    { schema: { tags, summary: 'List credentials', response: { 200: z.array(credentialsMetaResponse) } } },
    async (request) => ctx.vault.list(userIdOf(request)),
  );

  app.get(
    '/api/integrations/platform-credentials',
    {
      schema: {
        tags,
        summary: 'List platform credentials',
        description:
          "Credentials the server's environment provides (OPENAI_API_KEY, …), offered to every user: a node " +
          'whose credentials field is left empty runs with the first one whose provider and type fit. ' +
          'Metadata only; they are not in `GET /api/integrations/credentials` and cannot be read or deleted.',
        response: { 200: z.array(platformCredentialsResponse) },
      },
    },
    async (request) => {
      const offered = (await ctx.vault.defaults?.(userIdOf(request))) ?? [];
      // Picked field by field: the objects hold the secrets.
      return offered.map(({ id, provider, type, title }) => ({ id, provider, type, title: title ?? null }));
    },
  );

  app.get(
    '/api/integrations/:provider/credentials',
    {
      schema: {
        tags,
        summary: 'List credentials by provider',
        params: z.object({ provider: providerParam }),
        response: { 200: z.array(credentialsMetaResponse) },
      },
    },
    async (request) => ctx.vault.list(userIdOf(request), request.params.provider),
  );

  app.get(
    '/api/integrations/:provider/credentials/:cred_id',
    {
      schema: {
        tags,
        summary: 'Get credential by ID',
        description: 'The full credentials object, with every secret field masked as `**********`.',
        params: credParams,
        response: { 200: maskedCredentials },
      },
    },
    async (request) =>
      masked(await owned(userIdOf(request), request.params.provider, request.params.cred_id)),
  );

  app.post(
    '/api/integrations/:provider/credentials',
    {
      schema: {
        tags,
        summary: 'Create credentials',
        params: z.object({ provider: providerParam }),
        body: newCredentialsBody,
        response: { 201: maskedCredentials },
      },
    },
    async (request, reply) => {
      const userId = userIdOf(request);
      const { provider } = request.params;
      const { provider: named, ...fields } = request.body;
      if (named !== undefined && named !== provider)
        throw new ApiError('BAD_REQUEST', `The body names provider ${named}, the path ${provider}`);
      const credentials: Credentials = {
        ...fields,
        id: randomUUID(),
        provider,
        title: fields.title ?? null,
      };
      await ctx.vault.create(userId, credentials);
      request.log.info({ user_id: userId, credentials_id: credentials.id, provider }, 'Credentials created');
      return reply.status(201).send(masked(credentials));
    },
  );

  app.delete(
    '/api/integrations/:provider/credentials/:cred_id',
    {
      schema: {
        tags,
        summary: 'Delete credentials',
        description:
          'Without `force`, credentials that a node of one of your graphs references are kept and the answer ' +
          'asks for confirmation. OAuth2 tokens are revoked at the provider (`revoked`); other types give null.',
        params: credParams,
        querystring: deleteQuery,
        response: { 200: deleteResponse },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      const { provider, cred_id: id } = request.params;
      await owned(userId, provider, id);
      if (!request.query.force) {
        const graphs = await ctx.vault.graphsUsing(userId, id);
        if (graphs.length > 0)
          return {
            deleted: false as const,
            need_confirmation: true as const,
            message: `These credentials are used by ${graphs.length} graph(s): ${graphs.map((g) => g.name).join(', ')}. Delete with force=true to confirm.`,
          };
      }
      const removed = await ctx.vault.delete(userId, id);
      if (!removed) throw notFound(`Credentials #${id}`);
      const client = ctx.config.oauth?.[provider];
      const revoked =
        removed.type !== 'oauth2'
          ? null
          : client?.client
            ? await revokeToken(client, client.client, removed.access_token)
            : false;
      request.log.info({ user_id: userId, credentials_id: id, provider, revoked }, 'Credentials deleted');
      return { deleted: true as const, revoked };
    },
  );
};
