import type { Graph, Link, Node } from './model';

/** Lookups the validator and the engine need on every step, built once per graph version. */
export interface GraphIndex {
  readonly graph: Graph;
  readonly nodes: ReadonlyMap<string, Node>;
  node(id: string): Node | undefined;
  /** Links whose sink is the node, in graph order. */
  inbound(nodeId: string): readonly Link[];
  /** Links whose source is the node, in graph order. */
  outbound(nodeId: string): readonly Link[];
}

const none: readonly Link[] = Object.freeze([]);

function append(map: Map<string, Link[]>, key: string, link: Link): void {
  const list = map.get(key);
  if (list) list.push(link);
  else map.set(key, [link]);
}

/** Indexes a graph. Links to nodes the graph lacks are indexed too, so nothing is lost before validation. */
export function createGraphIndex(graph: Graph): GraphIndex {
  const nodes = new Map<string, Node>();
  for (const node of graph.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const inbound = new Map<string, Link[]>();
  const outbound = new Map<string, Link[]>();
  for (const link of graph.links) {
    append(inbound, link.sink_id, link);
    append(outbound, link.source_id, link);
  }
  return {
    graph,
    nodes,
    node: (id) => nodes.get(id),
    inbound: (nodeId) => inbound.get(nodeId) ?? none,
    outbound: (nodeId) => outbound.get(nodeId) ?? none,
  };
}
