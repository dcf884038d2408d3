import { NonRetriableError, type BlockContext, type UserPasswordCredentials } from '@blockloom/sdk';

/**
 * The API key the engine resolved for a credentials field. The input only holds a reference; the engine puts
 * the secret in `ctx.credentials`, so a missing entry means nothing usable was chosen.
 */
export function apiKeyOf(ctx: BlockContext, provider: string, fieldName = 'credentials'): string {
  const credentials = ctx.credentials[fieldName];
  if (!credentials) throw new NonRetriableError(`No ${provider} credentials were provided`);
  if (credentials.type !== 'api_key' || !credentials.api_key) {
    throw new NonRetriableError(`The ${provider} credentials must be an API key`);
  }
  return credentials.api_key;
}

/** Username/password credentials for a field, or undefined when the field was left empty. */
export function userPasswordOf(ctx: BlockContext, fieldName: string): UserPasswordCredentials | undefined {
  const credentials = ctx.credentials[fieldName];
  return credentials?.type === 'user_password' ? credentials : undefined;
}
