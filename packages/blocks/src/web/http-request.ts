import { NonRetriableError, type BlockContext } from '@blockloom/sdk';
import { z } from 'zod';
import { loadMedia } from './media';
import { safeFetch, type SafeResponse } from './safe-fetch';

/**
 * What SendWebRequest and SendAuthenticatedWebRequest share (catalogue §1.8): the pins, how the body is
 * encoded, and how the answer is routed by status. Both go through `safeFetch`, so a user's URL can't reach
 * internal services.
 */

export const httpMethods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;

export const webRequestInputFields = {
  url: z.string().meta({ description: 'The URL to send the request to.' }),
  method: z.enum(httpMethods).default('POST').meta({ description: 'The HTTP method of the request.' }),
  headers: z
    .record(z.string(), z.string())
    .default({})
    .meta({ description: 'Headers to send with the request.' }),
  json_format: z.boolean().default(true).meta({
    description:
      'Send the body as JSON. Off: a dictionary is sent as a form, text as it is. Needed off for files.',
  }),
  body: z
    .union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()])
    .nullable()
    .default(null)
    .meta({ description: 'The body: a dictionary, a list, or text (JSON text is parsed when json_format).' }),
  files_name: z
    .string()
    .default('file')
    .meta({ description: 'The form field name the files are sent under.' }),
  files: z
    .array(z.string().meta({ format: 'file' }))
    .default([])
    .meta({
      description:
        'Files to upload as multipart/form-data (URLs, data URIs or run files); needs json_format off.',
    }),
};

export const webRequestOutputs = {
  response: z.unknown().meta({ description: 'The answer to a successful (2xx) request: JSON or text.' }),
  client_error: z.unknown().meta({ description: 'The answer to a request the server refused (4xx).' }),
  server_error: z.unknown().meta({ description: 'The answer of a server that failed (5xx).' }),
};

type WebRequestInput = z.output<z.ZodObject<typeof webRequestInputFields>>;
type RequestBody = string | FormData | undefined;

/** Form and multipart fields are text: JSON for anything that isn't already. */
function fieldText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

async function multipartBody(input: WebRequestInput, ctx: BlockContext): Promise<FormData> {
  if (input.json_format) {
    throw new NonRetriableError(
      'json_format cannot be used with files: turn json_format off to upload files',
    );
  }
  if (typeof input.body === 'string' || Array.isArray(input.body)) {
    throw new NonRetriableError('With files, the body must be a dictionary of form fields');
  }
  const form = new FormData();
  for (const [key, value] of Object.entries(input.body ?? {})) form.append(key, fieldText(value));
  for (const reference of input.files) {
    const file = await loadMedia(reference, { graphExecId: ctx.ids.graphExecId, signal: ctx.signal });
    form.append(input.files_name, new Blob([file.bytes], { type: file.mimeType }), file.name);
  }
  return form;
}

/** The body to send and the content type it implies (undefined: none, or set by the body itself). */
function encodedBody(input: WebRequestInput): { body: RequestBody; contentType?: string } {
  const { body } = input;
  if (body === null) return { body: undefined };
  if (input.json_format) {
    if (typeof body !== 'string') return { body: JSON.stringify(body), contentType: 'application/json' };
    try {
      return { body: JSON.stringify(JSON.parse(body)), contentType: 'application/json' };
    } catch {
      // Catalogue: text that isn't JSON is sent as it is.
      return { body };
    }
  }
  if (typeof body === 'string') return { body };
  if (Array.isArray(body)) return { body: JSON.stringify(body) };
  const form = new URLSearchParams(
    Object.entries(body).map(([key, value]): [string, string] => [key, fieldText(value)]),
  );
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** A JSON answer parsed, anything else (or JSON that doesn't parse) as text. */
function responseValue(response: SafeResponse): unknown {
  const mime = response.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === 'application/json' || mime.endsWith('+json')) {
    try {
      return response.json();
    } catch {
      return response.text();
    }
  }
  return response.text();
}

/**
 * Sends the request and yields the answer on the pin its status selects. HTTP error statuses are answers,
 * not failures (no retry); an unexpected status (1xx, an unfollowed 3xx) fails the node.
 */
export async function* sendWebRequest(
  input: WebRequestInput,
  options: { ctx: BlockContext; baseHeaders?: Record<string, string> },
): AsyncGenerator<readonly ['response' | 'client_error' | 'server_error', unknown]> {
  const { ctx } = options;
  const encoded: { body: RequestBody; contentType?: string } =
    input.files.length > 0 ? { body: await multipartBody(input, ctx) } : encodedBody(input);
  const headers: Record<string, string> = {};
  // Headers from credentials go first so a user's header of the same name (in any case) replaces them.
  for (const [name, value] of Object.entries({ ...options.baseHeaders, ...input.headers })) {
    for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
    headers[name] = value;
  }
  // A multipart body gets its content type (with the boundary) from safeFetch.
  if (encoded.contentType && !hasHeader(headers, 'content-type')) {
    headers['Content-Type'] = encoded.contentType;
  }
  const response = await safeFetch(input.url, {
    method: input.method,
    headers,
    body: encoded.body,
    signal: ctx.signal,
  });
  const value = responseValue(response);
  if (response.status >= 200 && response.status < 300) yield ['response', value];
  else if (response.status >= 400 && response.status < 500) yield ['client_error', value];
  else if (response.status >= 500) yield ['server_error', value];
  else throw new NonRetriableError(`Unexpected status code ${response.status} from ${response.url}`);
}
