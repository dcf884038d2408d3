import type { BlockRegistry } from '@blockloom/sdk';
import { AGENT_EXECUTOR_BLOCK_ID, exportGraph, type StoredGraph } from '@blockloom/graph';
import type { GraphStore } from '@blockloom/engine';

/** GraphMeta (internals §2.1): GraphBaseMeta plus owner and creation time, for list endpoints. */
export function toGraphMeta(graph: StoredGraph) {
  return {
    id: graph.id,
    version: graph.version,
    is_active: graph.is_active,
    name: graph.name,
    description: graph.description,
    instructions: graph.instructions,
    recommended_schedule_cron: graph.recommended_schedule_cron,
    forked_from_id: graph.forked_from_id,
    forked_from_version: graph.forked_from_version,
    user_id: graph.user_id,
    created_at: graph.created_at,
  };
}

/**
 * The sub-graphs a graph's AgentExecutor nodes run, breadth-first, each once, only through graphs owned by
 * the same user (internals §2.2); the root is never in the list.
 */
export async function collectSubGraphs(store: GraphStore, root: StoredGraph): Promise<StoredGraph[]> {
  const seen = new Set([`${root.id}@${root.version}`]);
  const found: StoredGraph[] = [];
  const queue: StoredGraph[] = [root];
  for (let graph = queue.shift(); graph; graph = queue.shift()) {
    for (const node of graph.nodes) {
      if (node.block_id !== AGENT_EXECUTOR_BLOCK_ID) continue;
      const { graph_id: id, graph_version: version } = node.input_default;
      if (typeof id !== 'string' || typeof version !== 'number') continue;
      const key = `${id}@${version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sub = await store.getGraph(id, { version, userId: root.user_id });
      if (!sub) continue;
      found.push(sub);
      queue.push(sub);
    }
  }
  return found;
}

/** GraphModel as `GET /api/graphs/{id}` serves it; with `forExport`, the "download agent" file. */
export async function graphModel(
  deps: { store: GraphStore; registry: BlockRegistry },
  graph: StoredGraph,
  forExport: boolean,
) {
  const subGraphs = await collectSubGraphs(deps.store, graph);
  return exportGraph(graph, deps.registry, { forExport, subGraphs });
}
