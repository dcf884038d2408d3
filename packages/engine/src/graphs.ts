import type { BlockRegistry } from '@blockloom/sdk';
import {
  forceStaticLinks,
  importGraph,
  validateGraph,
  type Graph,
  type GraphWithSubgraphs,
  type StoredGraph,
} from '@blockloom/graph';
import { GraphValidationError } from './errors';
import type { GraphStore } from './ports/store';

export interface SaveGraphResult {
  graph: StoredGraph;
  subGraphs: StoredGraph[];
}

/**
 * Imports a parsed graph for a user (internals §2.2 "Import"): validated (not for a run); fresh ids for the
 * graph, its sub-graphs and nodes, AgentExecutor references rewritten; links from static-output blocks made
 * static; then the sub-graphs and the graph are stored. Throws GraphValidationError with every issue.
 */
export async function saveGraph(
  deps: { store: GraphStore; registry: BlockRegistry },
  parsed: GraphWithSubgraphs,
  options: { userId: string; now: string },
): Promise<SaveGraphResult> {
  const { store, registry } = deps;
  // Validated before ids are reassigned, so every issue names the node as the file does.
  const issues = validateGraph(parsed, registry, { forRun: false });
  if (issues.length > 0) {
    const first = issues[0];
    throw new GraphValidationError(
      `The graph "${parsed.name}" is not valid: ${first?.message}${issues.length > 1 ? ` and ${issues.length - 1} more issue(s)` : ''}`,
      issues,
    );
  }
  const imported = importGraph(parsed, { userId: options.userId });
  const stored = (graph: Graph): StoredGraph => {
    const { sub_graphs: _subGraphs, ...rest } = graph as Graph & { sub_graphs?: unknown };
    return { ...forceStaticLinks(rest, registry), user_id: options.userId, created_at: options.now };
  };
  const subGraphs = imported.sub_graphs.map(stored);
  for (const sub of subGraphs) await store.createGraph(sub);
  const graph = stored(imported);
  await store.createGraph(graph);
  return { graph, subGraphs };
}
