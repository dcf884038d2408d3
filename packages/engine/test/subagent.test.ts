import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sleepBlock } from './test-blocks';
import { blockIds, createHarness, graphBuilder, runsOf, USER } from './harness';

type Harness = Awaited<ReturnType<typeof createHarness>>;
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

/** A child graph `x -> x*2 -> y`, optionally slowed by a sleeping node before the output. */
async function childGraph(slowMs?: number) {
  const g = graphBuilder('child');
  const x = g.node(blockIds.input, { name: 'x' });
  const calc = g.node(blockIds.calculator, { operation: 'Multiply', b: 2 });
  const y = g.node(blockIds.output, { name: 'y' });
  g.link([x, 'result'], [calc, 'a']);
  if (slowMs) {
    const sleep = g.node(sleepBlock.id, { ms: slowMs });
    g.link([calc, 'result'], [sleep, 'value']);
    g.link([sleep, 'out'], [y, 'value']);
  } else {
    g.link([calc, 'result'], [y, 'value']);
  }
  return h.add(g.build(USER));
}

async function parentOf(childId: string) {
  const g = graphBuilder('parent');
  const n = g.node(blockIds.input, { name: 'n' });
  const agent = g.node(blockIds.agent, {
    user_id: USER,
    graph_id: childId,
    graph_version: 1,
    inputs: {},
    input_schema: { type: 'object', properties: { x: { title: 'x' } }, required: ['x'] },
    output_schema: { type: 'object', properties: { y: { title: 'y' } }, required: [] },
  });
  const out = g.node(blockIds.output, { name: 'result' });
  g.link([n, 'result'], [agent, 'x']);
  g.link([agent, 'y'], [out, 'value']);
  return { graph: await h.add(g.build(USER)), agent };
}

describe('AgentExecutor sub-agents (internals §3.10)', () => {
  it("runs the child graph and re-emits its outputs under the child's output names", async () => {
    const child = await childGraph();
    const { graph, agent } = await parentOf(child.id);
    const result = await h.run(graph, { n: 5 });
    expect(result.status).toBe('COMPLETED');
    expect(result.outputs).toEqual({ result: [10] });
    expect(runsOf(result, agent)[0]?.output_data).toEqual({ y: [10] });
    const children = await h.store.listGraphExecutions({ parentGraphExecutionId: result.id });
    expect(children.items).toHaveLength(1);
    expect(children.items[0]?.status).toBe('COMPLETED');
    expect(children.items[0]?.graphId).toBe(child.id);
    // The child's node runs count in the parent's stats (extra_steps).
    expect(result.stats?.node_exec_count).toBe(3 + 3);
  });

  it('stopping the parent stops the child run too', async () => {
    const child = await childGraph(10_000);
    const { graph } = await parentOf(child.id);
    const meta = await h.engine.executeGraph({ userId: USER, graphId: graph.id, inputs: { n: 1 } });
    const deadline = Date.now() + 5000;
    let childId: string | undefined;
    while (!childId && Date.now() < deadline) {
      const running = await h.store.listGraphExecutions({
        parentGraphExecutionId: meta.id,
        statuses: ['RUNNING'],
      });
      const nodes = running.items[0] ? await h.store.listNodeExecutions(running.items[0].id) : [];
      if (nodes.some((exec) => exec.blockId === sleepBlock.id && exec.status === 'RUNNING'))
        childId = running.items[0]?.id;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(childId).toBeDefined();
    await h.engine.stopGraphExecution(USER, meta.id);
    const parent = await h.engine.waitForCompletion(meta.id);
    expect(parent.status).toBe('TERMINATED');
    const childRun = await h.engine.waitForCompletion(childId as string);
    expect(childRun.status).toBe('TERMINATED');
  });

  it('a child that cannot run fails the AgentExecutor node with the reason', async () => {
    const child = await childGraph();
    const g = graphBuilder('parent');
    const agent = g.node(blockIds.agent, {
      user_id: USER,
      graph_id: child.id,
      graph_version: 1,
      inputs: { x: 1, bogus: 2 },
      input_schema: { type: 'object', properties: { x: {} }, required: ['x'] },
      output_schema: { type: 'object', properties: { y: {} }, required: [] },
    });
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, agent)[0]?.status).toBe('FAILED');
    expect(runsOf(result, agent)[0]?.output_data.error?.[0]).toMatch(/Unknown input "bogus"/);
  });
});
