import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBlockRegistry } from '@blockloom/sdk';
import { coreBlocks } from '@blockloom/blocks';
import { exportGraph, importGraph, parseGraph, parseGraphJson, validateGraph } from '@blockloom/graph';

const agentsDir = resolve(import.meta.dirname, '../../../../shared/compat/agents');
const files = readdirSync(agentsDir)
  .filter((file) => file.endsWith('.json'))
  .sort();
const registry = createBlockRegistry(coreBlocks);

describe('the 16 AutoGPT agents in shared/compat/agents', () => {
  it('are all here', () => {
    expect(files).toHaveLength(16);
  });

  it.each(files)(
    '%s parses, validates or names exactly the blocks not implemented, and round-trips',
    (file) => {
      const parsed = parseGraphJson(readFileSync(join(agentsDir, file), 'utf8'));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const graph = parsed.graph;
      const allNodes = [graph, ...graph.sub_graphs].flatMap((g) => g.nodes);
      const missing = new Set(allNodes.map((node) => node.block_id).filter((id) => !registry.has(id)));

      const issues = validateGraph(graph, registry, { forRun: false });
      const unknown = issues.filter((issue) => issue.code === 'unknown_block');
      const reported = new Set(
        unknown.map((issue) => allNodes.find((node) => node.id === issue.node_id)?.block_id),
      );
      expect(reported).toEqual(missing);
      for (const issue of unknown)
        expect(issue.message).toContain(allNodes.find((n) => n.id === issue.node_id)?.block_id);
      if (missing.size === 0) expect(issues).toEqual([]);

      const imported = importGraph(graph, { userId: 'someone' });
      const exported = exportGraph(imported, registry, { subGraphs: imported.sub_graphs, forExport: true });
      const again = parseGraph(JSON.parse(JSON.stringify(exported)));
      if (!again.ok) throw new Error(JSON.stringify(again.issues));
      expect(again.graph.nodes.map((node) => node.block_id)).toEqual(
        graph.nodes.map((node) => node.block_id),
      );
      expect(again.graph.links).toHaveLength(graph.links.length);
      expect(again.graph.name).toBe(graph.name);
      // Links still connect the same blocks through the same pins after the ids were reassigned.
      const shape = (g: typeof graph) =>
        g.links
          .map((link) => {
            const source = g.nodes.findIndex((node) => node.id === link.source_id);
            const sink = g.nodes.findIndex((node) => node.id === link.sink_id);
            return `${source}:${link.source_name}->${sink}:${link.sink_name}`;
          })
          .sort();
      expect(shape(again.graph)).toEqual(shape(graph));
      expect(exported.user_id).toBe('');
    },
  );
});
