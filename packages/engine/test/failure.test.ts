import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  attempts,
  concurrency,
  emitBlock,
  failBlock,
  flakyBlock,
  sleepBlock,
  timeoutBlock,
} from './test-blocks';
import { blockIds, createHarness, graphBuilder, runsOf, USER } from './harness';

type Harness = Awaited<ReturnType<typeof createHarness>>;
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  attempts.clear();
  concurrency.reset();
});
afterEach(async () => {
  await h.close();
});

describe('errors (internals §3.7, §10.6)', () => {
  it('a thrown error fails the node, is stored as its `error` output and flows along `error` links', async () => {
    const g = graphBuilder();
    const fail = g.node(failBlock.id, { message: 'boom' });
    const errorOut = g.node(blockIds.output, { name: 'Error' });
    g.link([fail, 'error'], [errorOut, 'value']);
    const result = await h.run(await h.add(g.build(USER)));
    const [failed] = runsOf(result, fail);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.output_data).toEqual({ error: ['boom'] });
    expect(result.outputs).toEqual({ Error: ['boom'] });
    // A failed node does not fail the graph.
    expect(result.status).toBe('COMPLETED');
    expect(result.stats?.node_error_count).toBe(1);
  });

  it('yielding `error` fails the node the same way, after the outputs before it were delivered', async () => {
    const g = graphBuilder();
    const fail = g.node(failBlock.id, { message: 'bad', viaYield: true, before: 'first' });
    const out = g.node(blockIds.output, { name: 'out' });
    const errorOut = g.node(blockIds.output, { name: 'Error' });
    g.link([fail, 'out'], [out, 'value']);
    g.link([fail, 'error'], [errorOut, 'value']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, fail)[0]?.status).toBe('FAILED');
    expect(result.outputs).toEqual({ out: ['first'], Error: ['bad'] });
  });

  it('an invalid input leaves the execution waiting and records why', async () => {
    const g = graphBuilder();
    const src = g.node(emitBlock.id, { emit: [['out', 'not a number']] });
    const add = g.node('e0000000-0000-4000-8000-000000000002', { b: 1 });
    g.link([src, 'out'], [add, 'a']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, add)).toHaveLength(0);
    const waiting = (await h.store.listNodeExecutions(result.id)).find((exec) => exec.nodeId === add);
    expect(waiting?.status).toBe('INCOMPLETE');
    expect(waiting?.stats?.error).toMatch(/Input data missing or mismatch for `TestAddBlock`: .*a/);
  });

  it('retries a retry-after error and succeeds, without duplicating outputs', async () => {
    const g = graphBuilder();
    const flaky = g.node(flakyBlock.id, { key: 'k1', failures: 2 });
    const out = g.node(blockIds.output, { name: 'out' });
    g.link([flaky, 'out'], [out, 'value']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(result.outputs).toEqual({ out: [3] });
    expect(runsOf(result, flaky)[0]?.status).toBe('COMPLETED');
  });

  it('gives up after the retry budget and fails the node', async () => {
    const g = graphBuilder();
    const flaky = g.node(flakyBlock.id, { key: 'k2', failures: 10, plain: true });
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, flaky)[0]?.status).toBe('FAILED');
    expect(runsOf(result, flaky)[0]?.output_data.error).toEqual(['plain failure 3']);
    expect(attempts.get('k2')).toBe(3); // one try + a budget of two retries
  });

  it('a block over its wall-clock cap fails with the cap in the message', async () => {
    const g = graphBuilder();
    const slow = g.node(timeoutBlock.id, { ms: 5000 });
    const started = Date.now();
    const result = await h.run(await h.add(g.build(USER)));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(runsOf(result, slow)[0]?.status).toBe('FAILED');
    expect(runsOf(result, slow)[0]?.output_data.error).toEqual([
      'Node execution exceeded 0.2s wall-clock cap',
    ]);
  });
});

describe('cancellation (internals §3.9)', () => {
  it('stopping a run terminates running nodes and the run; nothing further runs', async () => {
    const g = graphBuilder();
    const slow = g.node(sleepBlock.id, { ms: 10_000, value: 1 });
    const after = g.node(blockIds.output, { name: 'never' });
    g.link([slow, 'out'], [after, 'value']);
    const graph = await h.add(g.build(USER));
    const meta = await h.engine.executeGraph({ userId: USER, graphId: graph.id });
    await waitFor(async () =>
      (await h.store.listNodeExecutions(meta.id)).some((exec) => exec.status === 'RUNNING'),
    );
    const stopped = await h.engine.stopGraphExecution(USER, meta.id);
    expect(stopped?.status).toBe('TERMINATED');
    const result = await h.engine.waitForCompletion(meta.id);
    expect(result.status).toBe('TERMINATED');
    expect(runsOf(result, slow)[0]?.status).toBe('TERMINATED');
    expect(runsOf(result, after)).toHaveLength(0);
    expect(result.ended_at).not.toBeNull();
  });

  it('another user cannot stop the run', async () => {
    const g = graphBuilder();
    g.node(sleepBlock.id, { ms: 50 });
    const graph = await h.add(g.build(USER));
    const meta = await h.engine.executeGraph({ userId: USER, graphId: graph.id });
    expect(await h.engine.stopGraphExecution('someone-else', meta.id)).toBeUndefined();
    expect((await h.engine.waitForCompletion(meta.id)).status).toBe('COMPLETED');
  });
});

describe('concurrency and order (internals §3.5)', () => {
  it('ready nodes run concurrently, up to the per-run limit', async () => {
    await h.close();
    h = await createHarness({ limits: { nodesPerRun: 3 } });
    const g = graphBuilder();
    for (let i = 0; i < 8; i++) g.node(sleepBlock.id, { ms: 40, value: i });
    const result = await h.run(await h.add(g.build(USER)));
    expect(result.status).toBe('COMPLETED');
    expect(concurrency.max).toBe(3);
  });

  it('the per-process limit caps nodes across runs', async () => {
    await h.close();
    h = await createHarness({ limits: { nodesPerRun: 10, nodesPerProcess: 2 } });
    const g = graphBuilder();
    for (let i = 0; i < 4; i++) g.node(sleepBlock.id, { ms: 30, value: i });
    const graph = await h.add(g.build(USER));
    const results = await Promise.all([h.run(graph), h.run(graph)]);
    expect(results.map((r) => r.status)).toEqual(['COMPLETED', 'COMPLETED']);
    expect(concurrency.max).toBe(2);
  });

  it("one node's executions propagate in order, even when a later one finishes first", async () => {
    const g = graphBuilder();
    const src = g.node(emitBlock.id, {
      emit: [
        ['a', 80],
        ['b', 'slow'],
        ['a', 0],
        ['b', 'fast'],
      ],
    });
    const slow = g.node(sleepBlock.id);
    const out = g.node(blockIds.output, { name: 'order' });
    g.link([src, 'a'], [slow, 'ms']);
    g.link([src, 'b'], [slow, 'value']);
    g.link([slow, 'out'], [out, 'value']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(result.outputs.order).toEqual(['slow', 'fast']);
  });

  it('outputs of one execution are delivered in yield order', async () => {
    const g = graphBuilder();
    const emit = Array.from({ length: 10 }, (_, i) => ['out', `v${i}`] as [string, unknown]);
    const src = g.node(emitBlock.id, { emit });
    const out = g.node(blockIds.output, { name: 'seq' });
    g.link([src, 'out'], [out, 'value']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(result.outputs.seq).toEqual(emit.map(([, v]) => v));
  });
});

describe('run requests', () => {
  it('rejects a missing required input, naming the node and field', async () => {
    const g = graphBuilder();
    const input = g.node(blockIds.input, { name: 'Topic' });
    const graph = await h.add(g.build(USER));
    await expect(h.engine.executeGraph({ userId: USER, graphId: graph.id })).rejects.toMatchObject({
      code: 'GRAPH_VALIDATION',
      issues: [{ node_id: input, field: 'Topic', message: 'Missing required input "Topic"' }],
    });
  });

  it('rejects an unknown input name and lists the real ones', async () => {
    const g = graphBuilder();
    g.node(blockIds.input, { name: 'Topic' });
    const graph = await h.add(g.build(USER));
    await expect(
      h.engine.executeGraph({ userId: USER, graphId: graph.id, inputs: { Topic: 'x', topik: 'y' } }),
    ).rejects.toMatchObject({
      issues: [{ field: 'topik', message: 'Unknown input "topik"; this agent\'s inputs are: Topic' }],
    });
  });

  it('reports NOT_FOUND for a graph of another user', async () => {
    const g = graphBuilder();
    g.node(emitBlock.id, { emit: [] });
    const graph = await h.add(g.build(USER));
    await expect(h.engine.executeGraph({ userId: 'intruder', graphId: graph.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
