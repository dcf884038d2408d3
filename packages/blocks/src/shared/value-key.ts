import { isRecord } from './python';

/**
 * A text key equal for two values exactly when Python's `==` holds between them (see `pyEquals`): `True`, `1`
 * and `1.0` share a key, dictionaries compare regardless of key order. The list and dictionary blocks use it
 * where AutoGPT relies on `==` or hashing (deduplication, difference, intersection) without an O(n²) scan.
 */
export function valueKey(value: unknown): string {
  if (value === null || value === undefined) return 'N';
  if (typeof value === 'boolean') return `n${value ? 1 : 0}`;
  if (typeof value === 'number') return `n${Object.is(value, -0) ? 0 : value}`;
  if (typeof value === 'string') return `s${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${valueKey(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return `?${String(value)}`;
}

/** The values without repeats, keeping each first occurrence (Python `==` decides what repeats). */
export function uniqueValues(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = valueKey(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
