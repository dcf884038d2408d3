import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { EngineError, GraphValidationError, type EngineErrorCode } from '@blockloom/engine';
import { ApiError, type ApiErrorCode } from './errors';
import { toIssueView } from './graph-input';

const engineCodes: Readonly<Record<EngineErrorCode, ApiErrorCode>> = {
  GRAPH_VALIDATION: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  STOP_TIMEOUT: 'TIMEOUT',
};

function statusCodeOf(error: unknown): number | undefined {
  const code = typeof error === 'object' && error !== null ? (error as FastifyError).statusCode : undefined;
  return typeof code === 'number' ? code : undefined;
}

/** Classifies any thrown value: the client's mistakes keep their 4xx; anything else is a 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    // Pydantic's shape (`loc`, `msg`, `type`), which AutoGPT clients already display.
    const detail = error.validation.map((issue) => ({
      loc: [where, ...issue.instancePath.split('/').filter((part) => part !== '')],
      msg: issue.message ?? 'Invalid value',
      type: issue.keyword,
    }));
    return new ApiError('VALIDATION', 'Request validation failed', { detail, cause: error });
  }
  if (error instanceof GraphValidationError) {
    return new ApiError('BAD_REQUEST', error.message, {
      detail: {
        type: 'validation_error',
        message: error.message,
        node_errors: error.nodeErrors(),
        // Every issue, as `POST /api/graphs/validate` lists them: node ids are the ones the client sent.
        issues: error.issues.map(toIssueView),
      },
      cause: error,
    });
  }
  if (error instanceof EngineError)
    return new ApiError(engineCodes[error.code], error.message, { cause: error });
  const status = statusCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (status === 413) return new ApiError('PAYLOAD_TOO_LARGE', message, { cause: error });
  if (status === 415) return new ApiError('UNSUPPORTED_MEDIA_TYPE', message, { cause: error });
  if (status !== undefined && status >= 400 && status < 500)
    return new ApiError('BAD_REQUEST', message, { cause: error });
  return new ApiError('INTERNAL', 'Internal server error', { cause: error });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: ApiError): FastifyReply {
  const path = request.routeOptions.url ?? request.url.split('?')[0] ?? request.url;
  return reply.status(error.status).send(error.body(request.method, path));
}

/** Answers a request no route matched; undefined when it did not (the JSON 404 follows). */
export type NotFoundFallback = (
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<FastifyReply | undefined>;

export function installErrorHandlers(
  app: FastifyInstance,
  options: { notFound?: NotFoundFallback } = {},
): void {
  app.setErrorHandler((raw, request, reply) => {
    const error = toApiError(raw);
    if (error.code === 'INTERNAL') request.log.error({ err: raw }, 'Request failed');
    else request.log.info({ code: error.code, message: error.message }, 'Request refused');
    return sendError(request, reply, error);
  });
  app.setNotFoundHandler(async (request, reply) => {
    const answered = await options.notFound?.(request, reply);
    if (answered) return answered;
    const path = request.url.split('?')[0] ?? request.url;
    // The request's path, not a route pattern: a wildcard route (the web app's files) may have passed it on.
    return reply
      .status(404)
      .send(new ApiError('NOT_FOUND', `No route ${request.method} ${path}`).body(request.method, path));
  });
}
