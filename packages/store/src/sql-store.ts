import type { Kysely } from 'kysely';
import { systemClock, type Clock, type Store } from '@blockloom/engine';
import { createBlockValueRepo } from './block-value-repo';
import { createExecutionRepo } from './execution-repo';
import { createGraphRepo } from './graph-repo';
import type { Database } from './schema';
import { createTransactionRunner } from './transactions';

export interface SqlStoreOptions {
  /** Sets `updatedAt` in `updateGraphExecution`, whose port signature carries no time. */
  clock?: Clock;
}

/** The store, with the Kysely instance for tests, migrations and tooling. */
export type SqlStore = Store & { db: Kysely<Database> };

/**
 * The store port on a migrated Kysely database. Nothing here is dialect-specific: a PostgreSQL store is
 * this on a `PostgresDialect` instance (see sqlite.ts for what a dialect's opener adds).
 */
export function createSqlStore(db: Kysely<Database>, options: SqlStoreOptions = {}): SqlStore {
  const { inTransaction, drain } = createTransactionRunner(db);
  const clock = options.clock ?? systemClock;
  return {
    db,
    ...createGraphRepo(inTransaction),
    ...createExecutionRepo(inTransaction, clock),
    ...createBlockValueRepo(inTransaction, clock),
    async close() {
      // Let calls already made finish before the connection goes.
      await drain();
      await db.destroy();
    },
  };
}
