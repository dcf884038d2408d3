import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AccountsRepo } from '@blockloom/store';
import type { ServerConfig } from '../config';
import { AuthError, type Principal } from './principal';
import { AUDIENCE, ISSUER } from './tokens';

export interface Authenticator {
  /** The principal for a bearer token; throws AuthError (401) with AutoGPT's messages (internals §7.1). */
  authenticate(token: string | undefined): Promise<Principal>;
}

type VerifyKey = Uint8Array | JWTVerifyGetKey;

async function verify(token: string, key: VerifyKey, issuer?: string): Promise<JWTPayload> {
  try {
    const options = { audience: AUDIENCE, ...(issuer ? { issuer } : {}) };
    const { payload } =
      key instanceof Uint8Array
        ? await jwtVerify(token, key, { ...options, algorithms: ['HS256'] })
        : await jwtVerify(token, key, options);
    return payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AuthError('invalid', 'Token has expired');
    throw new AuthError(
      'invalid',
      `Invalid token: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function principalOf(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '')
    throw new AuthError('no_subject', 'User ID not found in token');
  return {
    userId: payload.sub,
    email: typeof payload.email === 'string' ? payload.email : '',
    role: payload.role === 'admin' ? 'admin' : 'user',
  };
}

const requireToken = (token: string | undefined): string => {
  if (token === undefined || token === '') throw new AuthError('missing', 'Authorization header is missing');
  return token;
};

/**
 * One authenticator per BLOCKLOOM_AUTH mode:
 * - local: our own HS256 access tokens;
 * - jwt: an external identity provider's tokens (HS256 secret or JWKS), users created on first sight;
 * - none: every request is the single local user (loopback only, checked by the config).
 */
export function createAuthenticator(options: {
  config: ServerConfig;
  accounts: AccountsRepo;
  localSecret?: string;
  now: () => Date;
}): Authenticator {
  const { config, accounts } = options;
  switch (config.auth) {
    case 'none':
      return {
        authenticate: async () => ({
          userId: config.localUserId,
          email: 'local@blockloom.local',
          role: 'admin',
        }),
      };
    case 'local': {
      if (options.localSecret === undefined) throw new Error('Local authentication needs a JWT secret');
      const key = new TextEncoder().encode(options.localSecret);
      return { authenticate: async (token) => principalOf(await verify(requireToken(token), key, ISSUER)) };
    }
    case 'jwt': {
      const key: VerifyKey = config.jwksUrl
        ? createRemoteJWKSet(new URL(config.jwksUrl))
        : new TextEncoder().encode(config.jwtVerifyKey ?? '');
      // Users seen since start: the provider owns identities, so we only need a row once per user.
      const known = new Set<string>();
      return {
        async authenticate(token) {
          const principal = principalOf(await verify(requireToken(token), key));
          if (!known.has(principal.userId)) {
            await accounts.ensureUser({
              id: principal.userId,
              // The email index is unique; a provider that sends no email still gets a distinct placeholder.
              email: principal.email || `${principal.userId}@users.invalid`,
              role: principal.role,
              now: options.now().toISOString(),
            });
            known.add(principal.userId);
          }
          return principal;
        },
      };
    }
  }
}
