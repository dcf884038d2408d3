import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from './session';

/** Types of the API, generated from the server's /openapi.json (`npm run gen:api`). */
export type Schemas = components['schemas'];

/** The typed client of the platform's REST API: every call goes through it. */
export const api = createClient<paths>({ baseUrl: '' });

const authMiddleware: Middleware = {
  async onRequest({ request }) {
    const token = await session.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) session.expired();
    return response;
  },
};
api.use(authMiddleware);

/** An error answer of the API: `{message, detail, hint}` as the server writes it. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: unknown;
  readonly hint: string | undefined;

  constructor(message: string, answer: { status: number; detail?: unknown; hint?: string }) {
    super(message);
    this.name = 'ApiError';
    this.status = answer.status;
    this.detail = answer.detail;
    this.hint = answer.hint;
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call, or an ApiError that carries the server's message and hint. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError('The server cannot be reached. Check that Blockloom is running.', { status: 0 });
  }
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as { message?: unknown; detail?: unknown; hint?: unknown };
    // The server's `message` names the operation ("Failed to process GET …"); `detail` says what was wrong.
    const detail = body.detail as { message?: unknown } | string | undefined;
    const message =
      typeof detail === 'string'
        ? detail
        : typeof detail?.message === 'string'
          ? detail.message
          : typeof body.message === 'string'
            ? body.message
            : `The server answered ${result.response.status} ${result.response.statusText}`;
    throw new ApiError(message, {
      status: result.response.status,
      detail: body.detail,
      hint: typeof body.hint === 'string' ? body.hint : undefined,
    });
  }
  return result.data as T;
}

/** A user-facing sentence for any error thrown while talking to the server. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.hint ? `${error.message}. ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
