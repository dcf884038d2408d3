import { z } from 'zod';
import { credentialsTypes } from '@blockloom/sdk';

/** Provider names as AutoGPT spells them (`openai`, `open_router`, `github`…). */
export const providerParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a provider name');

/** AutoGPT's CredentialsMetaResponse: what lists show, never a secret. */
export const credentialsMetaResponse = z
  .object({
    id: z.string(),
    provider: z.string(),
    type: z.enum(credentialsTypes),
    title: z.string().nullable(),
    scopes: z.array(z.string()).nullable(),
    username: z.string().nullable(),
    host: z.string().nullable(),
  })
  .meta({ id: 'CredentialsMetaResponse' });

/**
 * A platform credential (a key the server's environment provides, such as OPENAI_API_KEY): a node whose
 * credentials field is left empty gets the first one whose provider and type fit. Never a secret.
 */
export const platformCredentialsResponse = z
  .object({
    id: z.string(),
    provider: z.string(),
    type: z.enum(credentialsTypes),
    title: z.string().nullable(),
  })
  .meta({ id: 'PlatformCredentials' });

/** A credentials object with its secret fields masked (`**********`); other fields depend on the type. */
export const maskedCredentials = z
  .looseObject({
    id: z.string(),
    provider: z.string(),
    type: z.enum(credentialsTypes),
    title: z.string().nullish(),
  })
  .meta({ id: 'MaskedCredentials' });

const common = {
  title: z.string().max(200).nullish(),
  /** Optional: the path names the provider; a different one here is refused. */
  provider: providerParam.optional(),
};

/**
 * The credentials a client may create directly. OAuth2 credentials come only from the login flow, where the
 * platform itself obtained the token; the server assigns the id.
 */
export const newCredentialsBody = z.discriminatedUnion('type', [
  z.object({
    ...common,
    type: z.literal('api_key'),
    api_key: z.string().min(1).max(8192),
    expires_at: z.number().int().nullish(),
  }),
  z.object({
    ...common,
    type: z.literal('user_password'),
    username: z.string().min(1).max(1024),
    password: z.string().min(1).max(8192),
  }),
  z.object({
    ...common,
    type: z.literal('host_scoped'),
    host: z.string().min(1).max(1024),
    headers: z.record(z.string().min(1).max(256), z.string().max(8192)),
  }),
]);

export const credParams = z.object({ provider: providerParam, cred_id: z.string().min(1).max(200) });

export const deleteQuery = z.object({
  force: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
});

export const deleteResponse = z.union([
  z.object({ deleted: z.literal(true), revoked: z.boolean().nullable() }),
  z.object({ deleted: z.literal(false), need_confirmation: z.literal(true), message: z.string() }),
]);

export const loginQuery = z.object({ scopes: z.string().max(4096).optional() });
export const loginResponse = z
  .object({ login_url: z.string(), state_token: z.string() })
  .meta({ id: 'LoginResponse' });
export const callbackBody = z.object({
  code: z.string().min(1).max(4096),
  state_token: z.string().min(1).max(512),
});
export const callbackResponse = z
  .object({
    id: z.string(),
    provider: z.string(),
    type: z.literal('oauth2'),
    title: z.string().nullable(),
    scopes: z.array(z.string()),
    username: z.string().nullable(),
  })
  .meta({ id: 'CredentialsMetaResponseOAuth' });
