import { BlockError, type ExecutionIds } from '@blockloom/sdk';

/** How many node buffers are kept at once; the oldest goes first (runs that never finish must not leak). */
export const MAX_BUFFERS = 1_000;
/** Rows one buffer may hold. */
export const MAX_BUFFERED_ROWS = 100_000;

const buffers = new Map<string, unknown[]>();

function keyOf(ids: ExecutionIds): string {
  return `${ids.graphExecId}\u0000${ids.nodeId}`;
}

/**
 * DataSampling's `accumulate` (catalogue §1.6): AutoGPT keeps rows on the block instance across executions;
 * here they are kept per run and node. Returns every row so far, or undefined (rows kept) while fewer than
 * `needed`; the buffer empties once it is returned.
 */
export function accumulateRows(
  ids: ExecutionIds,
  rows: readonly unknown[],
  needed: number,
): unknown[] | undefined {
  const key = keyOf(ids);
  const all = [...(buffers.get(key) ?? []), ...rows];
  buffers.delete(key);
  if (all.length >= needed) return all;
  if (all.length > MAX_BUFFERED_ROWS)
    throw new BlockError(`More than ${MAX_BUFFERED_ROWS} rows accumulated; sample them in smaller batches`);
  buffers.set(key, all);
  if (buffers.size > MAX_BUFFERS) {
    const oldest = buffers.keys().next().value;
    if (oldest !== undefined) buffers.delete(oldest);
  }
  return undefined;
}
