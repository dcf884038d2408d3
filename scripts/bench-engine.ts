/**
 * Engine benchmark: the execution engine alone (no server), every run persisted to a SQLite file.
 *
 *   npm run bench            # or: npx tsx scripts/bench-engine.ts [--runs 30]
 *
 * Scenarios: a 10-node chain of trivial blocks, and a 100-item fan-out (one node yields 100 values, a
 * trivial sink runs once per value). Prints runs per second and the wall time per node execution, which is
 * the engine's overhead: readiness, one SQLite commit per status change and output, events.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defineBlock } from '@blockloom/sdk';
import type { StoredGraph } from '@blockloom/graph';
import { createRuntime, LOCAL_USER_ID, type Runtime } from '../packages/cli/src/index';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const RUNS = Number(values.runs);

const passBlock = defineBlock({
  id: 'be7c0000-0000-4000-8000-000000000001',
  name: 'BenchPassBlock',
  description: 'Passes its value on, plus one.',
  categories: ['BASIC'],
  input: z.object({ value: z.number() }),
  output: { out: z.number() },
  tests: [{ input: { value: 1 }, output: [['out', 2]] }],
  async *run({ value }) {
    yield ['out', value + 1];
  },
});

const spreadBlock = defineBlock({
  id: 'be7c0000-0000-4000-8000-000000000002',
  name: 'BenchSpreadBlock',
  description: 'Yields 0..count-1, one value at a time.',
  categories: ['BASIC'],
  input: z.object({ count: z.number() }),
  output: { item: z.number() },
  tests: [
    {
      input: { count: 2 },
      output: [
        ['item', 0],
        ['item', 1],
      ],
    },
  ],
  async *run({ count }) {
    for (let i = 0; i < count; i++) yield ['item', i];
  },
});

function graph(nodes: StoredGraph['nodes'], links: [string, string, string, string][]): StoredGraph {
  return {
    id: randomUUID(),
    version: 1,
    is_active: true,
    name: 'bench',
    description: '',
    instructions: null,
    recommended_schedule_cron: null,
    forked_from_id: null,
    forked_from_version: null,
    nodes,
    links: links.map(([source_id, source_name, sink_id, sink_name]) => ({
      id: randomUUID(),
      source_id,
      source_name,
      sink_id,
      sink_name,
      is_static: false,
    })),
    user_id: LOCAL_USER_ID,
    created_at: new Date().toISOString(),
  };
}

function chain(length: number): StoredGraph {
  const ids = Array.from({ length }, () => randomUUID());
  const nodes = ids.map((id, i) => ({
    id,
    block_id: passBlock.id,
    input_default: i === 0 ? { value: 0 } : {},
    metadata: {},
  }));
  return graph(
    nodes,
    ids.slice(1).map((id, i) => [ids[i] as string, 'out', id, 'value']),
  );
}

function fanOut(count: number): StoredGraph {
  const spread = randomUUID();
  const sink = randomUUID();
  return graph(
    [
      { id: spread, block_id: spreadBlock.id, input_default: { count }, metadata: {} },
      { id: sink, block_id: passBlock.id, input_default: {}, metadata: {} },
    ],
    [[spread, 'item', sink, 'value']],
  );
}

async function measure(runtime: Runtime, scenario: { name: string; graph: StoredGraph; parallel: number }) {
  const { name, graph: g, parallel } = scenario;
  await runtime.store.createGraph(g);
  const once = async () => {
    const meta = await runtime.engine.executeGraph({ userId: LOCAL_USER_ID, graphId: g.id });
    const result = await runtime.engine.waitForCompletion(meta.id);
    if (result.status !== 'COMPLETED') throw new Error(`${name}: ${result.status}`);
    return result.stats?.node_exec_count ?? 0;
  };
  for (let i = 0; i < 3; i++) await once(); // warm-up: JIT, SQLite page cache
  const started = performance.now();
  let nodeExecs = 0;
  for (let done = 0; done < RUNS; done += parallel) {
    const counts = await Promise.all(Array.from({ length: Math.min(parallel, RUNS - done) }, once));
    nodeExecs += counts.reduce((a, b) => a + b, 0);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    name,
    parallel,
    runs: RUNS,
    runsPerSecond: RUNS / seconds,
    msPerRun: (seconds * 1000) / RUNS,
    nodeExecsPerRun: nodeExecs / RUNS,
    msPerNodeExec: (seconds * 1000) / nodeExecs,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'blockloom-bench-'));
const runtime = await createRuntime({
  dbFile: join(dir, 'bench.db'),
  extraBlocks: [passBlock, spreadBlock],
  limits: { runsPerProcess: 8 },
});
try {
  const rows = [
    await measure(runtime, { name: '10-node chain', graph: chain(10), parallel: 1 }),
    await measure(runtime, { name: '100-item fan-out', graph: fanOut(100), parallel: 1 }),
    await measure(runtime, { name: '10-node chain, 8 runs at once', graph: chain(10), parallel: 8 }),
  ];
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log('| scenario | runs | runs/s | ms per run | node executions per run | ms per node execution |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.runs} | ${row.runsPerSecond.toFixed(1)} | ${row.msPerRun.toFixed(1)} | ${row.nodeExecsPerRun} | ${row.msPerNodeExec.toFixed(3)} |`,
    );
  }
} finally {
  await runtime.close({ graceMs: 0 });
  rmSync(dir, { recursive: true, force: true });
}
