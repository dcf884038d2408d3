export { createServer, type CreateServerOptions } from './app';
export { ConfigError, authModes, isLoopback, loadConfig, type AuthMode, type ServerConfig } from './config';
export type { ServerDeps } from './context';
export { ApiError, apiErrorCodes, statusOf, type ApiErrorCode, type ErrorBody } from './errors';
export { createServerLogger, redactUrl, toEngineLogger } from './logger';
export { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit/store';
