import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../migrations';
import type { Database } from '../schema';
import { createApiKeyRepo, type ApiKeyRepo } from './api-key-repo';
import { createAccountsRepo, type AccountsRepo } from './repo';
import type { AccountsDatabase } from './schema';

/**
 * The accounts repository on SQLite. Given `db` (the store's connection), it shares it: that is how the
 * server runs it, because a second connection to the same file fails a transaction that read and then
 * writes while another connection committed (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
 * Given a `filename`, it opens and migrates its own connection (tools, tests); `close` then closes it.
 */
export async function createSqliteAccounts(
  options: { filename: string; busyTimeoutMs?: number } | { db: Kysely<Database> },
): Promise<AccountsRepo & ApiKeyRepo & { close(): Promise<void> }> {
  if ('db' in options) {
    const shared = options.db as unknown as Kysely<AccountsDatabase>;
    // The connection's owner (the store) closes it.
    return { ...createAccountsRepo(shared), ...createApiKeyRepo(shared), close: async () => {} };
  }
  const sqlite = new BetterSqlite3(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<AccountsDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    // The migrator is schema-agnostic (each migration sees Kysely<unknown>); only the parameter type differs.
    await migrateToLatest(db as unknown as Kysely<Database>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { ...createAccountsRepo(db), ...createApiKeyRepo(db), close: () => db.destroy() };
}
