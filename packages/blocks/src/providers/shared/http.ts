import { BlockError, NonRetriableError, RetryAfterError } from '@blockloom/sdk';
import { fetchViaProxy } from './proxy-fetch';

/** Used when a 429 carries no usable `Retry-After`: long enough for a per-minute quota to refill. */
const DEFAULT_RETRY_AFTER_MS = 30_000;
/** Cap for one provider call, so a hung connection can't hold a node until the engine's own cap. */
const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_DETAIL_CHARS = 300;

export interface ProviderRequest {
  /** The provider's display name, used in every error message ("Jina", "Ideogram"). */
  provider: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | FormData;
  signal: AbortSignal;
  timeoutMs?: number;
  /** Set for keyless APIs (YouTube): a 401/403 then means "refused", not "bad key". */
  keyless?: boolean;
  /** An HTTP proxy (`http://user:password@host:port`) to send the request through. */
  proxyUrl?: string;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: number = Date.now()): number {
  if (!header) return DEFAULT_RETRY_AFTER_MS;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return DEFAULT_RETRY_AFTER_MS;
  return Math.max(0, date - now);
}

/** The most useful part of an error body: a JSON `detail`/`error`/`message`, else the text, shortened. */
function errorDetail(body: string): string {
  let detail = body.trim();
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      const nested = record.errors;
      const first = Array.isArray(nested) ? (nested[0] as Record<string, unknown> | undefined) : undefined;
      const candidate = record.detail ?? record.message ?? record.error ?? first?.message;
      if (typeof candidate === 'string') detail = candidate;
      else if (candidate && typeof candidate === 'object') detail = JSON.stringify(candidate);
    }
  } catch {
    // Not JSON: the text itself is the detail.
  }
  return detail.length > MAX_DETAIL_CHARS ? `${detail.slice(0, MAX_DETAIL_CHARS)}…` : detail;
}

/** Maps a failed response to an error with the right retry meaning (style guide §6). */
export function providerHttpError(
  request: Pick<ProviderRequest, 'provider' | 'keyless'>,
  response: { status: number; retryAfter?: string | null },
  body: string,
): BlockError {
  const { provider } = request;
  const detail = errorDetail(body);
  const suffix = detail ? `: ${detail}` : '';
  const { status } = response;
  if ((status === 401 || status === 403) && request.keyless) {
    return new NonRetriableError(`${provider} refused the request (HTTP ${status})${suffix}`);
  }
  if (status === 401 || status === 403) {
    const sentence = `${provider} refused the API key (HTTP ${status})${suffix}`;
    const stop = /[.!?]$/.test(sentence) ? '' : '.';
    return new NonRetriableError(`${sentence}${stop} Check the ${provider} credentials.`);
  }
  if (status === 429) {
    const wait = retryAfterMs(response.retryAfter ?? null);
    return new RetryAfterError(`${provider} rate limit reached (HTTP 429)${suffix}`, { retryAfterMs: wait });
  }
  if (status >= 500) return new BlockError(`${provider} server error (HTTP ${status})${suffix}`);
  // Any other 4xx: the request itself is wrong, so a retry would get the same answer.
  return new NonRetriableError(`${provider} rejected the request (HTTP ${status})${suffix}`);
}

/**
 * One call to a provider's API. Provider base URLs are operator configuration (trusted), so this uses
 * plain `fetch`; user-supplied URLs must go through `safeFetch` instead. Resolves only for a 2xx response;
 * every failure is a BlockError subclass naming the provider. A cancelled run rethrows the abort reason.
 */
export async function providerFetch(request: ProviderRequest): Promise<Response> {
  const { provider, signal } = request;
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (request.proxyUrl && request.body !== undefined && typeof request.body !== 'string') {
    throw new TypeError('Only text bodies can be sent through a proxy');
  }
  let response: Response;
  try {
    const method = request.method ?? 'GET';
    const combined = AbortSignal.any([signal, timeout]);
    if (request.proxyUrl && typeof request.body !== 'object') {
      const proxied = { method, headers: request.headers, body: request.body, signal: combined };
      response = await fetchViaProxy(request.url, proxied, request.proxyUrl);
    } else {
      response = await fetch(request.url, {
        method,
        headers: request.headers,
        body: request.body,
        signal: combined,
      });
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (timeout.aborted) throw new BlockError(`${provider} did not answer in time`, { cause: error });
    // Node's fetch says only "fetch failed"; the cause names the real problem (refused, DNS, TLS).
    const cause = (error as { cause?: unknown }).cause;
    const reason = cause instanceof Error ? cause.message : (error as Error).message;
    throw new BlockError(`Could not reach ${provider}: ${reason}`, { cause: error });
  }
  if (!response.ok) {
    const status = { status: response.status, retryAfter: response.headers.get('retry-after') };
    throw providerHttpError(request, status, await response.text().catch(() => ''));
  }
  return response;
}

/** A provider call whose answer must be JSON; an unparsable body is a clear BlockError. */
export async function providerJson(request: ProviderRequest): Promise<unknown> {
  const response = await providerFetch(request);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BlockError(`${request.provider} sent a malformed response (not JSON)`, { cause: error });
  }
}

/** A field of a JSON object, or undefined when the value is not an object. */
export function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
