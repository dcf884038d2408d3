import type { CredentialsMeta } from '@blockloom/sdk';
import type { ExecutionStatus } from './ports/status';
import type { GraphExecutionRecord, GraphExecutionStats, NodeExecutionRecord } from './ports/store';

/**
 * The execution models as the API serves them (internals §3.11-3.12). Field names match AutoGPT's exactly;
 * events are these objects plus `event_type`.
 */

/** Run stats under the API's names (the store keeps AutoGPT's DB names). */
export interface GraphExecutionApiStats {
  cost: number;
  duration: number;
  duration_cpu_only: number;
  node_exec_time: number;
  node_exec_time_cpu_only: number;
  node_exec_count: number;
  node_error_count: number;
  error: string | null;
  activity_status: string | null;
  correctness_score: number | null;
}

export interface GraphExecutionMeta {
  id: string;
  user_id: string;
  graph_id: string;
  graph_version: number;
  inputs: Record<string, unknown>;
  credential_inputs: Record<string, CredentialsMeta>;
  nodes_input_masks: Record<string, Record<string, unknown>> | null;
  preset_id: string | null;
  status: ExecutionStatus;
  started_at: string | null;
  ended_at: string | null;
  stats: GraphExecutionApiStats | null;
  is_shared: boolean;
  share_token: string | null;
  is_dry_run: boolean;
}

export interface GraphExecution extends GraphExecutionMeta {
  outputs: Record<string, unknown[]>;
}

export interface NodeExecutionResult {
  user_id: string;
  graph_id: string;
  graph_version: number;
  graph_exec_id: string;
  node_exec_id: string;
  node_id: string;
  block_id: string;
  status: ExecutionStatus;
  input_data: Record<string, unknown>;
  output_data: Record<string, unknown[]>;
  add_time: string;
  queue_time: string | null;
  start_time: string | null;
  end_time: string | null;
}

export interface GraphExecutionWithNodes extends GraphExecution {
  node_executions: NodeExecutionResult[];
}

export type GraphExecutionEvent = GraphExecution & { event_type: 'graph_execution_update' };
export type NodeExecutionEvent = NodeExecutionResult & { event_type: 'node_execution_update' };
export type ExecutionEvent = GraphExecutionEvent | NodeExecutionEvent;

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function toApiStats(stats: GraphExecutionStats | null): GraphExecutionApiStats | null {
  if (!stats) return null;
  return {
    cost: num(stats.cost),
    duration: num(stats.walltime),
    duration_cpu_only: num(stats.cputime),
    node_exec_time: num(stats.nodes_walltime),
    node_exec_time_cpu_only: num(stats.nodes_cputime),
    node_exec_count: num(stats.node_count),
    node_error_count: num(stats.node_error_count),
    error: typeof stats.error === 'string' ? stats.error : null,
    activity_status: typeof stats.activity_status === 'string' ? stats.activity_status : null,
    correctness_score: typeof stats.correctness_score === 'number' ? stats.correctness_score : null,
  };
}

export function toGraphExecutionMeta(record: GraphExecutionRecord): GraphExecutionMeta {
  return {
    id: record.id,
    user_id: record.userId,
    graph_id: record.graphId,
    graph_version: record.graphVersion,
    inputs: record.inputs,
    credential_inputs: record.credentialInputs,
    nodes_input_masks: record.nodesInputMasks,
    preset_id: record.presetId,
    status: record.status,
    started_at: record.startedAt,
    ended_at: record.endedAt,
    stats: toApiStats(record.stats),
    is_shared: false,
    share_token: null,
    is_dry_run: record.stats?.is_dry_run === true,
  };
}

/** `input_data`: the resolved input when the execution was queued, else its input pins (§3.11). */
export function nodeInputData(node: NodeExecutionRecord): Record<string, unknown> {
  if (node.executionData) return node.executionData;
  return Object.fromEntries(node.inputs.map((pin) => [pin.name, pin.value]));
}

export function nodeOutputData(node: NodeExecutionRecord): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const pin of node.outputs) (out[pin.name] ??= []).push(pin.value);
  return out;
}

export function toNodeExecutionResult(
  record: GraphExecutionRecord,
  node: NodeExecutionRecord,
): NodeExecutionResult {
  return {
    user_id: record.userId,
    graph_id: record.graphId,
    graph_version: record.graphVersion,
    graph_exec_id: record.id,
    node_exec_id: node.id,
    node_id: node.nodeId,
    block_id: node.blockId,
    status: node.status,
    input_data: nodeInputData(node),
    output_data: nodeOutputData(node),
    add_time: node.addedTime,
    queue_time: node.queuedTime,
    start_time: node.startedTime,
    end_time: node.endedTime,
  };
}

/** Node executions in result order: queued ones by queue time, then the rest by add time (§3.11). */
export function sortForResults(nodes: readonly NodeExecutionRecord[]): NodeExecutionRecord[] {
  return [...nodes].sort((a, b) => {
    if ((a.queuedTime === null) !== (b.queuedTime === null)) return a.queuedTime === null ? 1 : -1;
    const ta = a.queuedTime ?? a.addedTime;
    const tb = b.queuedTime ?? b.addedTime;
    return ta < tb ? -1 : ta > tb ? 1 : a.seq - b.seq;
  });
}

/**
 * Graph outputs `{name: [values]}`: for each Output-block execution that ran, its input `value` under its
 * input `name` (§3.11).
 */
export function graphOutputs(
  nodes: readonly NodeExecutionRecord[],
  isOutputBlock: (blockId: string) => boolean,
): Record<string, unknown[]> {
  const outputs: Record<string, unknown[]> = {};
  for (const node of sortForResults(nodes)) {
    if (node.status === 'INCOMPLETE' || !isOutputBlock(node.blockId)) continue;
    const input = nodeInputData(node);
    if (typeof input.name !== 'string') continue;
    (outputs[input.name] ??= []).push(input.value ?? null);
  }
  return outputs;
}

export function toGraphExecution(
  record: GraphExecutionRecord,
  nodes: readonly NodeExecutionRecord[],
  isOutputBlock: (blockId: string) => boolean,
): GraphExecution {
  return { ...toGraphExecutionMeta(record), outputs: graphOutputs(nodes, isOutputBlock) };
}

export function toGraphExecutionWithNodes(
  record: GraphExecutionRecord,
  nodes: readonly NodeExecutionRecord[],
  isOutputBlock: (blockId: string) => boolean,
): GraphExecutionWithNodes {
  return {
    ...toGraphExecution(record, nodes, isOutputBlock),
    node_executions: sortForResults(nodes)
      .filter((node) => node.status !== 'INCOMPLETE')
      .map((node) => toNodeExecutionResult(record, node)),
  };
}
