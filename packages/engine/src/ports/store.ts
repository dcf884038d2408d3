import type { CredentialsMeta } from '@blockloom/sdk';
import type { StoredGraph } from '@blockloom/graph';
import type { ExecutionStatus } from './status';

/**
 * The store port. Graph versions are immutable rows; executions are written by the one worker that owns a run
 * (it holds the run's lock), through `commit`, which applies a batch of changes atomically. The engine persists
 * every change before it announces it, so a crash loses at most work that was never announced.
 *
 * Times are ISO-8601 strings in UTC with milliseconds. `seq` orders node executions of one run by creation
 * (AutoGPT orders by `addedTime`; a counter is exact where clocks tie).
 */

/** Stats as stored for a graph run (`GraphExecutionStats`, internals §3.12); unknown keys are kept. */
export interface GraphExecutionStats {
  error?: string | null;
  walltime?: number;
  cputime?: number;
  nodes_walltime?: number;
  nodes_cputime?: number;
  node_count?: number;
  node_error_count?: number;
  cost?: number;
  activity_status?: string | null;
  correctness_score?: number | null;
  is_dry_run?: boolean;
  [key: string]: unknown;
}

/** Stats as stored for a node run (`NodeExecutionStats`, internals §3.7); unknown keys are kept. */
export interface NodeExecutionStats {
  error?: string | null;
  walltime?: number;
  cputime?: number;
  input_size?: number;
  output_size?: number;
  llm_call_count?: number;
  llm_retry_count?: number;
  input_token_count?: number;
  output_token_count?: number;
  extra_cost?: number;
  extra_steps?: number;
  [key: string]: unknown;
}

export interface GraphExecutionRecord {
  id: string;
  graphId: string;
  graphVersion: number;
  userId: string;
  status: ExecutionStatus;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  inputs: Record<string, unknown>;
  credentialInputs: Record<string, CredentialsMeta>;
  nodesInputMasks: Record<string, Record<string, unknown>> | null;
  stats: GraphExecutionStats | null;
  parentGraphExecutionId: string | null;
  presetId: string | null;
  isDeleted: boolean;
}

export interface PinValue {
  name: string;
  value: unknown;
}

export interface NodeExecutionRecord {
  id: string;
  graphExecId: string;
  nodeId: string;
  blockId: string;
  /** Creation order within the run. */
  seq: number;
  status: ExecutionStatus;
  /** The final resolved input, set when the execution is queued. */
  executionData: Record<string, unknown> | null;
  addedTime: string;
  queuedTime: string | null;
  startedTime: string | null;
  endedTime: string | null;
  stats: NodeExecutionStats | null;
  /** Input pins in arrival order; at most one value per name. */
  inputs: PinValue[];
  /** Outputs in yield order; a pin may repeat. */
  outputs: (PinValue & { time: string })[];
}

export interface NewNodeExecution {
  id: string;
  nodeId: string;
  blockId: string;
  seq: number;
  status: 'INCOMPLETE' | 'QUEUED';
  addedTime: string;
  queuedTime: string | null;
  executionData: Record<string, unknown> | null;
  inputs: PinValue[];
}

export interface NewGraphExecution {
  id: string;
  graphId: string;
  graphVersion: number;
  userId: string;
  /** INCOMPLETE at creation; the creator moves it to QUEUED with a conditional update. */
  createdAt: string;
  inputs: Record<string, unknown>;
  credentialInputs: Record<string, CredentialsMeta>;
  nodesInputMasks: Record<string, Record<string, unknown>> | null;
  parentGraphExecutionId: string | null;
  presetId: string | null;
  stats: GraphExecutionStats | null;
  /** Starting node executions, created in the same transaction. */
  nodeExecutions: NewNodeExecution[];
}

/** One change in a run; a `commit` applies a list of them in one transaction, in order. */
export type RunChange =
  | { type: 'node.create'; nodeExecution: NewNodeExecution }
  | { type: 'node.input'; nodeExecId: string; name: string; value: unknown }
  | { type: 'node.output'; nodeExecId: string; name: string; value: unknown; time: string }
  | {
      type: 'node.update';
      nodeExecId: string;
      status?: ExecutionStatus;
      executionData?: Record<string, unknown>;
      queuedTime?: string;
      startedTime?: string;
      endedTime?: string;
      stats?: NodeExecutionStats;
    }
  | {
      type: 'graph.update';
      status?: ExecutionStatus;
      startedAt?: string;
      endedAt?: string;
      stats?: GraphExecutionStats;
    };

export interface GraphExecutionPatch {
  status?: ExecutionStatus;
  startedAt?: string;
  endedAt?: string;
  stats?: GraphExecutionStats;
  isDeleted?: boolean;
}

export interface ListGraphExecutionsQuery {
  userId?: string;
  graphId?: string;
  statuses?: readonly ExecutionStatus[];
  parentGraphExecutionId?: string;
  /** Newest first. */
  limit?: number;
  offset?: number;
  includeDeleted?: boolean;
}

export interface GraphStore {
  /** Inserts one graph version; throws if (id, version) exists. */
  createGraph(graph: StoredGraph): Promise<void>;
  /** A version, or the highest version when `version` is omitted; filtered by owner when `userId` is given. */
  getGraph(id: string, options?: { version?: number; userId?: string }): Promise<StoredGraph | undefined>;
  /** Every version of a graph, highest first. */
  listGraphVersions(id: string, options?: { userId?: string }): Promise<StoredGraph[]>;
  /** The active version of each of the user's graphs, newest first. */
  listGraphs(userId: string): Promise<StoredGraph[]>;
  /** Makes `version` the only active version. Returns false when that version does not exist. */
  setActiveGraphVersion(id: string, version: number): Promise<boolean>;
  /** Deletes every version; returns how many there were. */
  deleteGraph(id: string): Promise<number>;
}

export interface ExecutionStore {
  /** Inserts a run (status INCOMPLETE) and its starting node executions atomically. */
  createGraphExecution(execution: NewGraphExecution): Promise<GraphExecutionRecord>;
  getGraphExecution(id: string): Promise<GraphExecutionRecord | undefined>;
  listGraphExecutions(
    query: ListGraphExecutionsQuery,
  ): Promise<{ items: GraphExecutionRecord[]; total: number }>;
  /**
   * Updates a run. With `onlyFrom`, the update applies only while the current status is one of those
   * (AutoGPT's conditional transition); either way the row as it now stands is returned.
   */
  updateGraphExecution(
    id: string,
    patch: GraphExecutionPatch,
    onlyFrom?: readonly ExecutionStatus[],
  ): Promise<GraphExecutionRecord | undefined>;
  /** Applies changes to one run atomically: all or none. `updatedAt` is set to `now`. */
  commit(graphExecId: string, changes: readonly RunChange[], now: string): Promise<void>;
  /** Node executions of a run, ordered by `seq`, with their inputs and outputs. */
  listNodeExecutions(graphExecId: string): Promise<NodeExecutionRecord[]>;
  getNodeExecution(id: string): Promise<NodeExecutionRecord | undefined>;
}

/** Where a block's durable value lives: one user's namespace (a graph's, or the user's own) and key. */
export interface BlockValueKey {
  userId: string;
  namespace: string;
  key: string;
}

/** Durable key-value storage for blocks (PersistInformation / RetrieveInformation), per user. */
export interface BlockValueStore {
  /** The stored value, or undefined when the key was never set. */
  getBlockValue(at: BlockValueKey): Promise<unknown>;
  /** Sets (or replaces) the value; `undefined` is stored as null. */
  setBlockValue(at: BlockValueKey, value: unknown): Promise<void>;
}

export interface Store extends GraphStore, ExecutionStore, BlockValueStore {
  /** Releases connections. */
  close(): Promise<void>;
}
