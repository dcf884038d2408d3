import type { UserPasswordCredentials } from '@blockloom/sdk';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The Webshare rotating-proxy URL for a user's credentials. Webshare rotates the exit IP per request when the
 * username ends in "-rotate", which keeps YouTube from blocking a burst of requests. `WEBSHARE_PROXY_URL`
 * moves the proxy endpoint (default http://p.webshare.io:80), for self-hosters and tests.
 */
export function webshareProxyUrl(credentials: UserPasswordCredentials, env: Env = process.env): string {
  const endpoint = new URL(env.WEBSHARE_PROXY_URL?.trim() || 'http://p.webshare.io:80');
  const username = credentials.username.endsWith('-rotate')
    ? credentials.username
    : `${credentials.username}-rotate`;
  endpoint.username = encodeURIComponent(username);
  endpoint.password = encodeURIComponent(credentials.password);
  return endpoint.toString().replace(/\/$/, '');
}
