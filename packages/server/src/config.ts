import { resolve } from 'node:path';
import { z } from 'zod';
import { oauthProvidersFromEnv, type OAuthProviders } from './oauth/providers';

export const authModes = ['local', 'none', 'jwt'] as const;
export type AuthMode = (typeof authModes)[number];

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  auth: AuthMode;
  /** Origins allowed by CORS (with credentials); empty: same-origin only. */
  corsOrigins: string[];
  bodyLimitBytes: number;
  /** Local mode: the HS256 secret for access tokens; when absent, one is kept in the data directory. */
  jwtSecret?: string;
  /** jwt mode: the identity provider's HS256 secret, or its JWKS address. */
  jwtVerifyKey?: string;
  jwksUrl?: string;
  /** The single user of `BLOCKLOOM_AUTH=none` (the CLI's LOCAL_USER_ID). */
  localUserId: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Requests per user or API key in a sliding minute; 0 disables the limit. */
  rateLimitPerMinute: number;
  /** The web app's address: OAuth2 redirects go to `<frontendUrl>/auth/integrations/oauth_callback`. */
  frontendUrl?: string;
  /** BLOCKLOOM_ENCRYPTION_KEY (credentials vault); absent: a key kept in the data directory. */
  encryptionKey?: string;
  /** OAuth2 providers for integrations (GitHub, Google); absent: none configured. */
  oauth?: OAuthProviders;
  /** BLOCKLOOM_WEB_ROOT: the web app's build to serve at `/`; absent: this repository's `packages/web/dist`. */
  webRoot?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8006),
  HOST: z.string().min(1).default('127.0.0.1'),
  BLOCKLOOM_DATA_DIR: z.string().min(1).default('./data'),
  BLOCKLOOM_AUTH: z.enum(authModes).default('local'),
  BLOCKLOOM_CORS_ORIGINS: z.string().default(''),
  BLOCKLOOM_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  BLOCKLOOM_JWT_SECRET: optional,
  JWT_VERIFY_KEY: optional,
  SUPABASE_JWT_SECRET: optional,
  JWT_JWKS_URL: optional,
  BLOCKLOOM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1000),
  BLOCKLOOM_FRONTEND_URL: optional.refine((value) => value === undefined || URL.canParse(value), 'not a URL'),
  BLOCKLOOM_ENCRYPTION_KEY: optional,
  BLOCKLOOM_WEB_ROOT: optional,
});

/** Loopback only: `none` mode has no authentication, so it must never be reachable from another machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Reads the server's settings from the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, defaults: { localUserId: string }): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const config: ServerConfig = {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.BLOCKLOOM_DATA_DIR),
    auth: e.BLOCKLOOM_AUTH,
    corsOrigins: e.BLOCKLOOM_CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    bodyLimitBytes: e.BLOCKLOOM_BODY_LIMIT_BYTES,
    jwtSecret: e.BLOCKLOOM_JWT_SECRET,
    // AutoGPT falls back to SUPABASE_JWT_SECRET (internals §7.1).
    jwtVerifyKey: e.JWT_VERIFY_KEY ?? e.SUPABASE_JWT_SECRET,
    jwksUrl: e.JWT_JWKS_URL,
    localUserId: defaults.localUserId,
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenTtlSeconds: 7 * 24 * 3600,
    rateLimitPerMinute: e.BLOCKLOOM_RATE_LIMIT_PER_MINUTE,
    frontendUrl: e.BLOCKLOOM_FRONTEND_URL?.replace(/\/+$/, ''),
    encryptionKey: e.BLOCKLOOM_ENCRYPTION_KEY,
    oauth: oauthProvidersFromEnv(env),
    webRoot: e.BLOCKLOOM_WEB_ROOT === undefined ? undefined : resolve(e.BLOCKLOOM_WEB_ROOT),
  };
  checkConfig(config);
  return config;
}

/** Rules that hold whatever the source of the settings (environment or a test's literal). */
export function checkConfig(config: ServerConfig): void {
  if (config.auth === 'none' && !isLoopback(config.host)) {
    throw new ConfigError(
      `BLOCKLOOM_AUTH=none has no authentication and only listens on a loopback address, not HOST=${config.host}`,
    );
  }
  if (config.auth === 'jwt' && !config.jwtVerifyKey && !config.jwksUrl) {
    throw new ConfigError('BLOCKLOOM_AUTH=jwt needs JWT_VERIFY_KEY (HS256 secret) or JWT_JWKS_URL');
  }
  if (config.jwksUrl !== undefined && !URL.canParse(config.jwksUrl)) {
    throw new ConfigError(`JWT_JWKS_URL is not a URL: ${config.jwksUrl}`);
  }
}
