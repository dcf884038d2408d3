/** Test-only graph builder (not exported from index.ts). */
import type { Graph, GraphWithSubgraphs } from './model';

interface TestNode {
  id: string;
  block_id: string;
  input_default?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}
interface TestLink {
  source_id: string;
  sink_id: string;
  source_name: string;
  sink_name: string;
  is_static?: boolean;
}

/** A graph `g1`: the given nodes (empty constants unless set) and links (ids `l1`, `l2`, …). */
export function graphOf(
  nodes: TestNode[],
  links: TestLink[] = [],
  extra: { id?: string; version?: number; name?: string; sub_graphs?: Graph[] } = {},
): GraphWithSubgraphs {
  return {
    id: extra.id ?? 'g1',
    version: extra.version ?? 1,
    is_active: true,
    name: extra.name ?? 'Test graph',
    description: '',
    instructions: null,
    recommended_schedule_cron: null,
    forked_from_id: null,
    forked_from_version: null,
    nodes: nodes.map((node) => ({ input_default: {}, metadata: {}, ...node })),
    links: links.map((link, i) => ({ id: `l${i + 1}`, is_static: false, ...link })),
    sub_graphs: extra.sub_graphs ?? [],
  };
}
