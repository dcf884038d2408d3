import type { Updateable } from 'kysely';
import type { CredentialsMeta } from '@blockloom/sdk';
import type { Link, Node, StoredGraph } from '@blockloom/graph';
import type {
  GraphExecutionPatch,
  GraphExecutionRecord,
  GraphExecutionStats,
  NewGraphExecution,
  NewNodeExecution,
  NodeExecutionRecord,
  NodeExecutionStats,
  PinValue,
  RunChange,
} from '@blockloom/engine';
import { fromFlag, fromJson, fromJsonOrNull, toFlag, toJson, toJsonOrNull } from './codec';
import type {
  GraphExecutionTable,
  GraphLinkTable,
  GraphNodeTable,
  GraphTable,
  NodeExecutionInputTable,
  NodeExecutionOutputTable,
  NodeExecutionTable,
} from './schema';

/** Records to rows and back; the only place that knows both shapes. */

export function graphRow(graph: StoredGraph): GraphTable {
  return {
    id: graph.id,
    version: graph.version,
    user_id: graph.user_id,
    is_active: toFlag(graph.is_active),
    name: graph.name,
    description: graph.description,
    instructions: graph.instructions,
    recommended_schedule_cron: graph.recommended_schedule_cron,
    forked_from_id: graph.forked_from_id,
    forked_from_version: graph.forked_from_version,
    created_at: graph.created_at,
  };
}

export function nodeRows(graph: StoredGraph): GraphNodeTable[] {
  return graph.nodes.map((node, ordinal) => ({
    graph_id: graph.id,
    graph_version: graph.version,
    id: node.id,
    ordinal,
    block_id: node.block_id,
    input_default: toJson(node.input_default),
    metadata: toJson(node.metadata),
    webhook_id: node.webhook_id ?? null,
  }));
}

export function linkRows(graph: StoredGraph): GraphLinkTable[] {
  return graph.links.map((link, ordinal) => ({
    graph_id: graph.id,
    graph_version: graph.version,
    id: link.id,
    ordinal,
    source_id: link.source_id,
    sink_id: link.sink_id,
    source_name: link.source_name,
    sink_name: link.sink_name,
    is_static: toFlag(link.is_static),
  }));
}

function toNode(row: GraphNodeTable): Node {
  const node: Node = {
    id: row.id,
    block_id: row.block_id,
    input_default: fromJson(row.input_default),
    metadata: fromJson(row.metadata),
  };
  // The model makes it optional and the importer omits it when there is none; a stored null reads as absent.
  if (row.webhook_id !== null) node.webhook_id = row.webhook_id;
  return node;
}

function toLink(row: GraphLinkTable): Link {
  return {
    id: row.id,
    source_id: row.source_id,
    sink_id: row.sink_id,
    source_name: row.source_name,
    sink_name: row.sink_name,
    is_static: fromFlag(row.is_static),
  };
}

/** `nodes` and `links` are this version's rows, in `ordinal` order. */
export function toStoredGraph(
  row: GraphTable,
  nodes: GraphNodeTable[],
  links: GraphLinkTable[],
): StoredGraph {
  return {
    id: row.id,
    version: row.version,
    is_active: fromFlag(row.is_active),
    name: row.name,
    description: row.description,
    instructions: row.instructions,
    recommended_schedule_cron: row.recommended_schedule_cron,
    forked_from_id: row.forked_from_id,
    forked_from_version: row.forked_from_version,
    user_id: row.user_id,
    created_at: row.created_at,
    nodes: nodes.map(toNode),
    links: links.map(toLink),
  };
}

export function runRow(execution: NewGraphExecution): GraphExecutionTable {
  return {
    id: execution.id,
    graph_id: execution.graphId,
    graph_version: execution.graphVersion,
    user_id: execution.userId,
    status: 'INCOMPLETE',
    created_at: execution.createdAt,
    updated_at: execution.createdAt,
    started_at: null,
    ended_at: null,
    inputs: toJson(execution.inputs),
    credential_inputs: toJson(execution.credentialInputs),
    nodes_input_masks: toJsonOrNull(execution.nodesInputMasks),
    stats: toJsonOrNull(execution.stats),
    parent_graph_execution_id: execution.parentGraphExecutionId,
    preset_id: execution.presetId,
    is_deleted: 0,
  };
}

export function toRunRecord(row: GraphExecutionTable): GraphExecutionRecord {
  return {
    id: row.id,
    graphId: row.graph_id,
    graphVersion: row.graph_version,
    userId: row.user_id,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    inputs: fromJson(row.inputs),
    credentialInputs: fromJson<Record<string, CredentialsMeta>>(row.credential_inputs),
    nodesInputMasks: fromJsonOrNull(row.nodes_input_masks),
    stats: fromJsonOrNull<GraphExecutionStats>(row.stats),
    parentGraphExecutionId: row.parent_graph_execution_id,
    presetId: row.preset_id,
    isDeleted: fromFlag(row.is_deleted),
  };
}

/** The columns a run patch (or a commit's `graph.update`) sets; fields left undefined are not touched. */
export function runPatchColumns(patch: GraphExecutionPatch): Updateable<GraphExecutionTable> {
  const set: Updateable<GraphExecutionTable> = {};
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.startedAt !== undefined) set.started_at = patch.startedAt;
  if (patch.endedAt !== undefined) set.ended_at = patch.endedAt;
  if (patch.stats !== undefined) set.stats = toJsonOrNull(patch.stats);
  if (patch.isDeleted !== undefined) set.is_deleted = toFlag(patch.isDeleted);
  return set;
}

export function nodeExecRow(graphExecId: string, exec: NewNodeExecution): NodeExecutionTable {
  return {
    id: exec.id,
    graph_exec_id: graphExecId,
    node_id: exec.nodeId,
    block_id: exec.blockId,
    seq: exec.seq,
    status: exec.status,
    execution_data: toJsonOrNull(exec.executionData),
    added_time: exec.addedTime,
    queued_time: exec.queuedTime,
    started_time: null,
    ended_time: null,
    stats: null,
  };
}

export function inputRow(nodeExecId: string, pin: PinValue, ordinal: number): NodeExecutionInputTable {
  return { node_exec_id: nodeExecId, name: pin.name, ordinal, value: toJson(pin.value) };
}

type NodeUpdate = Extract<RunChange, { type: 'node.update' }>;

export function nodeUpdateColumns(change: NodeUpdate): Updateable<NodeExecutionTable> {
  const set: Updateable<NodeExecutionTable> = {};
  if (change.status !== undefined) set.status = change.status;
  if (change.executionData !== undefined) set.execution_data = toJsonOrNull(change.executionData);
  if (change.queuedTime !== undefined) set.queued_time = change.queuedTime;
  if (change.startedTime !== undefined) set.started_time = change.startedTime;
  if (change.endedTime !== undefined) set.ended_time = change.endedTime;
  if (change.stats !== undefined) set.stats = toJsonOrNull(change.stats);
  return set;
}

/** `inputs` and `outputs` are this execution's rows, in `ordinal` order. */
export function toNodeExecRecord(
  row: NodeExecutionTable,
  inputs: readonly NodeExecutionInputTable[],
  outputs: readonly NodeExecutionOutputTable[],
): NodeExecutionRecord {
  return {
    id: row.id,
    graphExecId: row.graph_exec_id,
    nodeId: row.node_id,
    blockId: row.block_id,
    seq: row.seq,
    status: row.status,
    executionData: fromJsonOrNull(row.execution_data),
    addedTime: row.added_time,
    queuedTime: row.queued_time,
    startedTime: row.started_time,
    endedTime: row.ended_time,
    stats: fromJsonOrNull<NodeExecutionStats>(row.stats),
    inputs: inputs.map((input) => ({ name: input.name, value: fromJson<unknown>(input.value) })),
    outputs: outputs.map((output) => ({
      name: output.name,
      value: fromJson<unknown>(output.value),
      time: output.time,
    })),
  };
}
