import { readFile } from 'node:fs/promises';
import { parseGraphJson, type GraphWithSubgraphs } from '@blockloom/graph';
import { CliError } from './cli-error';

/** Reads and parses a graph JSON file; every problem is a CliError naming the file, node and field. */
export async function readGraphFile(path: string): Promise<GraphWithSubgraphs> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `Cannot read graph file ${path}: ${code === 'ENOENT' ? 'no such file' : String(error)}`,
    );
  }
  const parsed = parseGraphJson(text);
  if (!parsed.ok) {
    const lines = parsed.issues.map((issue) =>
      [
        issue.node_id ? `node ${issue.node_id}` : '',
        issue.field ? `field "${issue.field}"` : '',
        issue.message,
      ]
        .filter(Boolean)
        .join(', '),
    );
    throw new CliError(`${path} is not a valid graph:\n  ${lines.join('\n  ')}`);
  }
  return parsed.graph;
}
