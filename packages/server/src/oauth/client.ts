import { z } from 'zod';
import type { OAuth2Credentials } from '@blockloom/sdk';
import type { OAuthProvider } from './providers';

/** The provider refused, or could not be reached; the message is safe to show (no tokens in it). */
export class OAuthProviderError extends Error {
  override name = 'OAuthProviderError';
  constructor(
    message: string,
    /** true: the provider rejected what we sent (a bad code); false: it failed or was unreachable. */
    readonly refused: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const TIMEOUT_MS = 10_000;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().nullish(),
  expires_in: z.coerce.number().nullish(),
  refresh_token_expires_in: z.coerce.number().nullish(),
  scope: z.string().nullish(),
});
export type TokenSet = z.infer<typeof tokenResponse>;

type Client = NonNullable<OAuthProvider['client']>;

async function call(provider: OAuthProvider, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new OAuthProviderError(`${provider.name} could not be reached`, false, { cause: error });
  }
}

/** POSTs a token request; both providers accept form bodies and answer JSON when asked to. */
async function tokenRequest(
  provider: OAuthProvider,
  client: Client,
  params: Record<string, string>,
): Promise<TokenSet> {
  const response = await call(provider, provider.tokenUrl, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: client.id, client_secret: client.secret, ...params }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = tokenResponse.safeParse(body);
  if (response.ok && parsed.success) return parsed.data;
  // GitHub answers 200 with {error}; others answer 400. Only the error code is kept: no token can leak.
  const code = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const refused = typeof code === 'string' || (response.status >= 400 && response.status < 500);
  const reason = typeof code === 'string' ? code : `HTTP ${response.status}`;
  throw new OAuthProviderError(`${provider.name} refused the token request (${reason})`, refused);
}

export function authorizeUrl(
  provider: OAuthProvider,
  request: { clientId: string; redirectUri: string; scopes: string[]; state: string; codeChallenge: string },
): string {
  const url = new URL(provider.authorizeUrl);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scopes.join(' '),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    ...provider.authorizeParams,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export const exchangeCode = (
  provider: OAuthProvider,
  client: Client,
  request: { code: string; codeVerifier: string; redirectUri: string },
) =>
  tokenRequest(provider, client, {
    grant_type: 'authorization_code',
    code: request.code,
    code_verifier: request.codeVerifier,
    redirect_uri: request.redirectUri,
  });

export const refreshTokens = (provider: OAuthProvider, client: Client, refreshToken: string) =>
  tokenRequest(provider, client, { grant_type: 'refresh_token', refresh_token: refreshToken });

/** The account's name at the provider (GitHub login, Google email); null when it does not say. */
export async function fetchUsername(provider: OAuthProvider, accessToken: string): Promise<string | null> {
  const response = await call(provider, provider.userinfoUrl, {
    headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok) return null;
  const body: unknown = await response.json().catch(() => undefined);
  const name =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>)[provider.usernameField]
      : undefined;
  return typeof name === 'string' ? name : null;
}

/** Asks the provider to revoke the token; false when it refused or could not be reached. */
export async function revokeToken(provider: OAuthProvider, client: Client, token: string): Promise<boolean> {
  const { revoke } = provider;
  const init: RequestInit =
    revoke.method === 'github'
      ? {
          method: 'DELETE',
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ access_token: token }),
        }
      : {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }),
        };
  try {
    return (await call(provider, revoke.url, init)).ok;
  } catch {
    return false;
  }
}

/** Credentials from a token response; `previous` keeps what a refresh response leaves out. */
export function toOAuth2Fields(
  tokens: TokenSet,
  nowSeconds: number,
  previous?: Pick<OAuth2Credentials, 'refresh_token' | 'scopes' | 'refresh_token_expires_at'>,
): Pick<
  OAuth2Credentials,
  'access_token' | 'access_token_expires_at' | 'refresh_token' | 'refresh_token_expires_at' | 'scopes'
> {
  const at = (seconds: number | null | undefined) =>
    seconds === null || seconds === undefined ? null : Math.floor(nowSeconds + seconds);
  return {
    access_token: tokens.access_token,
    access_token_expires_at: at(tokens.expires_in),
    refresh_token: tokens.refresh_token ?? previous?.refresh_token ?? null,
    refresh_token_expires_at:
      at(tokens.refresh_token_expires_in) ?? previous?.refresh_token_expires_at ?? null,
    scopes: tokens.scope ? tokens.scope.split(/[ ,]+/).filter(Boolean) : (previous?.scopes ?? []),
  };
}
