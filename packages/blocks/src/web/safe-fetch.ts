import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as systemLookup } from 'node:dns/promises';
import { BlockError, NonRetriableError } from '@blockloom/sdk';
import { Agent, request } from 'undici';
import {
  forbiddenReason,
  isAddressAllowed,
  isHostAllowed,
  parseAllowList,
  parseIp,
  type AllowList,
} from './ip-policy';
import { readCappedBody, responseHeaders, textOf } from './safe-response';

/**
 * An HTTP client for URLs that come from users or models. Only http(s) is spoken, and every address the
 * client connects to is checked against `ip-policy.ts` inside the socket's own DNS lookup, so a hostname
 * that resolves differently between a check and the connect (DNS rebinding) can't slip through. Redirects
 * are followed by hand, each hop checked again.
 *
 * Environment: `BLOCKLOOM_HTTP_ALLOW_PRIVATE` (hostnames, IPs or CIDRs exempt from the address checks),
 * `BLOCKLOOM_HTTP_MAX_BODY_BYTES` (default 10 MiB), `BLOCKLOOM_HTTP_TIMEOUT_MS` (default 30 s).
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** Resolves a hostname to every address it has (the system resolver unless a test injects one). */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface SafeFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | FormData;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Replaces the system DNS resolver; for tests. */
  lookup?: HostResolver;
}

export interface SafeResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType: string;
  body: Uint8Array;
  /** The body decoded with the content type's charset (UTF-8 when absent or unknown). */
  text(): string;
  json(): unknown;
}

/** The URL may not be fetched: a scheme other than http(s), or a forbidden address. Never retried. */
export class UnsafeUrlError extends NonRetriableError {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Headers that may follow a redirect to another origin; the rest may hold secrets meant for the first. */
const headersSafeAcrossOrigins = new Set(['accept', 'accept-language', 'cache-control', 'user-agent']);

function positiveIntFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const systemResolver: HostResolver = async (hostname) =>
  (await systemLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

interface Guard {
  allow: AllowList;
  resolve: HostResolver;
}

function refuse(hostname: string, address: string, reason: string): UnsafeUrlError {
  const target = hostname === address ? address : `${hostname} (${address})`;
  return new UnsafeUrlError(
    `Refused to connect to ${target}: ${reason}. An operator can allow it with BLOCKLOOM_HTTP_ALLOW_PRIVATE.`,
  );
}

/** The addresses a hostname may be reached at; throws `UnsafeUrlError` if any of them is off limits. */
async function checkedAddresses(hostname: string, guard: Guard): Promise<readonly ResolvedAddress[]> {
  const literal = parseIp(hostname);
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = literal ? [{ address: bare, family: literal.family }] : await guard.resolve(bare);
  if (isHostAllowed(guard.allow, hostname)) return addresses;
  for (const { address } of addresses) {
    const reason = forbiddenReason(address);
    if (reason && !isAddressAllowed(guard.allow, address)) throw refuse(bare, address, reason);
  }
  return addresses;
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** The address family `net.connect` asks for: 4, 6, or 0 for either. */
function requestedFamily(family: LookupOptions['family']): 0 | 4 | 6 {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return 0;
}

/** A `net.connect` lookup that only hands out checked addresses: the check and the connect see one answer. */
function guardedLookup(guard: Guard, refusals: UnsafeUrlError[]) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const wanted = requestedFamily(options.family);
    const answer = (addresses: readonly ResolvedAddress[]) => {
      const usable = addresses.filter((entry) => wanted === 0 || entry.family === wanted);
      const first = usable[0];
      if (!first) {
        callback(Object.assign(new Error(`No address found for ${hostname}`), { code: 'ENOTFOUND' }), '');
      } else if (options.all) {
        callback(
          null,
          usable.map((entry) => ({ ...entry })),
        );
      } else {
        callback(null, first.address, first.family);
      }
    };
    checkedAddresses(hostname, guard).then(answer, (error: unknown) => {
      if (error instanceof UnsafeUrlError) refusals.push(error);
      callback(error instanceof Error ? error : new Error(String(error)), '');
    });
  };
}

/** Refuses non-http(s) URLs and forbidden IP literals (a literal never reaches the lookup). */
async function checkTarget(url: URL, guard: Guard): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeUrlError(`Only http and https URLs can be fetched, not ${url.protocol}`);
  }
  if (parseIp(url.hostname)) await checkedAddresses(url.hostname, guard);
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new UnsafeUrlError(`Not a valid URL: ${text}`);
  }
}

interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/**
 * Encodes a FormData body to bytes with its multipart content type (the boundary must match, so a caller's
 * content type is replaced). Bytes can be sent again after a 307/308 redirect, and the installed undici
 * doesn't accept the FormData class Node itself ships.
 */
async function encodeBody(
  body: SafeFetchOptions['body'],
  headers: Record<string, string>,
): Promise<Pick<Hop, 'body' | 'headers'>> {
  if (!(body instanceof FormData)) return { body, headers };
  const encoded = new Response(body);
  const rest = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type');
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    headers: { ...Object.fromEntries(rest), 'content-type': encoded.headers.get('content-type') ?? '' },
  };
}

/** The request a redirect leads to, as browsers build it (303, and 301/302 after POST, become GET). */
function redirectedHop(previous: Hop, status: number, location: URL): Hop {
  const toGet =
    (status === 303 && previous.method !== 'HEAD') ||
    ((status === 301 || status === 302) && previous.method === 'POST');
  const sameOrigin = location.origin === previous.url.origin;
  const headers = Object.fromEntries(
    Object.entries(previous.headers).filter(([name]) => {
      const lower = name.toLowerCase();
      if (toGet && (lower === 'content-type' || lower === 'content-length')) return false;
      return sameOrigin || headersSafeAcrossOrigins.has(lower);
    }),
  );
  return {
    url: location,
    method: toGet ? 'GET' : previous.method,
    headers,
    body: toGet ? undefined : previous.body,
  };
}

interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  clear(): void;
}

/** One signal for the caller's cancellation and the request's own deadline (redirects and body included). */
function startDeadline(timeoutMs: number, outer: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let isTimedOut = false;
  const timer = setTimeout(() => {
    isTimedOut = true;
    controller.abort(new Error('timed out'));
  }, timeoutMs);
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => isTimedOut,
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

function translateFailure(error: unknown, context: { url: URL; deadline: Deadline; timeoutMs: number }) {
  if (error instanceof BlockError) return error;
  if (context.deadline.timedOut()) {
    return new BlockError(`Request to ${context.url.origin} timed out after ${context.timeoutMs} ms`, {
      cause: error,
    });
  }
  if (context.deadline.signal.aborted) return new BlockError('Request cancelled', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new BlockError(`Request to ${context.url.origin} failed: ${message}`, { cause: error });
}

/**
 * Fetches a URL that may come from a user, refusing private and internal targets (see the module comment).
 * HTTP error statuses are returned, not thrown. Throws `UnsafeUrlError` for a refused target,
 * `NonRetriableError` for a body over the cap or too many redirects, `BlockError` for a timeout,
 * a cancellation or a network failure.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const timeoutMs = options.timeoutMs ?? positiveIntFromEnv('BLOCKLOOM_HTTP_TIMEOUT_MS', DEFAULT_TIMEOUT_MS);
  const maxBodyBytes =
    options.maxBodyBytes ?? positiveIntFromEnv('BLOCKLOOM_HTTP_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES);
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const guard: Guard = {
    allow: parseAllowList(process.env.BLOCKLOOM_HTTP_ALLOW_PRIVATE),
    resolve: options.lookup ?? systemResolver,
  };
  let hop: Hop = {
    url: parseUrl(url),
    method: (options.method ?? 'GET').toUpperCase(),
    ...(await encodeBody(options.body, { ...options.headers })),
  };
  const refusals: UnsafeUrlError[] = [];
  const agent = new Agent({ connect: { lookup: guardedLookup(guard, refusals) } });
  const deadline = startDeadline(timeoutMs, options.signal);
  try {
    for (let redirects = 0; ; redirects++) {
      await checkTarget(hop.url, guard);
      const response = await request(hop.url, {
        dispatcher: agent,
        method: hop.method,
        headers: hop.headers,
        body: hop.body ?? null,
        signal: deadline.signal,
      });
      const headers = responseHeaders(response.headers);
      const location = headers.location;
      if (redirectStatuses.has(response.statusCode) && location !== undefined) {
        await response.body.dump();
        if (redirects >= maxRedirects) {
          throw new NonRetriableError(`Too many redirects (more than ${maxRedirects}) from ${url}`);
        }
        hop = redirectedHop(hop, response.statusCode, parseUrl(location, hop.url));
        continue;
      }
      const body = await readCappedBody(response.body, { maxBytes: maxBodyBytes, headers });
      const contentType = headers['content-type'] ?? '';
      return {
        status: response.statusCode,
        url: hop.url.href,
        headers,
        contentType,
        body,
        text: () => textOf(body, contentType),
        json: () => JSON.parse(textOf(body, contentType)) as unknown,
      };
    }
  } catch (error) {
    throw refusals[0] ?? translateFailure(error, { url: hop.url, deadline, timeoutMs });
  } finally {
    deadline.clear();
    void agent.destroy().catch(() => undefined);
  }
}
