import { validateGraph } from '@blockloom/graph';
import { readGraphFile } from '../graph-file';
import { formatIssue } from '../issues';
import { loadRegistry } from '../registry';
import type { Output } from '../output';

/** `blockloom validate`: prints every validation issue; exit 1 if there is any. */
export async function validateCommand(
  options: { file: string; json: boolean },
  out: Output,
): Promise<number> {
  const graph = await readGraphFile(options.file);
  const registry = await loadRegistry();
  const issues = validateGraph(graph, registry, { forRun: false });
  if (options.json) {
    out.stdout(`${JSON.stringify({ valid: issues.length === 0, issues })}\n`);
  } else if (issues.length === 0) {
    out.stdout(`${options.file}: valid (${graph.nodes.length} nodes, ${graph.links.length} links)\n`);
  } else {
    out.stdout(`${options.file}: ${issues.length} issue(s)\n`);
    for (const issue of issues)
      out.stdout(`  ${formatIssue(issue, [graph, ...graph.sub_graphs], registry)}\n`);
  }
  return issues.length === 0 ? 0 : 1;
}
