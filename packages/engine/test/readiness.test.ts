import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addBlock, emitBlock, staticValueBlock } from './test-blocks';
import { blockIds, createHarness, graphBuilder, runsOf, USER } from './harness';

type Harness = Awaited<ReturnType<typeof createHarness>>;
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

describe('readiness and delivery (internals §3.3-3.4)', () => {
  it('runs the calculator agent: input -> Calculator -> output gives {"Output": [42]}', async () => {
    const g = graphBuilder('calculator');
    const input = g.node(blockIds.input, { name: 'Input' });
    const calc = g.node(blockIds.calculator, { operation: 'Add', b: 34 });
    const output = g.node(blockIds.output, { name: 'Output' });
    g.link([input, 'result'], [calc, 'a']);
    g.link([calc, 'result'], [output, 'value']);
    const result = await h.run(await h.add(g.build(USER)), { Input: 8 });
    expect(result.status).toBe('COMPLETED');
    expect(result.outputs).toEqual({ Output: [42] });
    expect(result.node_executions.map((exec) => exec.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'COMPLETED',
    ]);
    expect(result.stats?.node_exec_count).toBe(3);
    expect(result.stats?.node_error_count).toBe(0);
  });

  it('waits until every inbound link has delivered, optional fields included', async () => {
    const g = graphBuilder();
    const a = g.node(emitBlock.id, { emit: [['out', 1]] });
    const b = g.node(emitBlock.id, { emit: [['out', 2]], delayMs: 30 });
    const c = g.node(emitBlock.id, { emit: [['out', 4]], delayMs: 60 });
    const add = g.node(addBlock.id);
    g.link([a, 'out'], [add, 'a']);
    g.link([b, 'out'], [add, 'b']);
    g.link([c, 'out'], [add, 'c']); // `c` is optional, yet the node waits for it
    const result = await h.run(await h.add(g.build(USER)));
    const runs = runsOf(result, add);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.output_data).toEqual({ sum: [7] });
  });

  it('constants in input_default are overridden by link values', async () => {
    const g = graphBuilder();
    const a = g.node(emitBlock.id, { emit: [['out', 5]] });
    const add = g.node(addBlock.id, { a: 100, b: 1 });
    g.link([a, 'out'], [add, 'a']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, add)[0]?.output_data).toEqual({ sum: [6] });
  });

  it('fills the oldest waiting execution lacking the pin: values pair up in arrival order', async () => {
    const g = graphBuilder();
    const src = g.node(emitBlock.id, {
      emit: [
        ['a', 1],
        ['a', 2],
        ['b', 10],
        ['b', 20],
      ],
    });
    const add = g.node(addBlock.id);
    g.link([src, 'a'], [add, 'a']);
    g.link([src, 'b'], [add, 'b']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, add).map((exec) => exec.output_data.sum?.[0])).toEqual([11, 22]);
  });

  it('a value on a pin that every waiting execution already has creates a new execution', async () => {
    const g = graphBuilder();
    const src = g.node(emitBlock.id, {
      emit: [
        ['a', 1],
        ['a', 2],
        ['a', 3],
        ['b', 10],
      ],
    });
    const add = g.node(addBlock.id);
    g.link([src, 'a'], [add, 'a']);
    g.link([src, 'b'], [add, 'b']);
    const result = await h.run(await h.add(g.build(USER)));
    // Three executions hold a=1,2,3; b=10 fills the oldest; the other two wait forever (INCOMPLETE).
    expect(runsOf(result, add).map((exec) => exec.output_data.sum?.[0])).toEqual([11]);
    const all = await h.store.listNodeExecutions(result.id);
    const waiting = all.filter((exec) => exec.nodeId === add && exec.status === 'INCOMPLETE');
    expect(waiting.map((exec) => exec.inputs)).toEqual([
      [{ name: 'a', value: 2 }],
      [{ name: 'a', value: 3 }],
    ]);
    expect(result.status).toBe('COMPLETED');
  });

  it('repeated outputs fan out: one sink execution per value, in order', async () => {
    const g = graphBuilder();
    const items = Array.from({ length: 25 }, (_, i) => ['out', i] as const);
    const src = g.node(emitBlock.id, { emit: items });
    const add = g.node(addBlock.id, { b: 1000 });
    const output = g.node(blockIds.output, { name: 'sums' });
    g.link([src, 'out'], [add, 'a']);
    g.link([add, 'sum'], [output, 'value']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(result.outputs.sums).toEqual(items.map(([, i]) => 1000 + i));
  });

  it('static links reuse the latest value for every later execution of the sink', async () => {
    const g = graphBuilder();
    const constant = g.node(staticValueBlock.id, { value: 100 });
    const src = g.node(emitBlock.id, {
      emit: [
        ['out', 1],
        ['out', 2],
        ['out', 3],
      ],
      delayMs: 20,
    });
    const add = g.node(addBlock.id);
    const output = g.node(blockIds.output, { name: 'sums' });
    g.link([constant, 'out'], [add, 'a'], true);
    g.link([src, 'out'], [add, 'b']);
    g.link([add, 'sum'], [output, 'value']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(result.outputs.sums).toEqual([101, 102, 103]);
    expect(runsOf(result, constant)).toHaveLength(1);
  });

  it('a late static value releases every execution that waited only for it', async () => {
    const g = graphBuilder();
    const constant = g.node(staticValueBlock.id, { value: 100, delayMs: 80 });
    const src = g.node(emitBlock.id, {
      emit: [
        ['out', 1],
        ['out', 2],
        ['out', 3],
      ],
    });
    const add = g.node(addBlock.id);
    const output = g.node(blockIds.output, { name: 'sums' });
    g.link([constant, 'out'], [add, 'a'], true);
    g.link([src, 'out'], [add, 'b']);
    g.link([add, 'sum'], [output, 'value']);
    const result = await h.run(await h.add(g.build(USER)));
    expect([...(result.outputs.sums ?? [])].sort()).toEqual([101, 102, 103]);
    expect(runsOf(result, add).every((exec) => exec.status === 'COMPLETED')).toBe(true);
  });

  it('links from static-output blocks (AgentInput) are forced static and reused', async () => {
    const g = graphBuilder();
    const input = g.node(blockIds.input, { name: 'base' });
    const src = g.node(emitBlock.id, {
      emit: [
        ['out', 1],
        ['out', 2],
      ],
      delayMs: 20,
    });
    const add = g.node(addBlock.id);
    const output = g.node(blockIds.output, { name: 'sums' });
    g.link([input, 'result'], [add, 'a']); // saved as non-static; the static-output source forces it
    g.link([src, 'out'], [add, 'b']);
    g.link([add, 'sum'], [output, 'value']);
    const result = await h.run(await h.add(g.build(USER)), { base: 10 });
    expect(result.outputs.sums).toEqual([11, 12]);
  });

  it('an input with a default value is optional and runs with its default', async () => {
    const g = graphBuilder();
    const input = g.node(blockIds.input, { name: 'greeting', value: 'hello' });
    const output = g.node(blockIds.output, { name: 'out' });
    g.link([input, 'result'], [output, 'value']);
    const graph = await h.add(g.build(USER));
    expect((await h.run(graph)).outputs).toEqual({ out: ['hello'] });
    expect((await h.run(graph, { greeting: 'hi' })).outputs).toEqual({ out: ['hi'] });
  });

  it('note nodes never run', async () => {
    const g = graphBuilder();
    const note = g.node(blockIds.note, { text: 'just a comment' });
    const src = g.node(emitBlock.id, { emit: [['out', 1]] });
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, note)).toHaveLength(0);
    expect(runsOf(result, src)).toHaveLength(1);
  });

  it('input masks win over constants and links', async () => {
    const g = graphBuilder();
    const add = g.node(addBlock.id, { a: 1, b: 2 });
    const graph = await h.add(g.build(USER));
    const meta = await h.engine.executeGraph({
      userId: USER,
      graphId: graph.id,
      nodesInputMasks: { [add]: { b: 40 } },
    });
    const result = await h.engine.waitForCompletion(meta.id);
    expect(runsOf(result, add)[0]?.output_data).toEqual({ sum: [41] });
  });

  it('a self-loop accumulates: each output feeds the next execution of the same node', async () => {
    const g = graphBuilder();
    const start = g.node('a912d5c7-6e00-4542-b2a9-8034136930e4', { values: [] }); // CreateList
    const src = g.node(emitBlock.id, {
      emit: [
        ['out', 1],
        ['out', 2],
        ['out', 3],
      ],
    });
    const append = g.node('aeb08fc1-2fc1-4141-bc8e-f758f183a822'); // AddToList
    g.link([start, 'list'], [append, 'list']);
    g.link([src, 'out'], [append, 'entry']);
    g.link([append, 'updated_list'], [append, 'list']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, append).map((exec) => exec.output_data.updated_list?.[0])).toEqual([
      [1],
      [1, 2],
      [1, 2, 3],
    ]);
  });
});
