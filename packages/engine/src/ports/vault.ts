import type { Credentials } from '@blockloom/sdk';

/**
 * The credentials port: resolves a credentials reference to the secret, for one user. Encrypted at rest by
 * the adapter that stores them; the engine only asks at run time.
 */
export interface CredentialVault {
  get(userId: string, credentialsId: string): Promise<Credentials | undefined>;
  /**
   * Platform credentials offered to this user (AutoGPT's keys from the environment): a node that leaves a
   * credentials field empty gets the first one whose provider and type fit.
   */
  defaults?(userId: string): Promise<Credentials[]>;
}
