import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../migrations';
import type { Database } from '../schema';
import { createApiKeyRepo, type ApiKeyRepo } from './api-key-repo';
import { createAccountsRepo, type AccountsRepo } from './repo';
import type { AccountsDatabase } from './schema';

/**
 * The accounts repository on a SQLite file, on its own connection: the server opens it next to the engine's
 * store (WAL lets both read while one writes; the busy timeout makes the other wait). Migrates first, so it
 * may be opened before or after the store.
 */
export async function createSqliteAccounts(options: {
  filename: string;
  busyTimeoutMs?: number;
}): Promise<AccountsRepo & ApiKeyRepo & { close(): Promise<void> }> {
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
