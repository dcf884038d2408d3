/**
 * Undo/redo as a pure value: the states before the present, the present, and the undone states after it.
 * Works for any immutable state (the editor uses it with `EditorGraph`).
 */

export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** How many past states are kept (older ones are dropped). */
  readonly limit: number;
  /** The coalesce key of the push that made the present, while it may still be coalesced into. */
  readonly coalesceKey?: string;
}

export function createHistory<T>(initial: T, options: { limit?: number } = {}): History<T> {
  return { past: [], present: initial, future: [], limit: Math.max(1, options.limit ?? 100) };
}

/**
 * Makes `next` the present. The redo branch is discarded. Pushing the present itself (same object) changes
 * nothing, so `push(h, op(graph))` with an operation that made no change adds no entry.
 * With `coalesceKey` (e.g. `move:<nodeId>` while dragging), a push with the same key as the previous push
 * replaces the present instead of adding an entry: the whole drag undoes in one step. Call `seal` when the
 * gesture ends so the next gesture with the same key starts a new entry.
 */
export function push<T>(history: History<T>, next: T, options: { coalesceKey?: string } = {}): History<T> {
  if (next === history.present) return history;
  const { coalesceKey } = options;
  const coalesce =
    coalesceKey !== undefined && coalesceKey === history.coalesceKey && history.past.length > 0;
  const past = coalesce ? history.past : [...history.past, history.present].slice(-history.limit);
  return {
    past,
    present: next,
    future: [],
    limit: history.limit,
    ...(coalesceKey !== undefined ? { coalesceKey } : {}),
  };
}

/** Ends coalescing: the next push starts a new entry whatever its key. */
export function seal<T>(history: History<T>): History<T> {
  if (history.coalesceKey === undefined) return history;
  const { coalesceKey: _ended, ...rest } = history;
  return rest;
}

/** Replaces the present without an undo entry (e.g. after a save assigns ids and a version). */
export function replacePresent<T>(history: History<T>, present: T): History<T> {
  return { past: history.past, present, future: history.future, limit: history.limit };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous as T,
    future: [history.present, ...history.future],
    limit: history.limit,
  };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...future] = history.future;
  return {
    past: [...history.past, history.present].slice(-history.limit),
    present: next as T,
    future,
    limit: history.limit,
  };
}

export function present<T>(history: History<T>): T {
  return history.present;
}
