export { credentialsMigration } from './migration';
export {
  createCredentialsRepo,
  type CredentialsRepo,
  type StoredCredentials,
  type StoredOAuthState,
} from './repo';
export type { CredentialsDatabase } from './schema';
export { createSqliteCredentials } from './sqlite';
