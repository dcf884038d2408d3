import { isRecord } from './json-schema';

/**
 * A run as the builder displays it: WebSocket execution events (internals §6) folded into per-node state.
 * Pure: every function returns a new state. Events may arrive late or out of order, so a node execution's
 * status never moves backwards and a final status (COMPLETED, FAILED, TERMINATED) is final.
 */

export const executionStatuses = [
  'INCOMPLETE',
  'QUEUED',
  'RUNNING',
  'COMPLETED',
  'TERMINATED',
  'FAILED',
  'REVIEW',
] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

/** How many values per output pin a node keeps for display (the latest ones). */
export const MAX_VALUES_PER_PIN = 20;

/** A `node_execution_event` payload or a `NodeExecutionResult` (internals §3.12); extra fields are ignored. */
export interface NodeExecutionEventLike {
  node_exec_id: string;
  node_id: string;
  block_id?: string;
  graph_exec_id?: string;
  status: string;
  input_data?: Record<string, unknown> | null;
  output_data?: Record<string, readonly unknown[]> | null;
  add_time?: string | null;
  queue_time?: string | null;
  start_time?: string | null;
  end_time?: string | null;
}

/** A `graph_execution_event` payload or a `GraphExecution` (internals §3.12). */
export interface GraphExecutionEventLike {
  id: string;
  status: string;
  started_at?: string | null;
  ended_at?: string | null;
  stats?: { error?: string | null; [key: string]: unknown } | null;
  outputs?: Record<string, readonly unknown[]> | null;
}

/** One node execution, as last known. */
export interface ExecRecord {
  execId: string;
  nodeId: string;
  status: ExecutionStatus;
  /** Arrival order of the first event, to order executions that share an `add_time`. */
  seq: number;
  addTime?: string;
  inputs: Record<string, unknown>;
  /** This execution's outputs so far (each event carries the full list); capped per pin. */
  outputs: Record<string, unknown[]>;
  startedAt?: string;
  endedAt?: string;
}

export interface NodeRunState {
  /** RUNNING while any execution runs; else REVIEW, QUEUED or INCOMPLETE if one waits; else the latest one's. */
  status: ExecutionStatus;
  lastExecId: string;
  /** Executions of this node in this run. */
  executions: number;
  /** The latest execution's resolved inputs. */
  inputs: Record<string, unknown>;
  /** Values per pin across this node's executions in this run, oldest first, the last `MAX_VALUES_PER_PIN`. */
  outputs: Record<string, unknown[]>;
  /** The latest finished execution's `error` output, as text. */
  error?: string;
  /** The first execution's start. */
  startedAt?: string;
  /** The last execution's end, once no execution is pending. */
  endedAt?: string;
}

export interface RunState {
  graphExecId?: string;
  status?: ExecutionStatus;
  startedAt?: string;
  endedAt?: string;
  /** The run's error (`stats.error`). */
  error?: string;
  /** Graph outputs by output name (from graph events). */
  outputs: Record<string, unknown[]>;
  nodes: Record<string, NodeRunState>;
  execs: Record<string, ExecRecord>;
  /** Execution ids per node id, in arrival order. */
  nodeExecs: Record<string, string[]>;
  seq: number;
}

export function createRunState(graphExecId?: string): RunState {
  return {
    ...(graphExecId !== undefined ? { graphExecId } : {}),
    outputs: {},
    nodes: {},
    execs: {},
    nodeExecs: {},
    seq: 0,
  };
}

const FINAL: ReadonlySet<ExecutionStatus> = new Set(['COMPLETED', 'FAILED', 'TERMINATED']);
const WAITING: readonly ExecutionStatus[] = ['RUNNING', 'REVIEW', 'QUEUED', 'INCOMPLETE'];

export function isFinalStatus(status: ExecutionStatus | undefined): boolean {
  return status !== undefined && FINAL.has(status);
}

function asStatus(value: unknown): ExecutionStatus | undefined {
  return executionStatuses.find((status) => status === value);
}

/**
 * Whether a status may follow another, after AutoGPT's transition table (internals §3.1) made tolerant of
 * lost events: a final status accepts nothing else; anything non-final may become final; otherwise
 * QUEUED <- INCOMPLETE, REVIEW; RUNNING <- INCOMPLETE, QUEUED, REVIEW; REVIEW <- INCOMPLETE, QUEUED,
 * RUNNING; nothing returns to INCOMPLETE. The same status is accepted (it refreshes the data).
 */
export function canMoveTo(from: ExecutionStatus, to: ExecutionStatus): boolean {
  if (from === to) return true;
  if (FINAL.has(from)) return false;
  if (FINAL.has(to)) return true;
  switch (to) {
    case 'QUEUED':
      return from === 'INCOMPLETE' || from === 'REVIEW';
    case 'RUNNING':
      return from === 'INCOMPLETE' || from === 'QUEUED' || from === 'REVIEW';
    case 'REVIEW':
      return from === 'INCOMPLETE' || from === 'QUEUED' || from === 'RUNNING';
    case 'INCOMPLETE':
      return false; // only set when an execution is created
    case 'COMPLETED':
    case 'FAILED':
    case 'TERMINATED':
      return true;
  }
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function cappedOutputs(
  data: Record<string, readonly unknown[]> | null | undefined,
): Record<string, unknown[]> {
  const outputs: Record<string, unknown[]> = {};
  for (const [pin, values] of Object.entries(isRecord(data) ? data : {})) {
    outputs[pin] = (Array.isArray(values) ? values : [values]).slice(-MAX_VALUES_PER_PIN);
  }
  return outputs;
}

const valueCount = (outputs: Record<string, readonly unknown[]>) =>
  Object.values(outputs).reduce((sum, values) => sum + values.length, 0);

function errorText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The execution after `event`, or undefined when the event must be ignored (its status would go backwards). */
function foldExec(
  previous: ExecRecord | undefined,
  event: NodeExecutionEventLike & { status: ExecutionStatus },
  seq: number,
): ExecRecord | undefined {
  const { status } = event;
  if (previous && !canMoveTo(previous.status, status)) return undefined;
  const outputs = cappedOutputs(event.output_data);
  const keepOld =
    previous && previous.status === status && valueCount(outputs) < valueCount(previous.outputs);
  const inputs =
    isRecord(event.input_data) && Object.keys(event.input_data).length > 0
      ? { ...event.input_data }
      : undefined;
  const record: ExecRecord = {
    execId: event.node_exec_id,
    nodeId: event.node_id,
    status,
    seq: previous?.seq ?? seq,
    inputs: inputs ?? previous?.inputs ?? {},
    outputs: keepOld ? previous.outputs : outputs,
  };
  const addTime = text(event.add_time) ?? previous?.addTime;
  const startedAt = text(event.start_time) ?? previous?.startedAt;
  const endedAt = text(event.end_time) ?? previous?.endedAt;
  if (addTime !== undefined) record.addTime = addTime;
  if (startedAt !== undefined) record.startedAt = startedAt;
  if (endedAt !== undefined) record.endedAt = endedAt;
  return record;
}

function nodeState(execs: ExecRecord[]): NodeRunState | undefined {
  const ordered = [...execs].sort(
    (a, b) => (a.addTime ?? '').localeCompare(b.addTime ?? '') || a.seq - b.seq,
  );
  const latest = ordered.at(-1);
  if (!latest) return undefined;
  const outputs: Record<string, unknown[]> = {};
  for (const exec of ordered) {
    for (const [pin, values] of Object.entries(exec.outputs)) {
      outputs[pin] = [...(outputs[pin] ?? []), ...values].slice(-MAX_VALUES_PER_PIN);
    }
  }
  const pending = WAITING.find((status) => ordered.some((exec) => exec.status === status));
  const state: NodeRunState = {
    status: pending ?? latest.status,
    lastExecId: latest.execId,
    executions: ordered.length,
    inputs: [...ordered].reverse().find((exec) => Object.keys(exec.inputs).length > 0)?.inputs ?? {},
    outputs,
  };
  const finished = [...ordered].reverse().find((exec) => FINAL.has(exec.status));
  const error = errorText(finished?.outputs.error?.at(-1));
  if (error !== undefined) state.error = error;
  const starts = ordered
    .map((exec) => exec.startedAt)
    .filter((time) => time !== undefined)
    .sort();
  if (starts[0] !== undefined) state.startedAt = starts[0];
  const ends = ordered
    .map((exec) => exec.endedAt)
    .filter((time) => time !== undefined)
    .sort();
  if (pending === undefined && ends.length > 0) state.endedAt = ends.at(-1);
  return state;
}

/**
 * Folds one node execution event into the run. Ignored: an unknown status, an event of another run (once
 * the state knows its run id; the first event with a `graph_exec_id` sets it), and a status that would
 * move an execution backwards (QUEUED after RUNNING, anything after a final status).
 */
export function applyNodeEvent(state: RunState, event: NodeExecutionEventLike): RunState {
  const status = asStatus(event.status);
  if (!status) return state;
  if (
    state.graphExecId !== undefined &&
    event.graph_exec_id !== undefined &&
    event.graph_exec_id !== state.graphExecId
  ) {
    return state;
  }
  const previous = state.execs[event.node_exec_id];
  const record = foldExec(previous, { ...event, status }, state.seq);
  if (!record) return state;
  const execs = { ...state.execs, [record.execId]: record };
  const ids = state.nodeExecs[record.nodeId] ?? [];
  const nodeExecs = ids.includes(record.execId)
    ? state.nodeExecs
    : { ...state.nodeExecs, [record.nodeId]: [...ids, record.execId] };
  const node = nodeState((nodeExecs[record.nodeId] ?? []).flatMap((id) => execs[id] ?? []));
  const next: RunState = {
    ...state,
    execs,
    nodeExecs,
    nodes: node ? { ...state.nodes, [record.nodeId]: node } : state.nodes,
    seq: state.seq + 1,
  };
  if (next.graphExecId === undefined && event.graph_exec_id !== undefined)
    next.graphExecId = event.graph_exec_id;
  return next;
}

/** Folds a graph execution event: the run's status (same rules as nodes), times, error and outputs. */
export function applyGraphEvent(state: RunState, event: GraphExecutionEventLike): RunState {
  const status = asStatus(event.status);
  if (!status) return state;
  if (state.graphExecId !== undefined && event.id !== state.graphExecId) return state;
  if (state.status !== undefined && !canMoveTo(state.status, status)) return state;
  const next: RunState = { ...state, graphExecId: event.id, status };
  const startedAt = text(event.started_at) ?? state.startedAt;
  const endedAt = text(event.ended_at) ?? state.endedAt;
  if (startedAt !== undefined) next.startedAt = startedAt;
  if (endedAt !== undefined) next.endedAt = endedAt;
  const error = text(event.stats?.error) ?? state.error;
  if (error !== undefined) next.error = error;
  if (isRecord(event.outputs)) next.outputs = cappedOutputs(event.outputs);
  return next;
}

/** The same state built from a finished run's node results (`GET …/executions/{id}`'s `node_executions`). */
export function fromExecutionResult(
  nodeExecutions: readonly NodeExecutionEventLike[],
  run?: GraphExecutionEventLike,
): RunState {
  let state = createRunState(run?.id);
  for (const exec of nodeExecutions) state = applyNodeEvent(state, exec);
  return run ? applyGraphEvent(state, run) : state;
}

const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,/;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function truncate(value: string, maxChars: number): string {
  const chars = Array.from(value);
  if (chars.length <= maxChars) return value;
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

/**
 * A one-line preview of an output value for the node's footer, at most `maxChars` characters (an ellipsis
 * marks a cut): text with its whitespace collapsed, other values as compact JSON, a data URI as its media
 * type and size (`[image/png, 12.0 KB]`), `undefined` as ''.
 */
export function previewValue(value: unknown, maxChars = 80): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    const match = DATA_URI.exec(value);
    if (match) {
      const payload = value.length - match[0].length;
      const bytes = match[3] ? Math.floor((payload * 3) / 4) : payload;
      return truncate(`[${match[1] || 'data'}, ${formatBytes(bytes)}]`, maxChars);
    }
    return truncate(value.replace(/\s+/g, ' ').trim(), maxChars);
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return truncate(json ?? String(value), maxChars);
}
