import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AccountsRepo, ApiKeyRepo } from '@blockloom/store';
import { createAuthenticator } from './auth/authenticator';
import { addAuthHook } from './auth/hook';
import { loadJwtSecret } from './auth/secret';
import { createTokenIssuer } from './auth/tokens';
import { checkConfig, type ServerConfig } from './config';
import type { ServerContext, ServerDeps } from './context';
import { installErrorHandlers } from './error-handler';
import { addApiKeyHook } from './external/api-key-auth';
import { externalRoutes } from './external/routes';
import { apiKeyRoutes } from './routes/api-keys';
import { authRoutes } from './routes/auth';
import { blockRoutes } from './routes/blocks';
import { configRoutes } from './routes/config';
import { executionRoutes } from './routes/executions';
import { graphRoutes } from './routes/graphs';
import { graphVersionRoutes } from './routes/graph-versions';
import { addHttpMetrics, createServerMetrics, type NodeExecutionMetrics } from './metrics';
import { transformOpenApiObject } from './openapi';
import { addRateLimitHook } from './rate-limit/hook';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit/store';
import { healthRoutes } from './routes/health';
import { credentialRoutes } from './routes/integrations/credentials';
import { oauthRoutes } from './routes/integrations/oauth';
import { userRoutes } from './routes/users';
import type { CredentialsVault } from './vault/vault';
import { SERVER_VERSION } from './version';
import { defaultWebRoot, spaFallback, webStaticOptions } from './web';
import { registerWebSocket } from './ws/route';

export interface CreateServerOptions {
  runtime: ServerDeps;
  accounts: AccountsRepo & ApiKeyRepo;
  config: ServerConfig;
  /** A pino logger (see createServerLogger); false or absent: no logs (tests). */
  logger?: FastifyBaseLogger | false;
  now?: () => Date;
  /** Where request counts live (default: in memory, for one process). */
  rateLimitStore?: RateLimitStore;
  /** The credentials vault (openCredentialsVault); give the engine the same one so runs see new credentials. */
  vault: CredentialsVault;
  /** Node durations, when the engine was built with its `onNodeFinished` (absent: not exported). */
  nodeMetrics?: NodeExecutionMetrics;
  /**
   * The web app's build: a directory with `index.html` and `assets/`, served at `/` (default:
   * `config.webRoot`, else this repository's `packages/web/dist`). Without `index.html`, `/` says how to build it.
   */
  webRoot?: string;
}

/**
 * The Content-Security-Policy of every answer (the web app and Swagger UI at /docs). React Flow sets inline
 * styles; block outputs may be images from anywhere; the socket is on this host. No
 * `upgrade-insecure-requests`: a self-hosted server reached over plain HTTP (a LAN address) would have its own
 * scripts upgraded to an HTTPS port nobody listens on.
 */
const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
    connectSrc: ["'self'", 'ws:', 'wss:'],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'self'"],
    formAction: ["'self'"],
  },
};

const requestIdPattern = /^[\w.:-]{1,128}$/;

/**
 * The platform's HTTP and WebSocket server on a runtime. Not listening: call `listen`, or `inject` in tests.
 * Local auth with no BLOCKLOOM_JWT_SECRET keeps a generated secret in the data directory.
 */
export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const { config, accounts } = options;
  checkConfig(config);
  const now = options.now ?? (() => new Date());
  const localSecret =
    config.auth === 'local'
      ? (await loadJwtSecret({ secret: config.jwtSecret, dataDir: config.dataDir })).secret
      : undefined;
  const tokens =
    localSecret === undefined
      ? undefined
      : createTokenIssuer({
          secret: localSecret,
          accounts,
          accessTtlSeconds: config.accessTokenTtlSeconds,
          refreshTtlSeconds: config.refreshTokenTtlSeconds,
          now,
        });
  const ctx: ServerContext = {
    ...options.runtime,
    config,
    accounts,
    auth: createAuthenticator({ config, accounts, localSecret, now }),
    vault: options.vault,
    now,
  };
  if (config.auth === 'none') {
    await accounts.ensureUser({
      id: config.localUserId,
      email: 'local@blockloom.local',
      role: 'admin',
      now: now().toISOString(),
    });
  }

  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: config.bodyLimitBytes,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const webRoot = options.webRoot ?? config.webRoot ?? defaultWebRoot;
  installErrorHandlers(app, { notFound: spaFallback(webRoot) });
  const metrics = createServerMetrics(ctx.store);
  if (options.nodeMetrics) metrics.registry.registerMetric(options.nodeMetrics.histogram);
  addHttpMetrics(app, metrics);

  const rateLimit = {
    store: options.rateLimitStore ?? createMemoryRateLimitStore(),
    perMinute: config.rateLimitPerMinute,
    now,
  };
  let ready = true;
  app.addHook('preClose', async () => {
    ready = false;
  });

  await app.register(helmet, { contentSecurityPolicy });
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: true,
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Blockloom API',
        version: SERVER_VERSION,
        description: 'AutoGPT-compatible platform API',
      },
      tags: [
        {
          name: 'integrations',
          description:
            'Credentials for providers (secrets are write-only: answers carry metadata or masked values) and OAuth2 logins.',
        },
      ],
      components: {
        securitySchemes: {
          HTTPBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          APIKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      security: [{ HTTPBearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Every schema with `.meta({ id })` becomes a component, so operations' `$ref`s resolve.
    transformObject: transformOpenApiObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(websocket, { options: { maxPayload: 1024 * 1024 } });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The web app: its files, and index.html (spaFallback) for its own paths.
  await app.register(fastifyStatic, webStaticOptions(webRoot));
  await app.register(healthRoutes, { ctx, isReady: () => ready });
  await app.register(configRoutes, { ctx });
  if (tokens) await app.register(authRoutes, { ctx, tokens });
  registerWebSocket(app, ctx, metrics);
  await app.register(async (scope) => {
    addAuthHook(scope, ctx.auth);
    addRateLimitHook(scope, rateLimit);
    await scope.register(userRoutes, { ctx });
    await scope.register(blockRoutes, { ctx });
    await scope.register(graphRoutes, { ctx });
    await scope.register(graphVersionRoutes, { ctx });
    await scope.register(executionRoutes, { ctx });
    await scope.register(apiKeyRoutes, { ctx });
    await scope.register(credentialRoutes, { ctx });
    await scope.register(oauthRoutes, { ctx });
  });
  await app.register(async (scope) => {
    addApiKeyHook(scope, ctx);
    addRateLimitHook(scope, rateLimit);
    await scope.register(externalRoutes, { ctx });
  });
  return app;
}
