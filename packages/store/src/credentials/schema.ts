/** The credentials tables as Kysely sees them (created by the `0004_credentials` migration). */

export interface CredentialsTable {
  id: string;
  user_id: string;
  provider: string;
  /** `api_key`, `oauth2`, `user_password` or `host_scoped`. */
  type: string;
  title: string | null;
  /** The secret fields as one ciphertext (the vault's format); the store never sees them in clear. */
  secret: string;
  /** JSON object of the non-secret fields (username, scopes, expiry times, host…): listed without decryption. */
  metadata: string;
  created_at: string;
  updated_at: string;
}

/** A pending OAuth2 login: single use, short-lived, bound to the user who started it. */
export interface OAuthStateTable {
  /** SHA-256 (hex) of the state token; the token itself is only in the user's browser. */
  token_hash: string;
  user_id: string;
  provider: string;
  /** JSON array of the scopes asked for. */
  scopes: string;
  /** The PKCE code verifier, encrypted by the vault. */
  code_verifier: string;
  created_at: string;
  expires_at: string;
}

/** One row per name: the vault's key check (an encrypted known value). */
export interface VaultMetaTable {
  name: string;
  value: string;
}

export interface CredentialsDatabase {
  credentials: CredentialsTable;
  oauth_states: OAuthStateTable;
  vault_meta: VaultMetaTable;
  /** Read only, to find graphs whose nodes reference a credential (deletion needs confirmation). */
  graphs: { id: string; version: number; user_id: string; name: string };
  graph_nodes: { graph_id: string; graph_version: number; input_default: string };
}
