import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../migrations';
import type { Database } from '../schema';
import { createCredentialsRepo, type CredentialsRepo } from './repo';
import type { CredentialsDatabase } from './schema';

/**
 * The credentials repository on a SQLite file, on its own connection (as the accounts repository: WAL lets
 * it sit next to the engine's store). Migrates first. Credentials reference users, so it must be the file
 * the accounts live in.
 */
export async function createSqliteCredentials(
  options: { filename: string; busyTimeoutMs?: number } | { db: Kysely<Database> },
): Promise<CredentialsRepo & { close(): Promise<void> }> {
  // Shares the store's connection when given it, for the reason createSqliteAccounts gives.
  if ('db' in options) {
    return {
      ...createCredentialsRepo(options.db as unknown as Kysely<CredentialsDatabase>),
      close: async () => {},
    };
  }
  const sqlite = new BetterSqlite3(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<CredentialsDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    // The migrator is schema-agnostic (each migration sees Kysely<unknown>); only the parameter type differs.
    await migrateToLatest(db as unknown as Kysely<Database>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { ...createCredentialsRepo(db), close: () => db.destroy() };
}
