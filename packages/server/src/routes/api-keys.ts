import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiKeyPermissions, apiKeyStatuses, type ApiKey } from '@blockloom/store';
import { generateApiKey } from '../auth/api-keys';
import type { ServerContext } from '../context';
import { userIdOf } from '../context';
import { notFound } from '../errors';
import { uuidParam } from '../schemas';

/** APIKeyInfo (internals §5): no hash, no salt; the plain key is shown once, at creation. */
export const apiKeyInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    head: z.string(),
    tail: z.string(),
    status: z.enum(apiKeyStatuses),
    scopes: z.array(z.enum(apiKeyPermissions)),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    description: z.string().nullable(),
    user_id: z.string(),
    type: z.literal('api_key'),
  })
  .meta({ id: 'APIKeyInfo' });

export const toApiKeyInfo = (key: ApiKey): z.infer<typeof apiKeyInfoSchema> => ({
  id: key.id,
  name: key.name,
  head: key.head,
  tail: key.tail,
  status: key.status,
  scopes: key.permissions,
  created_at: key.createdAt,
  last_used_at: key.lastUsedAt,
  revoked_at: key.revokedAt,
  description: key.description,
  user_id: key.userId,
  type: 'api_key',
});

const permissions = z.array(z.enum(apiKeyPermissions)).min(1);
const keyParams = z.object({ key_id: uuidParam });

export const apiKeyRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['api-keys'];
  const owned = async (userId: string, id: string) => {
    const key = await ctx.accounts.getApiKey(userId, id);
    if (!key) throw notFound(`API key #${id}`);
    return key;
  };

  app.post(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'Create new API key',
        body: z.object({
          name: z.string().min(1).max(200),
          permissions,
          description: z.string().max(2000).optional(),
        }),
        response: { 200: z.object({ api_key: apiKeyInfoSchema, plain_text_key: z.string() }) },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      const generated = await generateApiKey();
      const key = await ctx.accounts.createApiKey({
        id: randomUUID(),
        userId,
        name: request.body.name,
        description: request.body.description ?? null,
        head: generated.head,
        tail: generated.tail,
        hash: generated.hash,
        salt: generated.salt,
        permissions: [...new Set(request.body.permissions)],
        now: ctx.now().toISOString(),
      });
      request.log.info({ user_id: userId, api_key_id: key.id }, 'API key created');
      return { api_key: toApiKeyInfo(key), plain_text_key: generated.plainText };
    },
  );

  app.get(
    '/api/api-keys',
    { schema: { tags, summary: 'List user API keys', response: { 200: z.array(apiKeyInfoSchema) } } },
    async (request) => (await ctx.accounts.listApiKeys(userIdOf(request))).map(toApiKeyInfo),
  );

  app.get(
    '/api/api-keys/:key_id',
    {
      schema: {
        tags,
        summary: 'Get specific API key',
        params: keyParams,
        response: { 200: apiKeyInfoSchema },
      },
    },
    async (request) => toApiKeyInfo(await owned(userIdOf(request), request.params.key_id)),
  );

  app.delete(
    '/api/api-keys/:key_id',
    { schema: { tags, summary: 'Revoke API key', params: keyParams, response: { 200: apiKeyInfoSchema } } },
    async (request) => {
      const userId = userIdOf(request);
      await owned(userId, request.params.key_id);
      const key = await ctx.accounts.updateApiKey(userId, request.params.key_id, {
        status: 'REVOKED',
        revokedAt: ctx.now().toISOString(),
      });
      if (!key) throw notFound(`API key #${request.params.key_id}`);
      return toApiKeyInfo(key);
    },
  );

  app.post(
    '/api/api-keys/:key_id/suspend',
    { schema: { tags, summary: 'Suspend API key', params: keyParams, response: { 200: apiKeyInfoSchema } } },
    async (request) => {
      const userId = userIdOf(request);
      const current = await owned(userId, request.params.key_id);
      // A revoked key stays revoked: suspension is for keys that may come back.
      if (current.status === 'REVOKED') return toApiKeyInfo(current);
      const key = await ctx.accounts.updateApiKey(userId, current.id, { status: 'SUSPENDED' });
      if (!key) throw notFound(`API key #${current.id}`);
      return toApiKeyInfo(key);
    },
  );

  app.put(
    '/api/api-keys/:key_id/permissions',
    {
      schema: {
        tags,
        summary: 'Update key permissions',
        params: keyParams,
        body: z.object({ permissions }),
        response: { 200: apiKeyInfoSchema },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      await owned(userId, request.params.key_id);
      const key = await ctx.accounts.updateApiKey(userId, request.params.key_id, {
        permissions: [...new Set(request.body.permissions)],
      });
      if (!key) throw notFound(`API key #${request.params.key_id}`);
      return toApiKeyInfo(key);
    },
  );
};
