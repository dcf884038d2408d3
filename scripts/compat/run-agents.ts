import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setEnv } from '../../packages/blocks/src/providers/shared/fake-server';
import { createRuntime } from '../../packages/cli/src/runtime';
import { analyseGraphFile } from './analyse';
import { startCompatFakes } from './fakes';
import { agentInputs } from './inputs';
import { runAgent, type RunReport } from './run-agent';

export interface CompatRow {
  file: string;
  name: string;
  nodeCount: number;
  parses: boolean;
  parseError?: string;
  roundTrips: boolean;
  roundTripProblem?: string;
  validates: boolean;
  issues: string[];
  missingBlocks: string[];
  inputs: Record<string, unknown>;
  /** Absent when the agent does not validate (it cannot be run). */
  run?: RunReport;
}

export interface CompatOptions {
  /** Per run; a run still going after it is stopped and reported as TIMEOUT. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * One row per agent file in `agentsDir` (sorted by name): parse, round trip, validation, and, for agents
 * that validate, a real run with every provider played by a loopback fake. The fakes' environment is set
 * before the runtime is created (platform keys are read then; base URLs on every call) and restored after.
 */
export async function runCompatAgents(agentsDir: string, options: CompatOptions = {}): Promise<CompatRow[]> {
  const files = (await readdir(agentsDir)).filter((file) => file.endsWith('.json')).sort();
  const fakes = await startCompatFakes();
  const restoreEnv = setEnv(fakes.env);
  const dir = await mkdtemp(join(tmpdir(), 'blockloom-compat-'));
  const runtime = await createRuntime({ dbFile: join(dir, 'compat.db') }).catch(async (error: unknown) => {
    restoreEnv();
    await fakes.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  try {
    const rows: CompatRow[] = [];
    for (const file of files) {
      const report = analyseGraphFile(await readFile(join(agentsDir, file), 'utf8'), runtime.registry);
      const inputs = agentInputs[file] ?? {};
      const validates = report.parsed !== undefined && report.issues.length === 0;
      const run =
        report.parsed && validates
          ? await runAgent(runtime, report.parsed, {
              inputs,
              timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            })
          : undefined;
      rows.push({
        file,
        name: report.parsed?.name ?? '',
        nodeCount: report.parsed?.nodes.length ?? 0,
        parses: report.parsed !== undefined,
        ...(report.parseError ? { parseError: report.parseError } : {}),
        roundTrips: report.roundTripProblem === undefined,
        ...(report.roundTripProblem ? { roundTripProblem: report.roundTripProblem } : {}),
        validates,
        issues: report.issues,
        missingBlocks: report.missingBlocks,
        inputs,
        ...(run ? { run } : {}),
      });
    }
    return rows;
  } finally {
    await runtime.close({ graceMs: 0 });
    restoreEnv();
    await fakes.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export type { FailedNode, NodeRun, RunReport } from './run-agent';
