import { pyTypeName } from './python';

/**
 * The sub-lists of a list-of-lists input (ConcatenateLists, InterleaveLists, ZipLists): null entries are
 * skipped, as AutoGPT skips None; anything else that is not a list is an error naming its position.
 */
export function subLists(lists: readonly unknown[]): unknown[][] | { error: string } {
  const out: unknown[][] = [];
  for (const [index, item] of lists.entries()) {
    if (item === null || item === undefined) continue;
    if (!Array.isArray(item)) {
      return { error: `Invalid input at index ${index}: expected a list, got ${pyTypeName(item)}` };
    }
    out.push(item);
  }
  return out;
}

/** Python's index rule: a negative index counts from the end; undefined when out of range. */
export function resolveIndex(length: number, index: number): number | undefined {
  const resolved = index < 0 ? length + index : index;
  return resolved >= 0 && resolved < length ? resolved : undefined;
}
