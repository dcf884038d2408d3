import type { Schemas } from '../api/client';
import { canMoveTo, isFinalStatus } from '../editor/run-state';

/**
 * Runs as the run pages show them (internals §3.11-3.12): pure functions over the API's execution records,
 * so live events, refetches and the timeline agree. A status never moves back from a final one.
 */

export type RunMeta = Schemas['GraphExecutionMeta'];
export type RunDetails = Schemas['GraphExecution'];
export type NodeExecution = Schemas['NodeExecutionResult'];
export type RunStatus = RunMeta['status'];

/** Every status a run or a node execution can have, in the order a status filter lists them. */
export const runStatuses = [
  'QUEUED',
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'TERMINATED',
  'INCOMPLETE',
  'REVIEW',
] as const satisfies readonly RunStatus[];

/** Not finished yet: it may still change (QUEUED, RUNNING, INCOMPLETE, REVIEW). */
export function isActiveStatus(status: string): boolean {
  return !isFinalStatus(status as RunStatus);
}

/** Still on its way (INCOMPLETE, QUEUED, RUNNING): a list polls while it shows one. A run in REVIEW waits for a person. */
export function isInProgress(status: string): boolean {
  return status === 'INCOMPLETE' || status === 'QUEUED' || status === 'RUNNING';
}

const timeOf = (iso: string | null | undefined): number | undefined => {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
};

/**
 * The run's duration in seconds: start to end when both are known, the server's `stats.duration` when it
 * has no times, start to `now` while it is still going; undefined before it starts.
 */
export function runDurationSeconds(
  run: Pick<RunMeta, 'status' | 'started_at' | 'ended_at' | 'stats'>,
  now: number,
) {
  const start = timeOf(run.started_at);
  const end = timeOf(run.ended_at);
  if (start !== undefined && end !== undefined) return Math.max(0, (end - start) / 1000);
  if (run.stats && run.stats.duration > 0 && !isActiveStatus(run.status)) return run.stats.duration;
  if (start !== undefined && isActiveStatus(run.status)) return Math.max(0, (now - start) / 1000);
  return undefined;
}

/** The run's cost in credits (integer cents, internals §8.3) as shown to people: "12 credits", "—" when unknown. */
export function formatCost(stats: RunMeta['stats']): string {
  if (!stats) return '—';
  return `${stats.cost} ${stats.cost === 1 ? 'credit' : 'credits'}`;
}

/** The same cost in dollars, for a tooltip: 100 credits are $1. */
export function costInDollars(stats: RunMeta['stats']): string | undefined {
  return stats ? `$${(stats.cost / 100).toFixed(2)}` : undefined;
}

/** How many node executions the run made ("—" before the server counted them). */
export function formatNodeCount(stats: RunMeta['stats']): string {
  return stats ? String(stats.node_exec_count) : '—';
}

/** The run page of a run. */
export function runPath(run: Pick<RunMeta, 'graph_id' | 'id'>): string {
  return `/runs/${encodeURIComponent(run.graph_id)}/${encodeURIComponent(run.id)}`;
}

/** The builder showing this run's node states on its graph version. */
export function builderRunPath(run: Pick<RunMeta, 'graph_id' | 'graph_version' | 'id'>): string {
  const query = new URLSearchParams({
    flowID: run.graph_id,
    flowVersion: String(run.graph_version),
    execID: run.id,
  });
  return `/build?${query.toString()}`;
}

/** The first characters of an id, enough to tell executions apart on screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

function mergeNode(current: NodeExecution, incoming: NodeExecution): NodeExecution {
  return {
    ...current,
    ...incoming,
    // An event may omit a time another one carried: a known time stays known.
    queue_time: incoming.queue_time ?? current.queue_time,
    start_time: incoming.start_time ?? current.start_time,
    end_time: incoming.end_time ?? current.end_time,
    input_data: Object.keys(incoming.input_data).length > 0 ? incoming.input_data : current.input_data,
  };
}

/**
 * Folds one node execution (a live event or a refetched result) into the list, keyed by `node_exec_id`. An
 * update that would move a status backwards (QUEUED after RUNNING, anything after a final status) is ignored.
 */
export function foldNodeExecution(list: readonly NodeExecution[], incoming: NodeExecution): NodeExecution[] {
  const index = list.findIndex((item) => item.node_exec_id === incoming.node_exec_id);
  if (index === -1) return [...list, incoming];
  const current = list[index] as NodeExecution;
  if (!canMoveTo(current.status, incoming.status)) return list as NodeExecution[];
  const next = [...list];
  next[index] = mergeNode(current, incoming);
  return next;
}

/** A list row updated by a graph event, unless the event would move its status backwards. */
export function mergeRunMeta<T extends RunMeta>(current: T, incoming: RunMeta): T {
  return canMoveTo(current.status, incoming.status) ? { ...current, ...incoming } : current;
}

/** The run fields of a `graph_execution_event`: without `event_type`, and without `outputs` (list rows have none). */
export function runMetaOfEvent(event: RunMeta & { event_type?: string; outputs?: unknown }): RunMeta {
  const { event_type: _type, outputs: _outputs, ...meta } = event;
  return meta;
}

/**
 * The run once `incoming` (a refetch or a graph event) is known: its fields win unless its status would move
 * the run backwards; node executions are folded one by one, so a stale answer cannot undo a newer event.
 */
export function mergeRun(current: RunDetails, incoming: RunMeta & Partial<RunDetails>): RunDetails {
  const meta = canMoveTo(current.status, incoming.status) ? { ...current, ...incoming } : current;
  if (!incoming.node_executions) return { ...meta, node_executions: current.node_executions };
  let folded = current.node_executions ?? [];
  for (const node of incoming.node_executions) folded = foldNodeExecution(folded, node);
  return { ...meta, node_executions: folded };
}

/** When a node execution began, as far as it is known: started, else queued, else added. */
export function nodeStartTime(
  node: Pick<NodeExecution, 'start_time' | 'queue_time' | 'add_time'>,
): number | undefined {
  return timeOf(node.start_time) ?? timeOf(node.queue_time) ?? timeOf(node.add_time);
}

/** Node executions in the order they started (then by when they were added). */
export function sortByStart(list: readonly NodeExecution[]): NodeExecution[] {
  return [...list].sort(
    (a, b) =>
      (nodeStartTime(a) ?? Infinity) - (nodeStartTime(b) ?? Infinity) ||
      (timeOf(a.add_time) ?? 0) - (timeOf(b.add_time) ?? 0),
  );
}

export interface TimelineBar {
  /** Where the bar starts, in percent of the run's span. */
  offset: number;
  /** The bar's length in percent of the run's span (at least `MIN_BAR_WIDTH`, so short nodes stay visible). */
  width: number;
  /** How long the node ran (or has been running) in seconds; undefined before it started. */
  seconds?: number;
}

export const MIN_BAR_WIDTH = 0.5;

/** The span the timeline covers: from the run's (or first node's) start to its end, or `now` while running. */
export function timelineSpan(
  run: Pick<RunMeta, 'status' | 'started_at' | 'ended_at'>,
  nodes: readonly NodeExecution[],
  now: number,
): { start: number; end: number } | undefined {
  const starts = nodes.map(nodeStartTime).filter((time) => time !== undefined);
  const ends = nodes.map((node) => timeOf(node.end_time)).filter((time) => time !== undefined);
  const runStart = timeOf(run.started_at);
  const start = Math.min(...(runStart !== undefined ? [runStart] : []), ...starts);
  if (!Number.isFinite(start)) return undefined;
  const runEnd = timeOf(run.ended_at);
  const end = isActiveStatus(run.status) ? now : Math.max(runEnd ?? -Infinity, ...ends, ...starts);
  return { start, end: Math.max(end, start + 1) };
}

/** The bar of one node execution within the run's span (see `timelineSpan`). */
export function timelineBar(
  node: NodeExecution,
  span: { start: number; end: number },
  now: number,
): TimelineBar {
  const total = span.end - span.start;
  const begin = nodeStartTime(node) ?? span.start;
  const started = timeOf(node.start_time);
  // A node stopped with its run (TERMINATED) has no end time: it ran until the run ended.
  const stillRunning = isActiveStatus(node.status);
  const end = timeOf(node.end_time) ?? (started === undefined ? undefined : stillRunning ? now : span.end);
  const finish = end ?? begin;
  const offset = Math.min(100 - MIN_BAR_WIDTH, Math.max(0, ((begin - span.start) / total) * 100));
  const width = Math.min(100 - offset, Math.max(MIN_BAR_WIDTH, ((finish - begin) / total) * 100));
  const bar: TimelineBar = { offset, width };
  if (started !== undefined && end !== undefined) bar.seconds = Math.max(0, (end - started) / 1000);
  return bar;
}

/** A time of day with milliseconds (node times are close together), "—" when unknown. */
export function formatClock(iso: string | null | undefined): string {
  const time = timeOf(iso);
  if (time === undefined) return '—';
  return new Date(time).toLocaleTimeString(undefined, {
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
  });
}
