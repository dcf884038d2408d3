import type { Kysely, Migration } from 'kysely';

/**
 * Integration credentials (internals §1.4, §5 Integrations) and pending OAuth2 logins. Secrets are stored
 * encrypted by the server's vault: `credentials.secret` and `oauth_states.code_verifier` are ciphertexts, and
 * `vault_meta` keeps a sentinel that tells, at start, whether the configured key is the one that wrote them.
 */
export const credentialsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('credentials')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('provider', 'text', (col) => col.notNull())
      .addColumn('type', 'text', (col) => col.notNull())
      .addColumn('title', 'text')
      .addColumn('secret', 'text', (col) => col.notNull())
      .addColumn('metadata', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('credentials_user_idx')
      .on('credentials')
      .columns(['user_id', 'provider', 'created_at'])
      .execute();

    await db.schema
      .createTable('oauth_states')
      .addColumn('token_hash', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('provider', 'text', (col) => col.notNull())
      .addColumn('scopes', 'text', (col) => col.notNull())
      .addColumn('code_verifier', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('oauth_states_expiry_idx').on('oauth_states').column('expires_at').execute();

    await db.schema
      .createTable('vault_meta')
      .addColumn('name', 'text', (col) => col.primaryKey())
      .addColumn('value', 'text', (col) => col.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('vault_meta').execute();
    await db.schema.dropTable('oauth_states').execute();
    await db.schema.dropTable('credentials').execute();
  },
};
