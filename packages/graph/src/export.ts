import type { BlockRegistry, BlockType, JsonSchema } from '@blockloom/sdk';
import { graphCredentialsInputSchema, type CredentialsInputSchema } from './credentials-schema';
import { cloneJson } from './json';
import type { Graph, GraphWithSubgraphs, Link, Node, StoredGraph } from './model';
import { graphInputSchema, graphOutputSchema, type GraphIoSchema } from './schemas';
import { stripSecrets } from './secrets';

/** A node as exports carry it (AutoGPT's `NodeModel`, internals §2.1). */
export interface NodeExportJson {
  id: string;
  block_id: string;
  input_default: Record<string, unknown>;
  metadata: Record<string, unknown>;
  input_links: Link[];
  output_links: Link[];
  graph_id: string;
  graph_version: number;
  webhook_id: string | null;
}

export interface TriggerSetupInfo {
  provider: string;
  config_schema: JsonSchema;
  credentials_input_name: string | null;
}

/** AutoGPT's `BaseGraph` with its computed fields: how each sub-graph is exported. */
export interface BaseGraphExportJson {
  id: string;
  version: number;
  is_active: boolean;
  name: string;
  description: string;
  instructions: string | null;
  recommended_schedule_cron: string | null;
  forked_from_id: string | null;
  forked_from_version: number | null;
  nodes: NodeExportJson[];
  links: Link[];
  input_schema: GraphIoSchema;
  output_schema: GraphIoSchema;
  has_external_trigger: boolean;
  has_human_in_the_loop: boolean;
  has_sensitive_action: boolean;
  trigger_setup_info: TriggerSetupInfo | null;
}

/** The exported file (AutoGPT's `GraphModel`), fields in the order of internals §2.2. */
export interface GraphExportJson {
  id: string;
  version: number;
  is_active: boolean;
  name: string;
  description: string;
  instructions: string | null;
  recommended_schedule_cron: string | null;
  forked_from_id: string | null;
  forked_from_version: number | null;
  user_id: string;
  /** Null for a graph that was never stored. */
  created_at: string | null;
  nodes: NodeExportJson[];
  links: Link[];
  sub_graphs: BaseGraphExportJson[];
  input_schema: GraphIoSchema;
  output_schema: GraphIoSchema;
  credentials_input_schema: CredentialsInputSchema;
  has_external_trigger: boolean;
  has_human_in_the_loop: boolean;
  has_sensitive_action: boolean;
  trigger_setup_info: TriggerSetupInfo | null;
}

export interface ExportGraphOptions {
  /** Sub-graphs to bundle; the caller finds them breadth-first through AgentExecutor nodes. */
  subGraphs: Graph[];
  /** A download: strip secrets, blank `user_id` and `webhook_id`. */
  forExport: boolean;
}

/** A link with its fields in wire order, whatever order the stored object has. */
function exportLink(link: Link): Link {
  const { id, source_id, sink_id, source_name, sink_name, is_static } = link;
  return { id, source_id, sink_id, source_name, sink_name, is_static };
}

function exportNode(
  node: Node,
  graph: Graph,
  context: { registry: BlockRegistry; forExport: boolean },
): NodeExportJson {
  const block = context.registry.get(node.block_id);
  let input_default = cloneJson(node.input_default);
  if (context.forExport) {
    input_default = stripSecrets(input_default, block?.inputSchema);
    // v2026 drops the value of secret inputs. With the block unknown its type is too, so any node flagged
    // `secret: true` loses its value: an export must never leak one.
    const mayBeInput = block === undefined || block.type === 'Input';
    if (mayBeInput && input_default.secret === true) delete input_default.value;
  }
  return {
    id: node.id,
    block_id: node.block_id,
    input_default,
    metadata: cloneJson(node.metadata),
    input_links: graph.links.filter((link) => link.sink_id === node.id).map(exportLink),
    output_links: graph.links.filter((link) => link.source_id === node.id).map(exportLink),
    graph_id: graph.id,
    graph_version: graph.version,
    webhook_id: context.forExport ? null : (node.webhook_id ?? null),
  };
}

function usesBlockType(graph: Graph, registry: BlockRegistry, types: readonly BlockType[]): boolean {
  return graph.nodes.some((node) => {
    const type = registry.get(node.block_id)?.type;
    return type !== undefined && types.includes(type);
  });
}

/**
 * The computed flags. `has_sensitive_action` is false and `trigger_setup_info` null because the block SDK
 * declares neither sensitive actions nor webhook configs yet.
 */
function computedFlags(graph: Graph, registry: BlockRegistry) {
  return {
    has_external_trigger: usesBlockType(graph, registry, ['Webhook', 'Webhook (manual)']),
    has_human_in_the_loop: usesBlockType(graph, registry, ['Human In The Loop']),
    has_sensitive_action: false,
    trigger_setup_info: null,
  };
}

function meta(graph: Graph) {
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
  };
}

function exportBaseGraph(graph: Graph, registry: BlockRegistry, forExport: boolean): BaseGraphExportJson {
  return {
    ...meta(graph),
    nodes: graph.nodes.map((node) => exportNode(node, graph, { registry, forExport })),
    links: graph.links.map(exportLink),
    input_schema: graphInputSchema(graph, registry),
    output_schema: graphOutputSchema(graph, registry),
    ...computedFlags(graph, registry),
  };
}

/**
 * A graph as AutoGPT serialises it (internals §2.2): `GET /api/graphs/{id}` and, with `forExport`, the
 * "download agent" file. Nodes whose block is unknown are exported as they are; only the name rule can
 * strip their secrets.
 */
export function exportGraph(
  graph: StoredGraph | GraphWithSubgraphs,
  registry: BlockRegistry,
  options: ExportGraphOptions,
): GraphExportJson {
  const { forExport, subGraphs } = options;
  const base = exportBaseGraph(graph, registry, forExport);
  const stored = 'user_id' in graph ? graph : undefined;
  return {
    ...meta(graph),
    user_id: forExport ? '' : (stored?.user_id ?? ''),
    created_at: stored?.created_at ?? null,
    nodes: base.nodes,
    links: base.links,
    sub_graphs: subGraphs.map((sub) => exportBaseGraph(sub, registry, forExport)),
    input_schema: base.input_schema,
    output_schema: base.output_schema,
    credentials_input_schema: graphCredentialsInputSchema({ ...graph, sub_graphs: subGraphs }, registry),
    ...computedFlags(graph, registry),
  };
}
