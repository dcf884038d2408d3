import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  channels,
  GraphValidationError,
  saveGraph,
  type GraphExecutionWithNodes,
  type NodeExecutionEvent,
} from '@blockloom/engine';
import type { Graph } from '@blockloom/graph';
import { CliError } from '../cli-error';
import { readGraphFile } from '../graph-file';
import { parseInputs } from '../inputs';
import { formatIssue } from '../issues';
import { createProgressPrinter } from '../progress';
import { createRuntime, LOCAL_USER_ID, type Runtime } from '../runtime';
import type { Output } from '../output';

export interface RunOptions {
  file: string;
  inputs?: string;
  input: string[];
  json: boolean;
  db?: string;
}

/** The `--json` result: exactly these four keys. */
export function runSummary(result: GraphExecutionWithNodes) {
  return { id: result.id, status: result.status, outputs: result.outputs, stats: result.stats };
}

/** Runs `action`; a GraphValidationError becomes a CliError listing every issue under `heading`. */
async function explainValidation<T>(
  context: { heading: string; graphs: readonly Graph[]; runtime: Runtime; fileIdOf?: (id: string) => string },
  action: () => Promise<T>,
): Promise<T> {
  const { heading, graphs, runtime, fileIdOf = (id: string) => id } = context;
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof GraphValidationError)) throw error;
    const lines = error.issues.map((issue) => {
      const named = issue.node_id ? { ...issue, node_id: fileIdOf(issue.node_id) } : issue;
      return `  ${formatIssue(named, graphs, runtime.registry)}`;
    });
    throw new CliError(`${heading}:\n${lines.join('\n')}`);
  }
}

/** `blockloom run`: imports the graph into the store, runs it, prints progress and outputs. */
export async function runCommand(options: RunOptions, out: Output): Promise<number> {
  const inputs = parseInputs(options.inputs, options.input);
  const parsed = await readGraphFile(options.file);
  const tempDir = options.db ? undefined : await mkdtemp(join(tmpdir(), 'blockloom-run-'));
  const runtime = await createRuntime({ dbFile: options.db ?? join(tempDir as string, 'blockloom.db') });
  const graphs: Graph[] = [parsed, ...parsed.sub_graphs];
  let interrupted = false;
  try {
    const saved = await explainValidation(
      { heading: `${options.file} is not a valid graph`, graphs, runtime },
      () => saveGraph(runtime, parsed, { userId: LOCAL_USER_ID, now: new Date().toISOString() }),
    );
    // Import gave every node a new id; messages name nodes as the file does.
    const fileIds = new Map<string, string>();
    [saved.graph, ...saved.subGraphs].forEach((graph, g) =>
      graph.nodes.forEach((node, n) => fileIds.set(node.id, graphs[g]?.nodes[n]?.id ?? node.id)),
    );
    const fileIdOf = (id: string) => fileIds.get(id) ?? id;
    const printer = createProgressPrinter({ graphs, registry: runtime.registry, fileIdOf }, out.stdout);
    const unsubscribe = options.json
      ? undefined
      : await runtime.bus.subscribe(channels.graph(LOCAL_USER_ID, saved.graph.id), (message) => {
          const event = message as NodeExecutionEvent;
          if (event.event_type === 'node_execution_update') printer(event);
        });
    const meta = await explainValidation({ heading: 'The graph cannot run', graphs, runtime, fileIdOf }, () =>
      runtime.engine.executeGraph({ userId: LOCAL_USER_ID, graphId: saved.graph.id, inputs }),
    );
    if (!options.json) out.stdout(`Running "${saved.graph.name}" (run ${meta.id})\n`);
    const onSigint = () => {
      interrupted = true;
      out.stderr('\nStopping the run...\n');
      runtime.engine.stopGraphExecution(LOCAL_USER_ID, meta.id).catch(() => undefined);
    };
    process.once('SIGINT', onSigint);
    const result = await runtime.engine.waitForCompletion(meta.id);
    process.removeListener('SIGINT', onSigint);
    await unsubscribe?.();
    if (options.json) {
      out.stdout(`${JSON.stringify(runSummary(result))}\n`);
    } else {
      out.stdout(
        `\n${result.status}${interrupted ? ' (stopped)' : ''} in ${(result.stats?.duration ?? 0).toFixed(3)}s, ` +
          `${result.stats?.node_exec_count ?? 0} node runs, ${result.stats?.node_error_count ?? 0} failed\n`,
      );
      const names = Object.keys(result.outputs);
      if (names.length === 0) out.stdout('No outputs.\n');
      for (const name of names) {
        for (const value of result.outputs[name] ?? []) {
          out.stdout(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
        }
      }
      if (options.db) out.stdout(`Run ${result.id} is stored in ${options.db}\n`);
    }
    return result.status === 'COMPLETED' ? 0 : 1;
  } finally {
    await runtime.close({ graceMs: 0 });
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}
