import { ProxyAgent, fetch as undiciFetch } from 'undici';

/** Statuses whose responses may not carry a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * `fetch` through an HTTP proxy. `proxyUrl` may carry `user:password@`, sent as Proxy-Authorization.
 * Uses the undici package's own fetch with its ProxyAgent (Node's built-in fetch bundles another undici
 * version, and dispatchers don't mix across versions); the body is buffered so callers get a standard
 * Response and the agent can be closed at once.
 */
export interface ProxiedInit {
  method: string;
  headers?: Record<string, string>;
  /** Text only: multipart bodies are built by the other undici's FormData and can't cross over. */
  body?: string;
  signal: AbortSignal;
}

export async function fetchViaProxy(url: string, init: ProxiedInit, proxyUrl: string): Promise<Response> {
  const proxy = new URL(proxyUrl);
  const token =
    proxy.username || proxy.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`
      : undefined;
  const agent = new ProxyAgent({ uri: `${proxy.protocol}//${proxy.host}`, ...(token ? { token } : {}) });
  try {
    const response = await undiciFetch(url, {
      method: init.method,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: init.signal,
      dispatcher: agent,
    });
    const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers.entries()),
    });
  } finally {
    await agent.close();
  }
}
