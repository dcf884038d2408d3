import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

export type InTransaction = <T>(work: (tx: Transaction<Database>) => Promise<T>) => Promise<T>;

/**
 * Every store call runs in one transaction, and transactions run one at a time, in call order. Kysely's
 * SQLite driver already holds its single connection for a whole transaction, but that lock is not
 * first-come-first-served and is an implementation detail; this promise chain makes both guarantees the
 * adapter's own, whatever the dialect. Reads are transactions too, so a record and its inputs and outputs
 * come from one snapshot.
 */
export function createTransactionRunner(db: Kysely<Database>): {
  inTransaction: InTransaction;
  /** Resolves once every transaction started so far has finished. */
  drain(): Promise<void>;
} {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    inTransaction(work) {
      const result = tail.then(() => db.transaction().execute(work));
      // A failed transaction must not block the ones queued behind it.
      tail = result.catch(() => undefined);
      return result;
    },
    async drain() {
      await tail;
    },
  };
}
