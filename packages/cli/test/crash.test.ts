import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '@blockloom/store';

const child = join(import.meta.dirname, 'fixtures', 'crash-child.ts');
const CHAIN = 10;

/** Input -> 10 slow nodes in a chain -> Output; each node adds one. */
function chainGraph() {
  const input = {
    id: 'in',
    block_id: 'c0a8e994-ebf1-4a9c-a4d8-89d09c86741b',
    input_default: { name: 'start' },
  };
  const slow = Array.from({ length: CHAIN }, (_, i) => ({
    id: `slow-${i}`,
    block_id: 'c7a5e000-0000-4000-8000-00000000c7a5',
    input_default: { ms: 250 },
  }));
  const output = {
    id: 'out',
    block_id: '363ae599-353e-4804-937e-b2ee3cef3da4',
    input_default: { name: 'total' },
  };
  const ids = ['in', ...slow.map((node) => node.id)];
  const links = ids.map((source, i) => ({
    source_id: source,
    sink_id: i < CHAIN ? `slow-${i}` : 'out',
    source_name: i === 0 ? 'result' : 'out',
    sink_name: 'value',
  }));
  return { name: 'crash chain', nodes: [input, ...slow, output], links };
}

function spawnChild(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function waitForLines(file: string, count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file) || readFileSync(file, 'utf8').trim().split('\n').length < count) {
    if (Date.now() > deadline) throw new Error(`marker file did not reach ${count} lines`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blockloom-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('crash recovery', () => {
  it('a run killed with SIGKILL mid-run is finished by a new process; no completed node runs twice', async () => {
    const db = join(dir, 'run.db');
    const marker = join(dir, 'marker.log');
    const graphFile = join(dir, 'graph.json');
    await writeFile(graphFile, JSON.stringify(chainGraph()));

    const first = spawnChild(['start', db, marker, graphFile]);
    let firstErr = '';
    first.stderr.on('data', (chunk: Buffer) => (firstErr += chunk.toString()));
    const firstExit = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    // Four slow nodes have started: three completed, the fourth is mid-run.
    await waitForLines(marker, 4).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${firstErr}`);
    });
    first.kill('SIGKILL');
    expect(await firstExit).toBeNull();

    const before = await createSqliteStore({ filename: db });
    const [run] = (await before.listGraphExecutions({})).items;
    expect(run?.status).toBe('RUNNING');
    const execsBefore = (await before.listNodeExecutions(run?.id as string)).filter((exec) =>
      exec.blockId.startsWith('c7a5e000'),
    );
    await before.close();
    const completedBefore = execsBefore.filter((exec) => exec.status === 'COMPLETED').map((exec) => exec.id);
    const cutOff = execsBefore.filter((exec) => exec.status === 'RUNNING').map((exec) => exec.id);
    expect(completedBefore.length).toBeGreaterThanOrEqual(3);
    // Almost always one node is mid-run; the kill may also land in the instant between two nodes' commits.
    expect(cutOff.length).toBeLessThanOrEqual(1);

    const second = spawnChild(['resume', db, marker]);
    let out = '';
    let err = '';
    second.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    second.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) =>
      second.on('exit', (exitCode) => resolve(exitCode)),
    );
    expect(code, err).toBe(0);
    const summary = JSON.parse(out.trim().split('\n').at(-1) as string) as {
      status: string;
      outputs: unknown;
    };
    expect(summary.status).toBe('COMPLETED');
    expect(summary.outputs).toEqual({ total: [CHAIN] });

    const runsPerExec = new Map<string, number>();
    for (const line of readFileSync(marker, 'utf8').trim().split('\n')) {
      const execId = line.split(' ')[0] as string;
      runsPerExec.set(execId, (runsPerExec.get(execId) ?? 0) + 1);
    }
    for (const execId of completedBefore) expect(runsPerExec.get(execId)).toBe(1);
    // Every chain node completed exactly once; only the execution cut off mid-run ran again.
    const after = await createSqliteStore({ filename: db });
    const nodes = await after.listNodeExecutions(run?.id as string);
    await after.close();
    const slow = nodes.filter((exec) => exec.blockId.startsWith('c7a5e000'));
    expect(slow).toHaveLength(CHAIN);
    expect(slow.every((exec) => exec.status === 'COMPLETED')).toBe(true);
    const reruns = [...runsPerExec].filter(([, count]) => count > 1).map(([execId]) => execId);
    expect(reruns).toEqual(cutOff);
    for (const execId of cutOff) expect(runsPerExec.get(execId)).toBe(2);
    expect(runsPerExec.size).toBe(CHAIN);
  }, 120_000);
});
