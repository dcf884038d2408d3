import type { BlockRegistry } from '@blockloom/sdk';
import type { Graph } from '@blockloom/graph';

export interface PrintableIssue {
  graph_id?: string;
  node_id?: string;
  field?: string;
  message: string;
}

/** "node 6762da5d… (CalculatorBlock), field "a": This field is required" — where, what, and the fix. */
export function formatIssue(
  issue: PrintableIssue,
  graphs: readonly Graph[],
  registry: BlockRegistry,
): string {
  const parts: string[] = [];
  if (issue.node_id) {
    const node = graphs.flatMap((graph) => graph.nodes).find((candidate) => candidate.id === issue.node_id);
    const blockName = node ? registry.get(node.block_id)?.name : undefined;
    const label =
      typeof node?.metadata.customized_name === 'string' ? `"${node.metadata.customized_name}" ` : '';
    parts.push(`node ${label}${issue.node_id}${blockName ? ` (${blockName})` : ''}`);
  }
  if (issue.field) parts.push(`field "${issue.field}"`);
  return parts.length > 0 ? `${parts.join(', ')}: ${issue.message}` : issue.message;
}
