export { accountsMigration } from './migration';
export { createAccountsRepo, type AccountsRepo, type NewUser, type RotateResult, type User } from './repo';
export {
  createApiKeyRepo,
  type ApiKey,
  type ApiKeyCandidate,
  type ApiKeyRepo,
  type NewApiKey,
} from './api-key-repo';
export { createSqliteAccounts } from './sqlite';
export {
  apiKeyPermissions,
  apiKeyStatuses,
  userRoles,
  type AccountsDatabase,
  type ApiKeyPermission,
  type ApiKeyStatus,
  type UserRole,
} from './schema';
export {
  defaultPreferences,
  notificationTypes,
  DEFAULT_DAILY_EMAIL_LIMIT,
  type NotificationPreferences,
  type NotificationType,
} from './preferences';
