/**
 * Values cross the store and the bus as JSON, so outputs are normalised at the boundary (AutoGPT's
 * `json.to_dict`): what a block yields is what every reader sees. `undefined` becomes null; non-finite
 * numbers become null, as JSON has no Infinity or NaN.
 */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'bigint' ? inner.toString() : inner instanceof Map ? Object.fromEntries(inner) : inner,
  );
  return text === undefined ? null : JSON.parse(text);
}

export function jsonSize(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text);
}
