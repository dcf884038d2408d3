import type { Kysely } from 'kysely';
import { EngineError } from '@blockloom/engine';
import { insertOrConflict } from '../errors';
import { defaultPreferences, type NotificationPreferences } from './preferences';
import type { AccountsDatabase, UserRole, UserTable } from './schema';

/** A user as the rest of the platform sees it (no password hash). */
export interface User {
  id: string;
  email: string;
  role: UserRole;
  timezone: string;
  createdAt: string;
}

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string | null;
  now: string;
  /** Role when the table is empty (the first local account becomes admin). */
  firstUserRole?: UserRole;
  /** Role otherwise. Default 'user'. */
  role?: UserRole;
}

export interface NewRefreshToken {
  id: string;
  userId: string;
  tokenHash: string;
  familyId: string;
  expiresAt: string;
}

export type RotateResult =
  | { status: 'rotated'; userId: string }
  | { status: 'invalid' }
  | { status: 'expired' }
  /** A token that was already rotated or revoked came back: its whole family is now revoked. */
  | { status: 'reused' };

export interface AccountsRepo {
  /** Inserts a user; EngineError CONFLICT when the email (any case) or id is taken. */
  createUser(user: NewUser): Promise<User>;
  getUser(id: string): Promise<User | undefined>;
  /** The user and password hash for a login, matching the email case-insensitively. */
  findLogin(email: string): Promise<{ user: User; passwordHash: string | null } | undefined>;
  /** Returns the user with this id, creating it (no password) when missing: external identities. */
  ensureUser(user: { id: string; email: string; role: UserRole; now: string }): Promise<User>;
  setTimezone(id: string, timezone: string): Promise<User | undefined>;
  /** Changes the email; EngineError CONFLICT when another account has it (any case). */
  setEmail(id: string, email: string): Promise<User | undefined>;
  /** The user's notification preferences, defaults when never saved. */
  getPreferences(id: string): Promise<NotificationPreferences>;
  setPreferences(
    id: string,
    preferences: NotificationPreferences,
    now: string,
  ): Promise<NotificationPreferences>;
  addRefreshToken(token: NewRefreshToken, now: string): Promise<void>;
  /** Consumes `tokenHash` and stores `next` in its family, atomically (one use per refresh token). */
  rotateRefreshToken(
    tokenHash: string,
    next: Omit<NewRefreshToken, 'familyId' | 'userId'>,
    now: string,
  ): Promise<RotateResult>;
  /** Revokes the family of `tokenHash` (logout); false when the token is unknown. */
  revokeRefreshFamily(tokenHash: string, now: string): Promise<boolean>;
  /** A trivial query, for health checks. */
  ping(): Promise<void>;
}

const toUser = (row: UserTable): User => ({
  id: row.id,
  email: row.email,
  role: row.role,
  timezone: row.timezone,
  createdAt: row.created_at,
});

/** The accounts repository on a migrated database; every call is one transaction, in call order. */
export function createAccountsRepo(db: Kysely<AccountsDatabase>): AccountsRepo {
  // One transaction at a time, in call order (as the store's own runner does): a refresh token is consumed
  // once even when two refreshes race.
  let tail: Promise<unknown> = Promise.resolve();
  const tx = <T>(work: (trx: Kysely<AccountsDatabase>) => Promise<T>): Promise<T> => {
    const result = tail.then(() => db.transaction().execute(work));
    tail = result.catch(() => undefined);
    return result;
  };

  const byEmail = (trx: Kysely<AccountsDatabase>, email: string) =>
    trx
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();

  return {
    createUser: (user) =>
      tx(async (trx) => {
        if (await byEmail(trx, user.email))
          throw new EngineError('CONFLICT', `An account for ${user.email} already exists`);
        const anyone = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
        const role = anyone ? (user.role ?? 'user') : (user.firstUserRole ?? user.role ?? 'user');
        const row: UserTable = {
          id: user.id,
          email: user.email,
          password_hash: user.passwordHash,
          role,
          timezone: 'not-set',
          created_at: user.now,
        };
        await insertOrConflict(`An account for ${user.email}`, () =>
          trx.insertInto('users').values(row).execute(),
        );
        return toUser(row);
      }),

    getUser: (id) =>
      tx(async (trx) => {
        const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        return row && toUser(row);
      }),

    findLogin: (email) =>
      tx(async (trx) => {
        const row = await byEmail(trx, email);
        return row && { user: toUser(row), passwordHash: row.password_hash };
      }),

    ensureUser: (user) =>
      tx(async (trx) => {
        const existing = await trx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', user.id)
          .executeTakeFirst();
        if (existing) return toUser(existing);
        const row: UserTable = {
          id: user.id,
          email: user.email,
          password_hash: null,
          role: user.role,
          timezone: 'not-set',
          created_at: user.now,
        };
        await insertOrConflict(`An account for ${user.email}`, () =>
          trx.insertInto('users').values(row).execute(),
        );
        return toUser(row);
      }),

    setEmail: (id, email) =>
      tx(async (trx) => {
        const holder = await byEmail(trx, email);
        if (holder && holder.id !== id)
          throw new EngineError('CONFLICT', `An account for ${email} already exists`);
        await trx.updateTable('users').set({ email }).where('id', '=', id).execute();
        const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        return row && toUser(row);
      }),

    getPreferences: (id) =>
      tx(async (trx) => {
        const row = await trx
          .selectFrom('user_preferences')
          .selectAll()
          .where('user_id', '=', id)
          .executeTakeFirst();
        if (!row) return defaultPreferences();
        // Types added after the row was saved default to on.
        const saved = JSON.parse(row.preferences) as Partial<NotificationPreferences['preferences']>;
        return {
          preferences: { ...defaultPreferences().preferences, ...saved },
          dailyLimit: row.daily_limit,
        };
      }),

    setPreferences: (id, preferences, now) =>
      tx(async (trx) => {
        const row = {
          user_id: id,
          preferences: JSON.stringify(preferences.preferences),
          daily_limit: preferences.dailyLimit,
          updated_at: now,
        };
        await trx
          .insertInto('user_preferences')
          .values(row)
          .onConflict((conflict) =>
            conflict.column('user_id').doUpdateSet({
              preferences: row.preferences,
              daily_limit: row.daily_limit,
              updated_at: row.updated_at,
            }),
          )
          .execute();
        return preferences;
      }),

    setTimezone: (id, timezone) =>
      tx(async (trx) => {
        await trx.updateTable('users').set({ timezone }).where('id', '=', id).execute();
        const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        return row && toUser(row);
      }),

    addRefreshToken: (token, now) =>
      tx(async (trx) => {
        await trx
          .insertInto('refresh_tokens')
          .values({
            id: token.id,
            user_id: token.userId,
            token_hash: token.tokenHash,
            family_id: token.familyId,
            created_at: now,
            expires_at: token.expiresAt,
            revoked_at: null,
            replaced_by: null,
          })
          .execute();
      }),

    rotateRefreshToken: (tokenHash, next, now) =>
      tx(async (trx): Promise<RotateResult> => {
        const row = await trx
          .selectFrom('refresh_tokens')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst();
        if (!row) return { status: 'invalid' };
        if (row.revoked_at !== null || row.replaced_by !== null) {
          // Someone holds a token that was already used: assume theft and end every session of the family.
          await trx
            .updateTable('refresh_tokens')
            .set({ revoked_at: now })
            .where('family_id', '=', row.family_id)
            .where('revoked_at', 'is', null)
            .execute();
          return { status: 'reused' };
        }
        if (row.expires_at <= now) return { status: 'expired' };
        await trx
          .updateTable('refresh_tokens')
          .set({ revoked_at: now, replaced_by: next.id })
          .where('id', '=', row.id)
          .execute();
        await trx
          .insertInto('refresh_tokens')
          .values({
            id: next.id,
            user_id: row.user_id,
            token_hash: next.tokenHash,
            family_id: row.family_id,
            created_at: now,
            expires_at: next.expiresAt,
            revoked_at: null,
            replaced_by: null,
          })
          .execute();
        return { status: 'rotated', userId: row.user_id };
      }),

    revokeRefreshFamily: (tokenHash, now) =>
      tx(async (trx) => {
        const row = await trx
          .selectFrom('refresh_tokens')
          .select('family_id')
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst();
        if (!row) return false;
        await trx
          .updateTable('refresh_tokens')
          .set({ revoked_at: now })
          .where('family_id', '=', row.family_id)
          .where('revoked_at', 'is', null)
          .execute();
        return true;
      }),

    async ping() {
      await db.selectFrom('users').select('id').limit(1).execute();
    },
  };
}
