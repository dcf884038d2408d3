import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OAuth2Credentials } from '@blockloom/sdk';
import type { ServerContext } from '../../context';
import { userIdOf } from '../../context';
import { ApiError } from '../../errors';
import {
  authorizeUrl,
  exchangeCode,
  fetchUsername,
  OAuthProviderError,
  toOAuth2Fields,
} from '../../oauth/client';
import type { OAuthProvider } from '../../oauth/providers';
import { callbackBody, callbackResponse, loginQuery, loginResponse, providerParam } from './schemas';

/** How long a login may take between the login URL and the callback (AutoGPT: 10 minutes). */
const STATE_TTL_MS = 10 * 60 * 1000;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * The OAuth2 authorisation-code flow with PKCE (S256) for integrations: the login route stores a single-use
 * state (hashed token, encrypted verifier); the callback consumes it, exchanges the code with the verifier,
 * and stores the tokens as oauth2 credentials in the vault.
 */
export const oauthRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['integrations'];
  const configured = (name: string): OAuthProvider & { client: NonNullable<OAuthProvider['client']> } => {
    const provider = ctx.config.oauth?.[name];
    if (!provider) throw new ApiError('NOT_FOUND', `No OAuth2 provider named ${name}`);
    const { client } = provider;
    if (!client)
      throw new ApiError(
        'NOT_IMPLEMENTED',
        `OAuth2 for ${name} is not configured: set ${name.toUpperCase()}_CLIENT_ID and ${name.toUpperCase()}_CLIENT_SECRET`,
      );
    return { ...provider, client };
  };
  const redirectUri = (request: { protocol: string; host: string }) =>
    `${ctx.config.frontendUrl ?? `${request.protocol}://${request.host}`}/auth/integrations/oauth_callback`;

  app.get(
    '/api/integrations/:provider/login',
    {
      schema: {
        tags,
        summary: 'Initiate OAuth flow',
        params: z.object({ provider: providerParam }),
        querystring: loginQuery,
        response: { 200: loginResponse },
      },
    },
    async (request) => {
      const provider = configured(request.params.provider);
      const asked = (request.query.scopes ?? '').split(',').map((scope) => scope.trim());
      const scopes = [...new Set([...provider.defaultScopes, ...asked.filter(Boolean)])];
      const stateToken = randomBytes(32).toString('base64url');
      const tokenHash = sha256(stateToken).toString('hex');
      const verifier = randomBytes(48).toString('base64url');
      const created = ctx.now();
      await ctx.vault.repo.insertOAuthState({
        tokenHash,
        userId: userIdOf(request),
        provider: provider.name,
        scopes,
        codeVerifier: ctx.vault.encryptState(tokenHash, verifier),
        createdAt: created.toISOString(),
        expiresAt: new Date(created.getTime() + STATE_TTL_MS).toISOString(),
      });
      const loginUrl = authorizeUrl(provider, {
        clientId: provider.client.id,
        redirectUri: redirectUri(request),
        scopes,
        state: stateToken,
        codeChallenge: sha256(verifier).toString('base64url'),
      });
      return { login_url: loginUrl, state_token: stateToken };
    },
  );

  app.post(
    '/api/integrations/:provider/callback',
    {
      schema: {
        tags,
        summary: 'Exchange OAuth code for tokens',
        params: z.object({ provider: providerParam }),
        body: callbackBody,
        response: { 200: callbackResponse },
      },
    },
    async (request) => {
      const userId = userIdOf(request);
      const provider = configured(request.params.provider);
      const tokenHash = sha256(request.body.state_token).toString('hex');
      const state = await ctx.vault.repo.takeOAuthState(tokenHash);
      if (!state || state.userId !== userId || state.provider !== provider.name)
        throw new ApiError('BAD_REQUEST', 'Invalid or already used OAuth state token');
      if (state.expiresAt <= ctx.now().toISOString())
        throw new ApiError('BAD_REQUEST', 'The OAuth state token expired; start the login again');
      const nowSeconds = ctx.now().getTime() / 1000;
      let credentials: OAuth2Credentials;
      try {
        const tokens = await exchangeCode(provider, provider.client, {
          code: request.body.code,
          codeVerifier: ctx.vault.decryptState(tokenHash, state.codeVerifier),
          redirectUri: redirectUri(request),
        });
        const username = await fetchUsername(provider, tokens.access_token);
        const fields = toOAuth2Fields(tokens, nowSeconds, { scopes: state.scopes });
        credentials = {
          id: randomUUID(),
          provider: provider.name,
          type: 'oauth2',
          title: username ? `${provider.name} (${username})` : provider.name,
          username,
          metadata: {},
          ...fields,
        };
      } catch (error) {
        if (!(error instanceof OAuthProviderError)) throw error;
        throw new ApiError(error.refused ? 'BAD_REQUEST' : 'BAD_GATEWAY', error.message, { cause: error });
      }
      await ctx.vault.create(userId, credentials);
      request.log.info(
        { user_id: userId, credentials_id: credentials.id, provider: provider.name },
        'OAuth2 credentials stored',
      );
      return {
        id: credentials.id,
        provider: credentials.provider,
        type: 'oauth2' as const,
        title: credentials.title ?? null,
        scopes: credentials.scopes,
        username: credentials.username ?? null,
      };
    },
  );
};
