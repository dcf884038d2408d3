import type { OAuthRefresher } from '../vault/vault';
import { refreshTokens, toOAuth2Fields } from './client';
import type { OAuthProviders } from './providers';

/**
 * Renews OAuth2 access tokens through the provider's token endpoint (Google issues one-hour tokens). A provider
 * without a configured client cannot refresh: the run gets the stored token and the provider decides.
 */
export function createOAuthRefresher(providers: OAuthProviders, now: () => Date): OAuthRefresher {
  return async (credentials) => {
    const provider = providers[credentials.provider];
    if (!provider?.client || !credentials.refresh_token) return undefined;
    const tokens = await refreshTokens(provider, provider.client, credentials.refresh_token);
    return { ...credentials, ...toOAuth2Fields(tokens, now().getTime() / 1000, credentials) };
  };
}
