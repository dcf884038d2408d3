import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Accounts for `BLOCKLOOM_AUTH=local` (and the lazily created users of `jwt` and `none`): users, their
 * refresh tokens and their API keys. Tokens are stored as SHA-256 hashes only, so a copy of the database does not hand out
 * sessions; `family_id` ties every token of one login together so that reuse of a rotated token can end
 * the whole session.
 */
export const accountsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('user', 'admin')`))
      .addColumn('timezone', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();
    // Emails are unique whatever their case: `A@x.io` and `a@x.io` are one mailbox in practice.
    await sql`create unique index users_email_lower_idx on users (lower(email))`.execute(db);

    await db.schema
      .createTable('refresh_tokens')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('family_id', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text', (col) => col.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('replaced_by', 'text')
      .execute();
    await db.schema
      .createIndex('refresh_tokens_family_idx')
      .on('refresh_tokens')
      .column('family_id')
      .execute();

    // API keys (internals §7.2): only a scrypt hash and salt are kept; `head` finds candidates for a key.
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('description', 'text')
      .addColumn('head', 'text', (col) => col.notNull())
      .addColumn('tail', 'text', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull())
      .addColumn('salt', 'text')
      .addColumn('status', 'text', (col) =>
        col.notNull().check(sql`status in ('ACTIVE', 'REVOKED', 'SUSPENDED')`),
      )
      .addColumn('permissions', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('api_keys_head_idx').on('api_keys').columns(['head', 'status']).execute();
    await db.schema
      .createIndex('api_keys_user_idx')
      .on('api_keys')
      .columns(['user_id', 'created_at'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('api_keys').execute();
    await db.schema.dropTable('refresh_tokens').execute();
    await db.schema.dropTable('users').execute();
  },
};
