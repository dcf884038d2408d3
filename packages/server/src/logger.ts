import pino, { type Logger } from 'pino';
import type { Logger as EngineLogger } from '@blockloom/engine';

/** Query parameters that carry secrets (the WebSocket's `token`) are blanked before a URL is logged. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token|refresh_token)=)[^&]*/gi, '$1[REDACTED]');
}

/**
 * The server's JSON logger: pino with the request id on every request line (Fastify adds `reqId`), secrets
 * redacted (authorization headers, passwords, tokens in bodies or URLs).
 */
export function createServerLogger(
  options: { level?: string; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL?.toLowerCase() ?? 'info',
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          // Credential secrets (integrations vault), at the top level or one object down.
          ...[
            'password',
            'refresh_token',
            'access_token',
            'api_key',
            'code_verifier',
            'state_token',
            'client_secret',
          ].flatMap((field) => [field, `*.${field}`]),
        ],
        censor: '[REDACTED]',
      },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string; ip?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url === undefined ? undefined : redactUrl(req.url),
          remoteAddress: req.ip,
        }),
      },
    },
    options.destination,
  );
}

/**
 * The engine's logging port on pino, so run logs (bound with `user_id`, `graph_exec_id`, `node_exec_id`,
 * `block` by the engine) share the server's JSON stream and redaction.
 */
export function toEngineLogger(logger: Logger): EngineLogger {
  return {
    debug: (message, data) => logger.debug(data ?? {}, message),
    info: (message, data) => logger.info(data ?? {}, message),
    warn: (message, data) => logger.warn(data ?? {}, message),
    error: (message, data) => logger.error(data ?? {}, message),
    child: (bindings) => toEngineLogger(logger.child(bindings)),
  };
}
