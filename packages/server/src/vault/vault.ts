import type { Credentials, OAuth2Credentials } from '@blockloom/sdk';
import type { CredentialVault } from '@blockloom/engine';
import type { CredentialsRepo, StoredCredentials } from '@blockloom/store';
import { createCipher, DecryptError, type Cipher } from './cipher';
import { joinCredentials, metaView, splitCredentials, type CredentialsMetaView } from './codec';
import { createOAuthRefresher } from '../oauth/refresher';
import type { OAuthProviders } from '../oauth/providers';
import { loadEncryptionKey, VaultKeyError } from './key';

/** Renews an OAuth2 access token; undefined when the provider cannot (no client configured, no handler). */
export type OAuthRefresher = (credentials: OAuth2Credentials) => Promise<OAuth2Credentials | undefined>;

/** The engine's vault port plus what the integrations API needs. Secrets leave it only through `get`. */
export interface CredentialsVault extends CredentialVault {
  create(userId: string, credentials: Credentials): Promise<CredentialsMetaView>;
  list(userId: string, provider?: string): Promise<CredentialsMetaView[]>;
  /** The user's own credential as stored: no platform fallback, no token refresh (for masked views). */
  peek(userId: string, id: string): Promise<Credentials | undefined>;
  /** Removes the user's credential; returns it (secrets included, for revocation) or undefined. */
  delete(userId: string, id: string): Promise<Credentials | undefined>;
  graphsUsing(userId: string, id: string): Promise<{ id: string; name: string }[]>;
  encryptState(tokenHash: string, verifier: string): string;
  decryptState(tokenHash: string, ciphertext: string): string;
  readonly repo: CredentialsRepo;
}

export interface OpenVaultOptions {
  repo: CredentialsRepo;
  dataDir: string;
  /** BLOCKLOOM_ENCRYPTION_KEY; absent: a key kept in the data directory. */
  encryptionKey?: string;
  /** Platform credentials from the environment, offered to every user (never listed, never deletable). */
  platformDefaults?: Credentials[];
  /** OAuth2 providers whose expiring tokens `get` renews (default: none are renewed). */
  oauth?: OAuthProviders;
  /** Replaces the renewal through `oauth` (tests). */
  refresher?: OAuthRefresher;
  warn?: (message: string) => void;
  now?: () => Date;
}

const SENTINEL_NAME = 'sentinel';
const SENTINEL_CONTEXT = 'blockloom-vault-sentinel';
const SENTINEL_TEXT = 'blockloom credentials vault v1';
/** A token this close to expiry is renewed before a run gets it, so it cannot expire mid-request. */
const REFRESH_MARGIN_SECONDS = 300;

const rowContext = (userId: string, id: string) => `credentials:${userId}:${id}`;

/** Fails loudly when the key is not the one that wrote this database (never "no credentials" silently). */
async function checkSentinel(repo: CredentialsRepo, cipher: Cipher, keySource: string): Promise<void> {
  const stored = await repo.putVaultMetaOnce(SENTINEL_NAME, cipher.encrypt(SENTINEL_TEXT, SENTINEL_CONTEXT));
  try {
    if (cipher.decrypt(stored, SENTINEL_CONTEXT) === SENTINEL_TEXT) return;
  } catch (error) {
    if (!(error instanceof DecryptError)) throw error;
  }
  throw new VaultKeyError(
    `The encryption key (${keySource}) is not the key the stored credentials were encrypted with. ` +
      'Set BLOCKLOOM_ENCRYPTION_KEY to the original key; the server will not start without it.',
  );
}

/**
 * Opens the credentials vault: loads or generates the AES-256-GCM key, checks it against the database's
 * sentinel, and returns the vault. Secret fields are one ciphertext per row, bound to the row's user and id.
 */
export async function openCredentialsVault(options: OpenVaultOptions): Promise<CredentialsVault> {
  const { repo } = options;
  const now = options.now ?? (() => new Date());
  const loaded = await loadEncryptionKey({ key: options.encryptionKey, dataDir: options.dataDir });
  if (loaded.generated)
    options.warn?.(
      `BLOCKLOOM_ENCRYPTION_KEY is not set: generated a credentials key in ${loaded.file} (mode 0600). ` +
        'Back it up or set BLOCKLOOM_ENCRYPTION_KEY: without it the stored credentials cannot be read.',
    );
  if (loaded.readableByOthers)
    options.warn?.(`${loaded.file} is readable by other users: run chmod 600 on it.`);
  const cipher = createCipher(loaded.key);
  await checkSentinel(repo, cipher, loaded.file ?? 'BLOCKLOOM_ENCRYPTION_KEY');
  const defaults = new Map((options.platformDefaults ?? []).map((c) => [c.id, c]));
  const refreshing = new Map<string, Promise<Credentials>>();
  const refresher = options.refresher ?? (options.oauth && createOAuthRefresher(options.oauth, now));

  const secretOf = (row: StoredCredentials) =>
    JSON.parse(cipher.decrypt(row.secret, rowContext(row.userId, row.id))) as Record<string, unknown>;
  const decode = (row: StoredCredentials): Credentials =>
    joinCredentials(row, { metadata: row.metadata, secret: secretOf(row) });

  const save = async (userId: string, credentials: Credentials) => {
    const parts = splitCredentials(credentials);
    await repo.updateCredentials(userId, credentials.id, {
      secret: cipher.encrypt(JSON.stringify(parts.secret), rowContext(userId, credentials.id)),
      metadata: parts.metadata,
      updatedAt: now().toISOString(),
    });
  };

  /** One refresh per credential at a time: parallel nodes share the result instead of racing the provider. */
  const fresh = (userId: string, credentials: Credentials): Promise<Credentials> => {
    if (credentials.type !== 'oauth2' || !refresher || !credentials.refresh_token)
      return Promise.resolve(credentials);
    const expiresAt = credentials.access_token_expires_at;
    if (!expiresAt || expiresAt > now().getTime() / 1000 + REFRESH_MARGIN_SECONDS)
      return Promise.resolve(credentials);
    const pending = refreshing.get(credentials.id);
    if (pending) return pending;
    const work = (async () => {
      const renewed = await refresher(credentials).catch((error: unknown) => {
        // The run's node fails with this message: it names the credential, never a token.
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `OAuth2 credentials #${credentials.id} (${credentials.provider}) expired and could not be refreshed: ${reason}`,
          { cause: error },
        );
      });
      if (!renewed) return credentials;
      await save(userId, renewed);
      return renewed;
    })().finally(() => refreshing.delete(credentials.id));
    refreshing.set(credentials.id, work);
    return work;
  };

  return {
    repo,
    async create(userId, credentials) {
      const parts = splitCredentials(credentials);
      const at = now().toISOString();
      const row: StoredCredentials = {
        id: credentials.id,
        userId,
        provider: credentials.provider,
        type: credentials.type,
        title: credentials.title ?? null,
        secret: cipher.encrypt(JSON.stringify(parts.secret), rowContext(userId, credentials.id)),
        metadata: parts.metadata,
        createdAt: at,
        updatedAt: at,
      };
      await repo.insertCredentials(row);
      return metaView(row);
    },
    async list(userId, provider) {
      return (await repo.listCredentials(userId, provider)).map(metaView);
    },
    async peek(userId, id) {
      const row = await repo.getCredentials(userId, id);
      return row && decode(row);
    },
    async get(userId, id) {
      const row = await repo.getCredentials(userId, id);
      if (!row) {
        const platform = defaults.get(id);
        return platform && structuredClone(platform);
      }
      return fresh(userId, decode(row));
    },
    async defaults() {
      return [...defaults.values()].map((credentials) => structuredClone(credentials));
    },
    async delete(userId, id) {
      const row = await repo.getCredentials(userId, id);
      if (!row) return undefined;
      // Decrypted first: an OAuth2 token is revoked at the provider after the row is gone.
      const credentials = decode(row);
      return (await repo.deleteCredentials(userId, id)) ? credentials : undefined;
    },
    graphsUsing: (userId, id) => repo.graphsUsingCredentials(userId, id),
    encryptState: (tokenHash, verifier) => cipher.encrypt(verifier, `oauth-state:${tokenHash}`),
    decryptState: (tokenHash, ciphertext) => cipher.decrypt(ciphertext, `oauth-state:${tokenHash}`),
  };
}
