import type { BlockRegistry } from '@blockloom/sdk';
import { nodeInputPins, nodeOutputPins } from './block-pins';
import { createGraphIndex, type GraphIndex } from './graph-index';
import type { GraphIssue } from './issues';
import type { Graph, GraphWithSubgraphs, Link, Node } from './model';
import { sanitizePinName, TOOL_PIN_PREFIX } from './pins';
import { nodeIssues, type LocalIssue } from './validate-node';

export interface ValidateGraphOptions {
  /** Validate for a run: every node's required inputs, `depends_on`, block missing-input hooks. */
  forRun?: boolean;
  /** Per node id, input values the run supplies (graph inputs, presets); they count as provided. */
  nodesInputMasks?: Record<string, Record<string, unknown>>;
}

/**
 * Link checks of internals §2.4: both ends exist; the sanitised source pin is an output of the source block
 * and the sanitised sink pin an input of the sink block (tool pins exempt on the sink side).
 */
function linkIssues(link: Link, index: GraphIndex, registry: BlockRegistry): LocalIssue[] {
  const issues: LocalIssue[] = [];
  const ends = [
    { role: 'source', id: link.source_id, pin: link.source_name },
    { role: 'sink', id: link.sink_id, pin: link.sink_name },
  ] as const;
  for (const end of ends) {
    const node = index.node(end.id);
    if (!node) {
      issues.push({
        link_id: link.id,
        field: `${end.role}_id`,
        code: 'missing_node',
        message: `Link ${link.id}: its ${end.role} node ${end.id} is not in the graph`,
      });
      continue;
    }
    const block = registry.get(node.block_id);
    if (!block || (end.role === 'sink' && end.pin.startsWith(TOOL_PIN_PREFIX))) continue;
    const pins = end.role === 'source' ? nodeOutputPins(block, node) : nodeInputPins(block, node);
    const pin = sanitizePinName(end.pin);
    if (pins && !pins.has(pin)) {
      const kind = end.role === 'source' ? 'output' : 'input';
      issues.push({
        node_id: node.id,
        link_id: link.id,
        field: end.pin,
        code: 'unknown_pin',
        message: `Link ${link.id}: block ${block.name} has no ${kind} pin "${pin}"`,
      });
    }
  }
  return issues;
}

function graphIssues(graph: Graph, registry: BlockRegistry, options: ValidateGraphOptions): LocalIssue[] {
  const index = createGraphIndex(graph);
  const issues = graph.links.flatMap((link) => linkIssues(link, index, registry));
  for (const node of graph.nodes) {
    const block = registry.get(node.block_id);
    if (!block) {
      issues.push({
        node_id: node.id,
        code: 'unknown_block',
        message: `Unknown block ${node.block_id}: no block with this id is installed (it may not be implemented yet)`,
      });
      continue;
    }
    issues.push(
      ...nodeIssues({
        node,
        block,
        // A link from a node that does not exist provides nothing; it is reported once, above.
        inbound: index.inbound(node.id).filter((link) => index.node(link.source_id)),
        forRun: options.forRun ?? false,
        mask: options.nodesInputMasks?.[node.id],
      }),
    );
  }
  return issues;
}

/**
 * Every problem of the root graph and each sub-graph (internals §2.4), each stamped with its graph id.
 * Unlike AutoGPT, which raises on the first structural error, all issues are returned at once.
 */
export function validateGraph(
  graph: GraphWithSubgraphs,
  registry: BlockRegistry,
  options: ValidateGraphOptions = {},
): GraphIssue[] {
  return [graph, ...graph.sub_graphs].flatMap((each) =>
    graphIssues(each, registry, options).map((issue) => ({ graph_id: each.id, ...issue })),
  );
}

function withStaticLinks(graph: Graph, registry: BlockRegistry): Link[] {
  const index = createGraphIndex(graph);
  return graph.links.map((link) => {
    const source = index.node(link.source_id);
    const isStatic =
      link.is_static || (source !== undefined && registry.get(source.block_id)?.staticOutput === true);
    return { ...link, is_static: isStatic };
  });
}

/**
 * A copy whose links from static-output blocks are static (internals §2.4, "forced to is_static=true");
 * sub-graphs included. Other links keep their flag.
 */
export function forceStaticLinks<G extends Graph & { sub_graphs?: Graph[] }>(
  graph: G,
  registry: BlockRegistry,
): G {
  const copy: G = { ...graph, links: withStaticLinks(graph, registry) };
  if (graph.sub_graphs) {
    copy.sub_graphs = graph.sub_graphs.map((sub) => ({ ...sub, links: withStaticLinks(sub, registry) }));
  }
  return copy;
}

/**
 * The nodes a run starts with: no inbound link, or an Input block (§2.2); Note blocks never run (§10.4).
 * In graph order.
 */
export function startingNodes(graph: Graph, registry: BlockRegistry): Node[] {
  const index = createGraphIndex(graph);
  return graph.nodes.filter((node) => {
    const type = registry.get(node.block_id)?.type;
    if (type === 'Note') return false;
    return type === 'Input' || index.inbound(node.id).length === 0;
  });
}
