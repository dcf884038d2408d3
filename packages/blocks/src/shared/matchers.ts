/** Predicates for block self-tests (`tests[].output` values), for outputs whose exact text is incidental. */

/** Matches a string containing every one of `parts`. */
export function textContaining(...parts: string[]): (value: unknown) => boolean {
  return (value) => typeof value === 'string' && parts.every((part) => value.includes(part));
}
