import type { UserPreferencesTable } from './preferences';
/** The account tables as Kysely sees them (created by the `0003_accounts` migration). */

export const userRoles = ['user', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export interface UserTable {
  id: string;
  email: string;
  /** argon2id PHC string; null for users who sign in through an external identity provider. */
  password_hash: string | null;
  role: UserRole;
  /** IANA zone, or "not-set" (AutoGPT's default, internals §5). */
  timezone: string;
  created_at: string;
}

export interface RefreshTokenTable {
  id: string;
  user_id: string;
  token_hash: string;
  family_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  replaced_by: string | null;
}

/** The permissions an API key may hold (AutoGPT's `APIKeyPermission`, internals §7.2), exactly. */
export const apiKeyPermissions = [
  'IDENTITY',
  'EXECUTE_GRAPH',
  'READ_GRAPH',
  'WRITE_GRAPH',
  'EXECUTE_BLOCK',
  'READ_BLOCK',
  'READ_STORE',
  'WRITE_LIBRARY',
  'USE_TOOLS',
  'MANAGE_INTEGRATIONS',
  'READ_INTEGRATIONS',
  'DELETE_INTEGRATIONS',
] as const;
export type ApiKeyPermission = (typeof apiKeyPermissions)[number];

export const apiKeyStatuses = ['ACTIVE', 'REVOKED', 'SUSPENDED'] as const;
export type ApiKeyStatus = (typeof apiKeyStatuses)[number];

export interface ApiKeyTable {
  id: string;
  user_id: string;
  name: string;
  description: string | null;
  head: string;
  tail: string;
  /** scrypt hash (hex); SHA-256 hex for legacy keys, which have no salt. */
  hash: string;
  salt: string | null;
  status: ApiKeyStatus;
  /** JSON array of ApiKeyPermission. */
  permissions: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AccountsDatabase {
  users: UserTable;
  user_preferences: UserPreferencesTable;
  refresh_tokens: RefreshTokenTable;
  api_keys: ApiKeyTable;
}
