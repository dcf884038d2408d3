import { createContext, Script } from 'node:vm';

/** Thrown when a synchronous computation ran past its cap and was interrupted. */
export class ComputationTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`took longer than ${timeoutMs / 1000}s and was stopped`);
    this.name = 'ComputationTimeoutError';
  }
}

// One shared context: a run is synchronous, so the slot is never used by two calls at once.
const slot: { task: () => unknown } = { task: () => undefined };
const sandbox = createContext({ slot });
const script = new Script('slot.task()');

function isTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/**
 * Runs a synchronous function with a wall-clock cap. Regular expressions and templates run on the event
 * loop every other node shares, so a catastrophic pattern or an endless template loop must be stopped:
 * node's `vm` timeout interrupts any JavaScript (regex backtracking included) running under it.
 */
export function runWithTimeout<T>(task: () => T, timeoutMs: number): T {
  let result: T | undefined;
  const previous = slot.task;
  slot.task = () => {
    result = task();
  };
  try {
    script.runInContext(sandbox, { timeout: timeoutMs });
  } catch (error) {
    if (isTimeout(error)) throw new ComputationTimeoutError(timeoutMs);
    throw error;
  } finally {
    slot.task = previous;
  }
  return result as T;
}
