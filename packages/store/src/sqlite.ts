import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';
import { createSqlStore, type SqlStore, type SqlStoreOptions } from './sql-store';

export interface SqliteStoreOptions extends SqlStoreOptions {
  /** A file path, or ':memory:' for a private database that ends with the store. */
  filename: string;
  /** How long a statement waits for another connection's lock before SQLITE_BUSY (default 5000). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) a SQLite database with better-sqlite3, migrates it to the latest schema and
 * returns the store on it. Settings:
 * - WAL: readers do not block the writer, and a commit is one append to the log;
 * - synchronous NORMAL: with WAL, a power loss may drop the last commits but never corrupts the file;
 * - foreign_keys ON: SQLite leaves them off by default, and deletes cascade through them;
 * - busy timeout: another process (a CLI command next to the server) waits instead of failing at once.
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<SqlStore> {
  const sqlite = new BetterSqlite3(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createSqlStore(db, { clock: options.clock });
}
