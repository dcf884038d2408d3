import type { UserRole } from '@blockloom/store';
import { ApiError } from '../errors';

/** Who a request acts as. `actorId` is the admin behind an `X-Act-As-User-Id` request. */
export interface Principal {
  userId: string;
  email: string;
  role: UserRole;
  actorId?: string;
}

/** Why a token was refused; the WebSocket maps each to its close code (internals §6). */
export type AuthFailure = 'missing' | 'no_subject' | 'invalid';

export class AuthError extends ApiError {
  constructor(
    readonly failure: AuthFailure,
    message: string,
  ) {
    super('UNAUTHORIZED', message);
    this.name = 'AuthError';
  }
}
