import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { AccountsRepo, User } from '@blockloom/store';

/** Access tokens carry AutoGPT's claims (`sub`, `email`, `role`, audience `authenticated`, internals §7.1). */
export const AUDIENCE = 'authenticated';
export const ISSUER = 'blockloom';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
}

/** Refresh tokens are random and stored only as a SHA-256 hash (they carry 256 bits: no salt needed). */
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface TokenIssuer {
  /** A new session: an access token and the first refresh token of a new family. */
  issue(user: User): Promise<TokenPair>;
  /** A fresh access token (15 minutes by default) for `user`. */
  accessToken(user: User): Promise<string>;
  /** A refresh token not stored yet: the caller stores it (a new family, or a rotation in one). */
  newRefreshToken(): { id: string; token: string; tokenHash: string; expiresAt: string };
}

export function createTokenIssuer(options: {
  secret: string;
  accounts: AccountsRepo;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  now: () => Date;
}): TokenIssuer {
  const key = new TextEncoder().encode(options.secret);
  const issuer: TokenIssuer = {
    accessToken(user) {
      const now = Math.floor(options.now().getTime() / 1000);
      return new SignJWT({ email: user.email, role: user.role })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.id)
        .setAudience(AUDIENCE)
        .setIssuer(ISSUER)
        .setIssuedAt(now)
        .setExpirationTime(now + options.accessTtlSeconds)
        .setJti(randomUUID())
        .sign(key);
    },
    newRefreshToken() {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(options.now().getTime() + options.refreshTtlSeconds * 1000).toISOString();
      return { id: randomUUID(), token, tokenHash: hashRefreshToken(token), expiresAt };
    },
    async issue(user) {
      const refresh = issuer.newRefreshToken();
      await options.accounts.addRefreshToken(
        {
          id: refresh.id,
          userId: user.id,
          tokenHash: refresh.tokenHash,
          familyId: randomUUID(),
          expiresAt: refresh.expiresAt,
        },
        options.now().toISOString(),
      );
      return { access_token: await issuer.accessToken(user), refresh_token: refresh.token };
    },
  };
  return issuer;
}
