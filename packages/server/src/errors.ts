/**
 * The server's errors: a stable code from a closed set, mapped to an HTTP status in one table. Every error
 * response has AutoGPT's body `{message, detail, hint}` (internals §5); a 500 never carries a stack trace.
 */
export const apiErrorCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'VALIDATION',
  'RATE_LIMITED',
  'NOT_IMPLEMENTED',
  'BAD_GATEWAY',
  'UNAVAILABLE',
  'TIMEOUT',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const statusOf: Readonly<Record<ApiErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
  INTERNAL: 500,
};

const hints: Readonly<Record<ApiErrorCode, string>> = {
  BAD_REQUEST: 'Check the request and try again.',
  UNAUTHORIZED: 'Sign in again, or send a valid bearer token.',
  FORBIDDEN: 'Your account is not allowed to do this.',
  NOT_FOUND: 'Check the id, and that the resource belongs to you.',
  CONFLICT: 'The resource already exists or changed; reload and retry.',
  PAYLOAD_TOO_LARGE: 'Send a smaller request body.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the body as application/json.',
  VALIDATION: 'Adjust the request to match the schema in /openapi.json and retry.',
  RATE_LIMITED: 'Wait until the time in X-RateLimit-Reset, then retry.',
  NOT_IMPLEMENTED: 'The server is not configured for this; ask its administrator.',
  BAD_GATEWAY: 'An upstream service failed or could not be reached; retry later.',
  UNAVAILABLE: 'A dependency of the server is down; retry later.',
  TIMEOUT: 'The operation is still going on; retry later.',
  INTERNAL: 'Check the server logs for details.',
};

export interface ErrorBody {
  message: string;
  detail: unknown;
  hint: string;
}

export class ApiError extends Error {
  readonly detail: unknown;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options: { detail?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.detail = options.detail ?? message;
  }

  get status(): number {
    return statusOf[this.code];
  }

  body(method: string, path: string): ErrorBody {
    const verb = this.code === 'VALIDATION' ? 'Invalid data for' : 'Failed to process';
    return { message: `${verb} ${method} ${path}`, detail: this.detail, hint: hints[this.code] };
  }
}

export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} not found`);
