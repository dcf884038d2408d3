import type { BlockRegistry } from '@blockloom/sdk';
import {
  exportGraph,
  importGraph,
  parseGraph,
  parseGraphJson,
  validateGraph,
  type Graph,
  type GraphWithSubgraphs,
} from '@blockloom/graph';

/**
 * The static half of a compatibility row: does the file parse, survive import → export → parse, and
 * validate against the registry (and if not, which blocks are missing, by name).
 */

/** Block ids found in old agents that no version of AutoGPT registers any more (catalogue §1.11). */
const legacyBlocks: Readonly<Record<string, string>> = {
  'd3f4g5h6-1i2j-3k4l-5m6n-7o8p9q0r1s2t': 'the Discord reader',
  'h1i2j3k4-5l6m-7n8o-9p0q-r1s2t3u4v5w6': 'the Discord sender',
};

/** What a block id the registry lacks is called in reports. */
export function missingBlockName(blockId: string): string {
  return legacyBlocks[blockId]
    ? `legacy block ${blockId} (${legacyBlocks[blockId]}; not in AutoGPT either)`
    : `unknown block ${blockId}`;
}

export interface StaticReport {
  parsed?: GraphWithSubgraphs;
  parseError?: string;
  /** Undefined when the file does not parse. */
  roundTripProblem?: string;
  issues: string[];
  missingBlocks: string[];
}

/** Links as "sourceIndex:pin->sinkIndex:pin", which survive the id reassignment of an import. */
function linkShape(graph: Graph): string[] {
  const index = (id: string) => graph.nodes.findIndex((node) => node.id === id);
  return graph.links
    .map((link) => `${index(link.source_id)}:${link.source_name}->${index(link.sink_id)}:${link.sink_name}`)
    .sort();
}

/** Import, export for download, parse again: the same blocks in the same order, linked the same way. */
function roundTripProblem(graph: GraphWithSubgraphs, registry: BlockRegistry): string | undefined {
  const imported = importGraph(graph, { userId: 'compat' });
  const exported = exportGraph(imported, registry, { subGraphs: imported.sub_graphs, forExport: true });
  const again = parseGraph(JSON.parse(JSON.stringify(exported)) as unknown);
  if (!again.ok) return `the export does not parse: ${again.issues.map((i) => i.message).join('; ')}`;
  const blocks = (g: Graph) => g.nodes.map((node) => node.block_id).join(',');
  if (blocks(again.graph) !== blocks(graph)) return 'the export changed the nodes';
  if (linkShape(again.graph).join('|') !== linkShape(graph).join('|')) return 'the export changed the links';
  return undefined;
}

export function analyseGraphFile(text: string, registry: BlockRegistry): StaticReport {
  const parsed = parseGraphJson(text);
  if (!parsed.ok) {
    return {
      parseError: parsed.issues.map((issue) => issue.message).join('; '),
      roundTripProblem: 'not parsed',
      issues: [],
      missingBlocks: [],
    };
  }
  const graph = parsed.graph;
  const nodes = [graph, ...graph.sub_graphs].flatMap((g) => g.nodes);
  const issues = validateGraph(graph, registry, { forRun: false });
  const missing = issues
    .filter((issue) => issue.code === 'unknown_block')
    .map((issue) => nodes.find((node) => node.id === issue.node_id)?.block_id ?? '?');
  const problem = roundTripProblem(graph, registry);
  return {
    parsed: graph,
    ...(problem ? { roundTripProblem: problem } : {}),
    issues: issues.map((issue) => `${issue.node_id ? `node ${issue.node_id}: ` : ''}${issue.message}`),
    missingBlocks: [...new Set(missing)].sort().map(missingBlockName),
  };
}
