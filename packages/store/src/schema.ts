import type { ExecutionStatus } from '@blockloom/engine';

/**
 * The tables as Kysely sees them. Portable on purpose, so PostgreSQL is a dialect switch: JSON is TEXT
 * (the adapter serialises it), times are ISO-8601 TEXT (they sort as strings), booleans are INTEGER 0/1.
 * Every column is written explicitly by the adapter, so none is `Generated`.
 */

export interface GraphTable {
  id: string;
  version: number;
  user_id: string;
  is_active: number;
  name: string;
  description: string;
  instructions: string | null;
  recommended_schedule_cron: string | null;
  forked_from_id: string | null;
  forked_from_version: number | null;
  created_at: string;
}

export interface GraphNodeTable {
  graph_id: string;
  graph_version: number;
  id: string;
  /** Position in the graph's node list, which is kept as given. */
  ordinal: number;
  block_id: string;
  input_default: string;
  metadata: string;
  webhook_id: string | null;
}

export interface GraphLinkTable {
  graph_id: string;
  graph_version: number;
  id: string;
  ordinal: number;
  source_id: string;
  sink_id: string;
  source_name: string;
  sink_name: string;
  is_static: number;
}

export interface GraphExecutionTable {
  id: string;
  graph_id: string;
  graph_version: number;
  user_id: string;
  status: ExecutionStatus;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  ended_at: string | null;
  inputs: string;
  credential_inputs: string;
  nodes_input_masks: string | null;
  stats: string | null;
  parent_graph_execution_id: string | null;
  preset_id: string | null;
  is_deleted: number;
}

export interface NodeExecutionTable {
  id: string;
  graph_exec_id: string;
  node_id: string;
  block_id: string;
  seq: number;
  status: ExecutionStatus;
  execution_data: string | null;
  added_time: string;
  queued_time: string | null;
  started_time: string | null;
  ended_time: string | null;
  stats: string | null;
}

/** One value per (node execution, pin); `ordinal` keeps arrival order. */
export interface NodeExecutionInputTable {
  node_exec_id: string;
  name: string;
  ordinal: number;
  value: string;
}

/** A pin may yield many times; `ordinal` keeps yield order. */
export interface NodeExecutionOutputTable {
  node_exec_id: string;
  ordinal: number;
  name: string;
  value: string;
  time: string;
}

export interface BlockValueTable {
  user_id: string;
  namespace: string;
  key: string;
  value: string;
  updated_at: string;
}

export interface Database {
  graphs: GraphTable;
  graph_nodes: GraphNodeTable;
  graph_links: GraphLinkTable;
  graph_executions: GraphExecutionTable;
  node_executions: NodeExecutionTable;
  node_execution_inputs: NodeExecutionInputTable;
  node_execution_outputs: NodeExecutionOutputTable;
  block_values: BlockValueTable;
}
