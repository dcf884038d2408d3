import { APICallError } from 'ai';
import { BlockError, NonRetriableError, RetryAfterError } from '@blockloom/sdk';

/** Which failed LLM calls are tried again, and how long to wait first. */

/** How transient failures (429, 5xx, a dropped connection) are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 };

/** Retry-After as milliseconds: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string> | undefined): number | undefined {
  const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isContextLengthError(error: APICallError): boolean {
  return (
    error.statusCode === 400 &&
    /context.length|maximum context|too many tokens|max_tokens/i.test(error.message)
  );
}

type Verdict = { retry: true; delayMs?: number; shrinkTokens?: boolean } | { retry: false; error: Error };

/** What to do after a failed attempt: retry (429, 5xx, network, context overflow) or fail for good. */
export function judge(error: unknown, provider: string): Verdict {
  if (!APICallError.isInstance(error)) {
    return { retry: false, error: error instanceof Error ? error : new BlockError(String(error)) };
  }
  const status = error.statusCode;
  const detail = `${provider} API error${status ? ` ${status}` : ''}: ${error.message}`;
  if (status === 401 || status === 403) {
    return {
      retry: false,
      error: new NonRetriableError(`Authentication failed: ${detail}`, { cause: error }),
    };
  }
  if (isContextLengthError(error)) return { retry: true, shrinkTokens: true };
  if (status === 429 || status === 408 || (status !== undefined && status >= 500) || error.isRetryable) {
    const delayMs = retryAfterMs(error.responseHeaders);
    return { retry: true, ...(delayMs === undefined ? {} : { delayMs }) };
  }
  return { retry: false, error: new NonRetriableError(detail, { cause: error }) };
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The error once the retries are spent (or the server asks for a longer wait than a node should hold): a 429
 * keeps its Retry-After so the engine may try the node later.
 */
export function exhausted(error: unknown, provider: string, retriesDone: number): Error {
  const base = judge(error, provider);
  if (!base.retry) return base.error;
  const message = `${provider} call failed after ${retriesDone + 1} attempts: ${error instanceof Error ? error.message : String(error)}`;
  if (APICallError.isInstance(error) && error.statusCode === 429) {
    return new RetryAfterError(message, { retryAfterMs: base.delayMs ?? 60_000, cause: error });
  }
  return new BlockError(message, { cause: error });
}
