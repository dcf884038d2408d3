import { randomUUID } from 'node:crypto';
import { cloneJson, isRecord } from './json';
import type { Graph, GraphWithSubgraphs, Node } from './model';

/** AutoGPT's AgentExecutorBlock, whose nodes point at other graphs (internals §1.7, §3.10). */
export const AGENT_EXECUTOR_BLOCK_ID = 'e189baac-8c20-45a1-94a7-55177ea42565';

export interface ImportGraphOptions {
  /** The importing user; AgentExecutor nodes run their child graph as this user. */
  userId: string;
  /** New ids for the root and each sub-graph (import, fork); false keeps them (new version). Default true. */
  reassignGraphId?: boolean;
  /** Id source, for deterministic tests. Default `crypto.randomUUID`. */
  newId?: () => string;
}

/**
 * AgentExecutor constants after import: the importing user, `inputs` present (the v2025a key `data` moved
 * there), and `graph_id` pointing at the bundled sub-graph's new id.
 */
function rewriteAgentExecutor(
  inputDefault: Record<string, unknown>,
  graphIds: ReadonlyMap<string, string>,
  userId: string,
) {
  const rewritten: Record<string, unknown> = { ...inputDefault, user_id: userId };
  if (!isRecord(rewritten.inputs)) {
    const legacy = rewritten.data;
    rewritten.inputs = isRecord(legacy) ? legacy : {};
    if (isRecord(legacy)) delete rewritten.data;
  }
  const target = typeof rewritten.graph_id === 'string' ? graphIds.get(rewritten.graph_id) : undefined;
  if (target !== undefined) rewritten.graph_id = target;
  return rewritten;
}

function reassignGraph(
  graph: Graph,
  context: { graphIds: ReadonlyMap<string, string>; options: ImportGraphOptions; newId: () => string },
): Graph {
  const nodeIds = new Map(graph.nodes.map((node) => [node.id, context.newId()] as const));
  const nodes = graph.nodes.map((node): Node => {
    const input_default = cloneJson(node.input_default);
    // `webhook_id` is not copied: a webhook belongs to the node it was set up for.
    return {
      id: nodeIds.get(node.id) ?? context.newId(),
      block_id: node.block_id,
      input_default:
        node.block_id === AGENT_EXECUTOR_BLOCK_ID
          ? rewriteAgentExecutor(input_default, context.graphIds, context.options.userId)
          : input_default,
      metadata: cloneJson(node.metadata),
    };
  });
  const links = graph.links.map((link) => ({
    ...link,
    id: context.newId(),
    // A link to a node the graph lacks keeps its dangling id, so validation still reports it.
    source_id: nodeIds.get(link.source_id) ?? link.source_id,
    sink_id: nodeIds.get(link.sink_id) ?? link.sink_id,
  }));
  return { ...graph, id: context.graphIds.get(graph.id) ?? graph.id, nodes, links };
}

/**
 * Prepares an uploaded graph for saving (AutoGPT's `reassign_ids`, internals §2.2 step 1): new ids for every
 * node and link, and for the root and each sub-graph unless `reassignGraphId` is false; links follow their
 * nodes; AgentExecutor nodes are rewritten for the importing user. Pure: the input is not changed.
 */
export function importGraph(parsed: GraphWithSubgraphs, options: ImportGraphOptions): GraphWithSubgraphs {
  const newId = options.newId ?? randomUUID;
  const graphIds = new Map<string, string>();
  if (options.reassignGraphId ?? true) {
    for (const graph of [parsed, ...parsed.sub_graphs])
      if (!graphIds.has(graph.id)) graphIds.set(graph.id, newId());
  }
  const context = { graphIds, options, newId };
  const { sub_graphs, ...root } = parsed;
  return {
    ...reassignGraph(root, context),
    sub_graphs: sub_graphs.map((sub) => reassignGraph(sub, context)),
  };
}
