import { z } from 'zod';
import { credentialsTypes, type CredentialsType } from './constants';

/** What a node's input holds for a credentials field: a reference, never the secret (internals §1.4). */
export interface CredentialsMeta {
  id: string;
  title?: string | null;
  provider: string;
  type: CredentialsType;
}

interface CredentialsBase {
  id: string;
  provider: string;
  title?: string | null;
}
export interface ApiKeyCredentials extends CredentialsBase {
  type: 'api_key';
  api_key: string;
  expires_at?: number | null;
}
export interface OAuth2Credentials extends CredentialsBase {
  type: 'oauth2';
  username?: string | null;
  access_token: string;
  access_token_expires_at?: number | null;
  refresh_token?: string | null;
  refresh_token_expires_at?: number | null;
  scopes: string[];
  metadata?: Record<string, unknown>;
}
export interface UserPasswordCredentials extends CredentialsBase {
  type: 'user_password';
  username: string;
  password: string;
}
export interface HostScopedCredentials extends CredentialsBase {
  type: 'host_scoped';
  host: string;
  headers: Record<string, string>;
}
/** Resolved credentials, secret included: what a block receives at run time. */
export type Credentials =
  ApiKeyCredentials | OAuth2Credentials | UserPasswordCredentials | HostScopedCredentials;

/** The `Authorization` header value for credentials (`Bearer …` or `Basic …`). */
export function authHeader(credentials: Credentials): string | undefined {
  switch (credentials.type) {
    case 'api_key':
      return `Bearer ${credentials.api_key}`;
    case 'oauth2':
      return `Bearer ${credentials.access_token}`;
    case 'user_password':
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    case 'host_scoped':
      return undefined;
  }
}

export interface CredentialsFieldOptions {
  /** Providers accepted by the field; several need a discriminator. */
  providers: readonly string[];
  types: readonly CredentialsType[];
  scopes?: readonly string[];
  description?: string;
  /** Name of the input whose value picks the provider (LLM blocks: `model`). */
  discriminator?: string;
  /** Discriminator value -> provider. */
  discriminatorMapping?: Record<string, string>;
}

/** What a credentials field accepts, as `Block.credentialsInfo` reports it. */
export interface CredentialsFieldInfo {
  providers: string[];
  types: CredentialsType[];
  discriminator?: string;
  discriminatorMapping?: Record<string, string>;
}

/**
 * The providers a credentials field accepts for this input: a discriminator (an LLM block's `model`) narrows
 * them to the one its value maps to.
 */
export function credentialsProvidersFor(
  info: CredentialsFieldInfo,
  input: Record<string, unknown>,
): string[] {
  if (info.discriminator && info.discriminatorMapping) {
    const chosen = input[info.discriminator];
    const provider = typeof chosen === 'string' ? info.discriminatorMapping[chosen] : undefined;
    if (provider) return [provider];
  }
  return info.providers;
}

/** Metadata key under which a zod schema is marked as a credentials field. */
export const CREDENTIALS_META_KEY = 'credentials_provider';

/**
 * A credentials input field. Its name must be `credentials` or end in `_credentials` (checked by
 * `defineBlock`). The JSON Schema carries AutoGPT's extras: `credentials_provider`, `credentials_types`,
 * `credentials_scopes`, `discriminator`, `discriminator_mapping`.
 */
export function credentialsField(options: CredentialsFieldOptions) {
  const providers = [...options.providers];
  const types = [...options.types];
  const meta: Record<string, unknown> = {
    credentials_provider: providers,
    credentials_types: types,
  };
  if (options.scopes) meta.credentials_scopes = [...options.scopes];
  if (options.discriminator) meta.discriminator = options.discriminator;
  if (options.discriminatorMapping) meta.discriminator_mapping = { ...options.discriminatorMapping };
  if (options.description) meta.description = options.description;
  const providerSchema =
    providers.length === 1 ? z.literal(providers[0] as string) : z.enum(providers as [string, ...string[]]);
  const typeSchema = types.length === 1 ? z.literal(types[0] as CredentialsType) : z.enum(credentialsTypes);
  return z
    .object({
      id: z.string(),
      title: z.string().nullish(),
      provider: providerSchema,
      type: typeSchema,
    })
    .meta(meta);
}

export function isCredentialsFieldName(name: string): boolean {
  return name === 'credentials' || name.endsWith('_credentials');
}
