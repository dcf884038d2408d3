import type { Credentials } from '@blockloom/sdk';
import type { CredentialVault } from '../ports/vault';

/**
 * Credentials held in memory, per user, plus platform defaults offered to every user (AutoGPT offers
 * platform API keys from the environment the same way). For tests and the one-shot CLI.
 */
export function createMemoryVault(
  entries: { userId: string; credentials: Credentials }[] = [],
  platformDefaults: Credentials[] = [],
): CredentialVault & { add(userId: string, credentials: Credentials): void } {
  const byUser = new Map<string, Map<string, Credentials>>();
  const add = (userId: string, credentials: Credentials) => {
    let forUser = byUser.get(userId);
    if (!forUser) byUser.set(userId, (forUser = new Map()));
    forUser.set(credentials.id, structuredClone(credentials));
  };
  for (const entry of entries) add(entry.userId, entry.credentials);
  const defaults = new Map(platformDefaults.map((credentials) => [credentials.id, credentials]));
  return {
    add,
    async defaults() {
      return [...defaults.values()].map((credentials) => structuredClone(credentials));
    },
    async get(userId, credentialsId) {
      const found = byUser.get(userId)?.get(credentialsId) ?? defaults.get(credentialsId);
      return found ? structuredClone(found) : undefined;
    },
  };
}
