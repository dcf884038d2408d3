import type { Kysely } from 'kysely';
import type { AccountsDatabase, ApiKeyPermission, ApiKeyStatus, ApiKeyTable } from './schema';

/** An API key without its secret parts. */
export interface ApiKey {
  id: string;
  userId: string;
  name: string;
  description: string | null;
  head: string;
  tail: string;
  status: ApiKeyStatus;
  permissions: ApiKeyPermission[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key as stored, for verification: the hash and salt are only ever compared, never returned. */
export interface ApiKeyCandidate extends ApiKey {
  hash: string;
  salt: string | null;
}

export interface NewApiKey {
  id: string;
  userId: string;
  name: string;
  description: string | null;
  head: string;
  tail: string;
  hash: string;
  salt: string;
  permissions: ApiKeyPermission[];
  now: string;
}

export interface ApiKeyRepo {
  createApiKey(key: NewApiKey): Promise<ApiKey>;
  listApiKeys(userId: string): Promise<ApiKey[]>;
  getApiKey(userId: string, id: string): Promise<ApiKey | undefined>;
  /** ACTIVE keys with this head (the first 8 characters): the candidates a presented key is checked against. */
  findActiveApiKeys(head: string): Promise<ApiKeyCandidate[]>;
  /** Changes a key of the user; undefined when the user has no such key. */
  updateApiKey(
    userId: string,
    id: string,
    patch: { status?: ApiKeyStatus; permissions?: ApiKeyPermission[]; revokedAt?: string },
  ): Promise<ApiKey | undefined>;
  /** Records a successful use; with `rehash`, replaces a legacy hash by a salted one. */
  touchApiKey(id: string, now: string, rehash?: { hash: string; salt: string }): Promise<void>;
}

const toCandidate = (row: ApiKeyTable): ApiKeyCandidate => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  description: row.description,
  head: row.head,
  tail: row.tail,
  status: row.status,
  permissions: JSON.parse(row.permissions) as ApiKeyPermission[],
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
  hash: row.hash,
  salt: row.salt,
});

const toApiKey = (row: ApiKeyTable): ApiKey => {
  const { hash: _hash, salt: _salt, ...key } = toCandidate(row);
  return key;
};

/** API keys on the accounts database. Single statements: SQLite makes each atomic on its own. */
export function createApiKeyRepo(db: Kysely<AccountsDatabase>): ApiKeyRepo {
  const byId = (userId: string, id: string) =>
    db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  return {
    async createApiKey(key) {
      const row: ApiKeyTable = {
        id: key.id,
        user_id: key.userId,
        name: key.name,
        description: key.description,
        head: key.head,
        tail: key.tail,
        hash: key.hash,
        salt: key.salt,
        status: 'ACTIVE',
        permissions: JSON.stringify(key.permissions),
        created_at: key.now,
        last_used_at: null,
        revoked_at: null,
      };
      await db.insertInto('api_keys').values(row).execute();
      return toApiKey(row);
    },
    async listApiKeys(userId) {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toApiKey);
    },
    async getApiKey(userId, id) {
      const row = await byId(userId, id);
      return row && toApiKey(row);
    },
    async findActiveApiKeys(head) {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('head', '=', head)
        .where('status', '=', 'ACTIVE')
        .execute();
      return rows.map(toCandidate);
    },
    async updateApiKey(userId, id, patch) {
      const values: Partial<ApiKeyTable> = {};
      if (patch.status !== undefined) values.status = patch.status;
      if (patch.permissions !== undefined) values.permissions = JSON.stringify(patch.permissions);
      if (patch.revokedAt !== undefined) values.revoked_at = patch.revokedAt;
      if (Object.keys(values).length > 0)
        await db
          .updateTable('api_keys')
          .set(values)
          .where('id', '=', id)
          .where('user_id', '=', userId)
          .execute();
      const row = await byId(userId, id);
      return row && toApiKey(row);
    },
    async touchApiKey(id, now, rehash) {
      await db
        .updateTable('api_keys')
        .set({ last_used_at: now, ...(rehash ? { hash: rehash.hash, salt: rehash.salt } : {}) })
        .where('id', '=', id)
        .execute();
    },
  };
}
