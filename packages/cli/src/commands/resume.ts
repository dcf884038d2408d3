import { access } from 'node:fs/promises';
import { CliError } from '../cli-error';
import { createRuntime } from '../runtime';
import type { Output } from '../output';
import { runSummary } from './run';

/** `blockloom resume --db <file>`: finishes every run a crashed process left in the file. */
export async function resumeCommand(options: { db: string; json: boolean }, out: Output): Promise<number> {
  try {
    await access(options.db);
  } catch {
    throw new CliError(`No database at ${options.db}`);
  }
  const runtime = await createRuntime({ dbFile: options.db });
  try {
    const pending = await runtime.store.listGraphExecutions({
      statuses: ['QUEUED', 'RUNNING', 'INCOMPLETE'],
    });
    const unfinished = pending.items.filter((run) => !run.parentGraphExecutionId);
    await runtime.engine.resumeUnfinished();
    const results = [];
    for (const run of unfinished) results.push(await runtime.engine.waitForCompletion(run.id));
    if (options.json) out.stdout(`${JSON.stringify(results.map(runSummary))}\n`);
    else {
      if (results.length === 0) out.stdout('Nothing to resume.\n');
      for (const result of results) out.stdout(`${result.id}: ${result.status}\n`);
    }
    return results.every((result) => result.status === 'COMPLETED') ? 0 : 1;
  } finally {
    await runtime.close({ graceMs: 0 });
  }
}
