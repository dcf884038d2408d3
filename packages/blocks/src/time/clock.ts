/**
 * The time blocks' clock. Blocks read the time only through `now()`, so tests can pin it with `setClock`
 * instead of depending on the wall clock (style guide: no wall clock in unit tests).
 */
let current: () => Date = () => new Date();

export function now(): Date {
  return current();
}

/** Replaces the clock; returns a function that puts the previous one back. */
export function setClock(clock: () => Date): () => void {
  const previous = current;
  current = clock;
  return () => {
    current = previous;
  };
}
