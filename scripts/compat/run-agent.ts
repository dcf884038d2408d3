import {
  GraphValidationError,
  saveGraph,
  type GraphExecutionWithNodes,
  type NodeExecutionResult,
} from '@blockloom/engine';
import type { GraphWithSubgraphs } from '@blockloom/graph';
import { LOCAL_USER_ID, type Runtime } from '../../packages/cli/src/runtime';
import { outputLines } from './preview';

// One agent's run, as `blockloom run` does it, reported with the node ids the file has.

/** A node execution that ended FAILED: where, which block, and the error it stored. */
export interface FailedNode {
  /** The node's id as the file has it. */
  nodeId: string;
  block: string;
  error: string;
  /** The node's `error` pin is linked: the agent routes this failure somewhere by design. */
  routed: boolean;
}

/** What one node execution did, for assertions on nodes that feed no graph output. */
export interface NodeRun {
  nodeId: string;
  block: string;
  status: string;
  outputs: Record<string, unknown[]>;
}

export interface RunReport {
  /** The run's final status; REFUSED when the engine would not start it, TIMEOUT when it did not finish. */
  status: 'COMPLETED' | 'FAILED' | 'TERMINATED' | 'REFUSED' | 'TIMEOUT';
  /** Why the run was refused or timed out. */
  reason?: string;
  outputs: Record<string, unknown[]>;
  /** Each graph output's name and a short preview of its value(s). */
  outputSummary: string[];
  nodeRuns: number;
  failedNodes: FailedNode[];
  nodes: NodeRun[];
}

/** A report of a run that produced nothing (refused, or lost). */
const nothing = () => ({ outputs: {}, outputSummary: [], nodeRuns: 0, failedNodes: [], nodes: [] });

function errorText(node: NodeExecutionResult): string {
  const error = node.output_data.error?.[0];
  return typeof error === 'string' ? error : JSON.stringify(error ?? null);
}

interface RunContext {
  runtime: Runtime;
  graph: GraphWithSubgraphs;
  fileIdOf: (id: string) => string;
}

function runReport(result: GraphExecutionWithNodes, context: RunContext): RunReport {
  const blockName = (id: string) => context.runtime.registry.get(id)?.name ?? id;
  const links = [context.graph, ...context.graph.sub_graphs].flatMap((g) => g.links);
  const failedNodes = result.node_executions
    .filter((node) => node.status === 'FAILED')
    .map((node) => {
      const nodeId = context.fileIdOf(node.node_id);
      const routed = links.some((link) => link.source_id === nodeId && link.source_name === 'error');
      return { nodeId, block: blockName(node.block_id), error: errorText(node), routed };
    });
  const nodes = result.node_executions.map((node) => ({
    nodeId: context.fileIdOf(node.node_id),
    block: blockName(node.block_id),
    status: node.status,
    outputs: node.output_data,
  }));
  const status = result.status === 'COMPLETED' || result.status === 'TERMINATED' ? result.status : 'FAILED';
  return {
    status,
    outputs: result.outputs,
    outputSummary: outputLines(result.outputs),
    nodeRuns: nodes.length,
    failedNodes,
    nodes,
  };
}

/** "operation, a, b: This field is required (node c5e2d556)": the issues grouped by message and node. */
function refusal(error: GraphValidationError, fileIdOf: (id: string) => string): string {
  const groups = new Map<string, string[]>();
  for (const issue of error.issues) {
    const where = issue.node_id ? ` (node ${fileIdOf(issue.node_id).slice(0, 8)})` : '';
    const key = `${issue.message}${where}`;
    groups.set(key, [...(groups.get(key) ?? []), ...(issue.field ? [issue.field] : [])]);
  }
  return [...groups]
    .map(([key, fields]) => `${fields.length ? `${fields.join(', ')}: ` : ''}${key}`)
    .join('; ');
}

/** Imports, runs and waits for one agent, as `blockloom run` does. */
export async function runAgent(
  runtime: Runtime,
  graph: GraphWithSubgraphs,
  options: { inputs: Record<string, unknown>; timeoutMs: number },
): Promise<RunReport> {
  const saved = await saveGraph(runtime, graph, { userId: LOCAL_USER_ID, now: new Date().toISOString() });
  // Import gave every node a new id; reports name nodes as the file does.
  const fileIds = new Map<string, string>();
  [saved.graph, ...saved.subGraphs].forEach((g, i) =>
    g.nodes.forEach((node, n) =>
      fileIds.set(node.id, [graph, ...graph.sub_graphs][i]?.nodes[n]?.id ?? node.id),
    ),
  );
  const fileIdOf = (id: string) => fileIds.get(id) ?? id;
  let runId: string;
  try {
    const meta = await runtime.engine.executeGraph({
      userId: LOCAL_USER_ID,
      graphId: saved.graph.id,
      inputs: options.inputs,
    });
    runId = meta.id;
  } catch (error) {
    if (!(error instanceof GraphValidationError)) throw error;
    const reason = refusal(error, fileIdOf);
    return { ...nothing(), status: 'REFUSED', reason };
  }
  const context = { runtime, graph, fileIdOf };
  try {
    const result = await runtime.engine.waitForCompletion(runId, { timeoutMs: options.timeoutMs });
    return runReport(result, context);
  } catch (error) {
    await runtime.engine.stopGraphExecution(LOCAL_USER_ID, runId, { waitMs: 5_000 });
    const stopped = await runtime.engine.getGraphExecution(runId);
    const partial = stopped ? runReport(stopped, context) : undefined;
    return {
      ...(partial ?? nothing()),
      status: 'TIMEOUT',
      reason: `not finished after ${options.timeoutMs} ms (${String(error)})`,
    };
  }
}
