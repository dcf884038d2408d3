import { EngineError } from '@blockloom/engine';

export const notFound = (what: string) => new EngineError('NOT_FOUND', `${what} not found`);

/** A unique or primary-key violation: better-sqlite3's extended SQLite codes, or PostgreSQL's SQLSTATE. */
function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/**
 * Runs an insert and turns a duplicate key into EngineError CONFLICT (the code the store contract expects
 * and the server maps to 409), keeping the driver's error as the cause.
 */
export async function insertOrConflict(what: string, insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new EngineError('CONFLICT', `${what} already exists`, { cause: error });
    throw error;
  }
}
