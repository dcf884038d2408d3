import type { BlockContext, BlockLogger, ExecutionIds, NodeStatsDelta } from './block';

export const silentLogger: BlockLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

export const emptyExecutionIds: ExecutionIds = {
  userId: '',
  graphId: '',
  graphVersion: 0,
  graphExecId: '',
  nodeId: '',
  nodeExecId: '',
};

/** Adds a stats delta into a running total, key by key. */
export function addStats(total: Record<string, number>, delta: NodeStatsDelta): void {
  for (const [key, value] of Object.entries(delta)) {
    if (typeof value === 'number' && Number.isFinite(value)) total[key] = (total[key] ?? 0) + value;
  }
}

/** A context for running a block outside a graph; `stats` collects into the returned record. */
export function createStandaloneContext(overrides: Partial<BlockContext> = {}): {
  ctx: BlockContext;
  stats: Record<string, number>;
} {
  const stats: Record<string, number> = {};
  const ctx: BlockContext = {
    signal: new AbortController().signal,
    logger: silentLogger,
    ids: emptyExecutionIds,
    credentials: {},
    timezone: 'UTC',
    stats: { add: (delta) => addStats(stats, delta) },
    ...overrides,
  };
  return { ctx, stats };
}
