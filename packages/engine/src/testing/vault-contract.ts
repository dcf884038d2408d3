import { describe, expect, it } from 'vitest';
import type { Credentials } from '@blockloom/sdk';
import type { CredentialVault } from '../ports/vault';

export const contractCredentials: Credentials = {
  id: '5e1c0000-0000-4000-8000-000000000001',
  provider: 'openai',
  type: 'api_key',
  title: 'My key',
  api_key: 'sk-contract-secret',
  expires_at: null,
};

/**
 * What every CredentialVault adapter must do. `factory` receives credentials to hold for `owner`; the vault
 * must return them, whole, to that user only.
 */
export function describeVaultContract(
  name: string,
  factory: (seed: { owner: string; credentials: Credentials }) => Promise<CredentialVault>,
) {
  describe(`CredentialVault contract: ${name}`, () => {
    it("returns a user's credentials with the secret, to that user only", async () => {
      const vault = await factory({ owner: 'alice', credentials: contractCredentials });
      expect(await vault.get('alice', contractCredentials.id)).toEqual(contractCredentials);
      expect(await vault.get('bob', contractCredentials.id)).toBeUndefined();
      expect(await vault.get('alice', 'unknown-id')).toBeUndefined();
    });

    it('hands out copies: changing one does not change what is stored', async () => {
      const vault = await factory({ owner: 'alice', credentials: contractCredentials });
      const got = (await vault.get('alice', contractCredentials.id)) as { api_key: string };
      got.api_key = 'tampered';
      expect(await vault.get('alice', contractCredentials.id)).toEqual(contractCredentials);
    });
  });
}
