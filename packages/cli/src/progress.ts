import type { BlockRegistry } from '@blockloom/sdk';
import type { Graph } from '@blockloom/graph';
import type { NodeExecutionEvent } from '@blockloom/engine';

const marks: Record<string, string> = {
  QUEUED: '·',
  RUNNING: '▸',
  COMPLETED: '✓',
  FAILED: '✗',
  TERMINATED: '■',
  REVIEW: '?',
};

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const line = (text ?? 'null').replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/**
 * A line per node status change, with outputs on completion: readable live and in a log file alike. Nodes are
 * named by their ids in the file (`fileIdOf` maps the imported copy's ids back).
 */
export function createProgressPrinter(
  context: { graphs: readonly Graph[]; registry: BlockRegistry; fileIdOf: (id: string) => string },
  write: (line: string) => void,
) {
  const { graphs, registry, fileIdOf } = context;
  const nodes = new Map(graphs.flatMap((graph) => graph.nodes).map((node) => [node.id, node]));
  const seen = new Map<string, string>();
  return (event: NodeExecutionEvent) => {
    if (event.status === 'INCOMPLETE' || seen.get(event.node_exec_id) === event.status) return;
    seen.set(event.node_exec_id, event.status);
    const nodeId = fileIdOf(event.node_id);
    const node = nodes.get(nodeId);
    const block = registry.get(event.block_id);
    const custom = node?.metadata.customized_name;
    const label = typeof custom === 'string' ? custom : (block?.name.replace(/Block$/, '') ?? event.block_id);
    let line = `  ${marks[event.status] ?? ' '} ${label} [${nodeId.slice(0, 8)}] ${event.status}`;
    if (event.status === 'COMPLETED' || event.status === 'FAILED') {
      const outputs = Object.entries(event.output_data)
        .map(([pin, values]) => `${pin}=${values.map(preview).join(', ')}`)
        .join('  ');
      if (outputs) line += `  ${outputs}`;
    }
    write(`${line}\n`);
  };
}
