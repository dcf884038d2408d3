/** A self-test predicate: a string matching `pattern`, for outputs that depend on the clock or on chance. */
export function textMatching(pattern: RegExp): (value: unknown) => boolean {
  return (value) => typeof value === 'string' && pattern.test(value);
}
