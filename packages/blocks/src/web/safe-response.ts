import type { Readable } from 'node:stream';
import { NonRetriableError } from '@blockloom/sdk';

/** Response helpers for `safeFetch`: header flattening, the streamed body cap, charset-aware decoding. */

/** Lower-cased header names with repeated values joined, as `SafeResponse.headers` promises. */
export function responseHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Abandons a body over the cap; the abort error undici then emits has no reader left, so it is swallowed. */
function tooLarge(body: Readable, maxBytes: number): NonRetriableError {
  body.on('error', () => undefined);
  body.destroy();
  return new NonRetriableError(`Response body is larger than the ${maxBytes}-byte limit`);
}

/**
 * Reads a body, stopping as soon as it passes `maxBytes`: a declared length over the cap is refused before
 * reading, and a body without one (chunked) is counted while it streams, so a huge answer never sits in memory.
 */
export async function readCappedBody(
  body: Readable,
  options: { maxBytes: number; headers: Record<string, string> },
): Promise<Uint8Array> {
  const declared = Number(options.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    throw tooLarge(body, options.maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > options.maxBytes) {
      throw tooLarge(body, options.maxBytes);
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Decodes a body with the charset its content type names; UTF-8 when none is named or it is unknown. */
export function textOf(body: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  if (charset) {
    try {
      return new TextDecoder(charset).decode(body);
    } catch {
      // An unknown label falls through to UTF-8, the web's default.
    }
  }
  return new TextDecoder('utf-8').decode(body);
}
