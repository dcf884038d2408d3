import { sql, type Kysely } from 'kysely';
import { EngineError } from '@blockloom/engine';
import { insertOrConflict } from '../errors';
import type { CredentialsDatabase, CredentialsTable, OAuthStateTable } from './schema';

/** A credential as stored: the secret part is the vault's ciphertext, the metadata is plain. */
export interface StoredCredentials {
  id: string;
  userId: string;
  provider: string;
  type: string;
  title: string | null;
  secret: string;
  metadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface StoredOAuthState {
  tokenHash: string;
  userId: string;
  provider: string;
  scopes: string[];
  /** Ciphertext of the PKCE code verifier. */
  codeVerifier: string;
  createdAt: string;
  expiresAt: string;
}

export interface CredentialsRepo {
  /** EngineError CONFLICT when the id exists. */
  insertCredentials(row: StoredCredentials): Promise<void>;
  /** The user's credentials, oldest first, optionally of one provider. */
  listCredentials(userId: string, provider?: string): Promise<StoredCredentials[]>;
  getCredentials(userId: string, id: string): Promise<StoredCredentials | undefined>;
  /** Replaces the secret and metadata (a refreshed token); false when the user has no such credential. */
  updateCredentials(
    userId: string,
    id: string,
    patch: { secret: string; metadata: Record<string, unknown>; updatedAt: string },
  ): Promise<boolean>;
  deleteCredentials(userId: string, id: string): Promise<boolean>;
  /** The user's graphs (any version) with a node whose input_default references the credential id. */
  graphsUsingCredentials(userId: string, id: string): Promise<{ id: string; name: string }[]>;
  /** Stores a pending login and drops the expired ones. */
  insertOAuthState(state: StoredOAuthState): Promise<void>;
  /**
   * Removes and returns the state with this hash, expired or not (the caller tells the two apart): a state
   * is usable once, so a replayed callback finds nothing.
   */
  takeOAuthState(tokenHash: string): Promise<StoredOAuthState | undefined>;
  getVaultMeta(name: string): Promise<string | undefined>;
  /** Stores the value unless one is there; returns the value in place afterwards. */
  putVaultMetaOnce(name: string, value: string): Promise<string>;
}

const toStored = (row: CredentialsTable): StoredCredentials => ({
  id: row.id,
  userId: row.user_id,
  provider: row.provider,
  type: row.type,
  title: row.title,
  secret: row.secret,
  metadata: JSON.parse(row.metadata) as Record<string, unknown>,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toState = (row: OAuthStateTable): StoredOAuthState => ({
  tokenHash: row.token_hash,
  userId: row.user_id,
  provider: row.provider,
  scopes: JSON.parse(row.scopes) as string[],
  codeVerifier: row.code_verifier,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

/** True when some top-level input value is a credentials reference with this id. */
function referencesCredentials(inputDefault: string, id: string): boolean {
  const input = JSON.parse(inputDefault) as Record<string, unknown>;
  return Object.values(input).some(
    (value) => typeof value === 'object' && value !== null && (value as { id?: unknown }).id === id,
  );
}

/** Rows reference users: an unknown user (an admin acting as a made-up id) is "not found", not a crash. */
async function forKnownUser(userId: string, insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503')
      throw new EngineError('NOT_FOUND', `User #${userId} not found`, { cause: error });
    throw error;
  }
}

/** Credentials on a migrated database; each call is one statement, which SQLite makes atomic. */
export function createCredentialsRepo(db: Kysely<CredentialsDatabase>): CredentialsRepo {
  const getVaultMeta = async (name: string) =>
    (await db.selectFrom('vault_meta').select('value').where('name', '=', name).executeTakeFirst())?.value;
  return {
    async insertCredentials(row) {
      await forKnownUser(row.userId, () =>
        insertOrConflict(`Credentials #${row.id}`, () =>
          db
            .insertInto('credentials')
            .values({
              id: row.id,
              user_id: row.userId,
              provider: row.provider,
              type: row.type,
              title: row.title,
              secret: row.secret,
              metadata: JSON.stringify(row.metadata),
              created_at: row.createdAt,
              updated_at: row.updatedAt,
            })
            .execute(),
        ),
      );
    },
    async listCredentials(userId, provider) {
      let query = db.selectFrom('credentials').selectAll().where('user_id', '=', userId);
      if (provider !== undefined) query = query.where('provider', '=', provider);
      return (await query.orderBy('created_at').orderBy('id').execute()).map(toStored);
    },
    async getCredentials(userId, id) {
      const row = await db
        .selectFrom('credentials')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && toStored(row);
    },
    async updateCredentials(userId, id, patch) {
      const result = await db
        .updateTable('credentials')
        .set({ secret: patch.secret, metadata: JSON.stringify(patch.metadata), updated_at: patch.updatedAt })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async deleteCredentials(userId, id) {
      const result = await db
        .deleteFrom('credentials')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async graphsUsingCredentials(userId, id) {
      // instr() narrows the rows without LIKE's wildcards; the JSON check then confirms a real reference.
      const rows = await db
        .selectFrom('graph_nodes')
        .innerJoin('graphs', (join) =>
          join
            .onRef('graphs.id', '=', 'graph_nodes.graph_id')
            .onRef('graphs.version', '=', 'graph_nodes.graph_version'),
        )
        .select(['graphs.id as id', 'graphs.name as name', 'graph_nodes.input_default as input_default'])
        .where('graphs.user_id', '=', userId)
        .where(sql<boolean>`instr(graph_nodes.input_default, ${id}) > 0`)
        .orderBy('graphs.version', 'desc')
        .execute();
      const found = new Map<string, string>();
      for (const row of rows)
        if (!found.has(row.id) && referencesCredentials(row.input_default, id)) found.set(row.id, row.name);
      return [...found].map(([graphId, name]) => ({ id: graphId, name }));
    },
    async insertOAuthState(state) {
      await db.deleteFrom('oauth_states').where('expires_at', '<', state.createdAt).execute();
      await forKnownUser(state.userId, () =>
        db
          .insertInto('oauth_states')
          .values({
            token_hash: state.tokenHash,
            user_id: state.userId,
            provider: state.provider,
            scopes: JSON.stringify(state.scopes),
            code_verifier: state.codeVerifier,
            created_at: state.createdAt,
            expires_at: state.expiresAt,
          })
          .execute(),
      );
    },
    async takeOAuthState(tokenHash) {
      const row = await db
        .deleteFrom('oauth_states')
        .where('token_hash', '=', tokenHash)
        .returningAll()
        .executeTakeFirst();
      return row && toState(row);
    },
    getVaultMeta,
    async putVaultMetaOnce(name, value) {
      await db
        .insertInto('vault_meta')
        .values({ name, value })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
      return (await getVaultMeta(name)) ?? value;
    },
  };
}
