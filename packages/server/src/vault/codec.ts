import type { Credentials } from '@blockloom/sdk';

/** What pydantic's SecretStr serialises to, so AutoGPT clients show masked values the same way. */
export const MASK = '**********';

/** A credential in two parts: the secret fields (encrypted at rest) and the rest (plain, listable). */
export interface SplitCredentials {
  secret: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export function splitCredentials(credentials: Credentials): SplitCredentials {
  switch (credentials.type) {
    case 'api_key':
      return {
        secret: { api_key: credentials.api_key },
        metadata: { expires_at: credentials.expires_at ?? null },
      };
    case 'oauth2':
      return {
        secret: { access_token: credentials.access_token, refresh_token: credentials.refresh_token ?? null },
        metadata: {
          username: credentials.username ?? null,
          scopes: credentials.scopes,
          access_token_expires_at: credentials.access_token_expires_at ?? null,
          refresh_token_expires_at: credentials.refresh_token_expires_at ?? null,
          metadata: credentials.metadata ?? {},
        },
      };
    case 'user_password':
      return { secret: { password: credentials.password }, metadata: { username: credentials.username } };
    case 'host_scoped':
      return { secret: { headers: credentials.headers }, metadata: { host: credentials.host } };
  }
}

/** The inverse of splitCredentials, from a stored row's parts. */
export function joinCredentials(
  head: { id: string; provider: string; type: string; title: string | null },
  parts: SplitCredentials,
): Credentials {
  const { id, provider, type, title } = head;
  return { id, provider, type, title, ...parts.metadata, ...parts.secret } as Credentials;
}

/** The full object with every secret replaced by MASK (header names of host-scoped credentials stay). */
export function maskCredentials(credentials: Credentials): Credentials {
  switch (credentials.type) {
    case 'api_key':
      return { ...credentials, api_key: MASK };
    case 'oauth2':
      return {
        ...credentials,
        access_token: MASK,
        refresh_token: credentials.refresh_token ? MASK : null,
      };
    case 'user_password':
      return { ...credentials, password: MASK };
    case 'host_scoped':
      return {
        ...credentials,
        headers: Object.fromEntries(Object.keys(credentials.headers).map((name) => [name, MASK])),
      };
  }
}

/** AutoGPT's CredentialsMetaResponse: what lists show, read from the plain metadata only. */
export interface CredentialsMetaView {
  id: string;
  provider: string;
  type: Credentials['type'];
  title: string | null;
  scopes: string[] | null;
  username: string | null;
  host: string | null;
}

export function metaView(row: {
  id: string;
  provider: string;
  type: string;
  title: string | null;
  metadata: Record<string, unknown>;
}): CredentialsMetaView {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const scopes = row.metadata.scopes;
  return {
    id: row.id,
    provider: row.provider,
    type: row.type as Credentials['type'],
    title: row.title,
    scopes: Array.isArray(scopes)
      ? scopes.filter((scope): scope is string => typeof scope === 'string')
      : null,
    username: text(row.metadata.username),
    host: text(row.metadata.host),
  };
}
