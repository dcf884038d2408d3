import type { FastifyRequest } from 'fastify';
import type { BlockRegistry } from '@blockloom/sdk';
import type { Engine, EventBus, Store } from '@blockloom/engine';
import type { AccountsRepo, ApiKeyRepo } from '@blockloom/store';
import type { Authenticator } from './auth/authenticator';
import { AuthError, type Principal } from './auth/principal';
import type { ServerConfig } from './config';
import type { CredentialsVault } from './vault/vault';

/** What the server needs from the runtime (the CLI's `createRuntime` gives all of it). */
export interface ServerDeps {
  registry: BlockRegistry;
  store: Store;
  bus: EventBus;
  engine: Engine;
}

/** Everything a route handler may use, built once by `createServer`. */
export interface ServerContext extends ServerDeps {
  config: ServerConfig;
  accounts: AccountsRepo & ApiKeyRepo;
  auth: Authenticator;
  /** Integration credentials (encrypted); the engine resolves runs' references through the same vault. */
  vault: CredentialsVault;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The authenticated principal; the auth hook guarantees one on protected routes. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AuthError('missing', 'Authorization header is missing');
  return request.principal;
}

export const userIdOf = (request: FastifyRequest): string => principalOf(request).userId;
