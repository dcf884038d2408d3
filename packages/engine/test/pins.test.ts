import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { echoBlock, emitBlock } from './test-blocks';
import { createHarness, graphBuilder, runsOf, USER } from './harness';

type Harness = Awaited<ReturnType<typeof createHarness>>;
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function echoOf(emit: [string, unknown][], links: [string, string][]) {
  const g = graphBuilder();
  const src = g.node(emitBlock.id, { emit });
  const echo = g.node(echoBlock.id);
  for (const [sourceName, sinkName] of links) g.link([src, sourceName], [echo, sinkName]);
  const result = await h.run(await h.add(g.build(USER)));
  return runsOf(result, echo).map((exec) => exec.output_data.input?.[0]);
}

describe('source selectors (internals §3.6, §3.4 step 1)', () => {
  it('a dict-key selector delivers the key', async () => {
    expect(await echoOf([['out', { a: 1, b: 2 }]], [['out_#_b', 'x']])).toEqual([{ x: 2 }]);
  });
  it('a list-index selector delivers the element; nesting works', async () => {
    expect(await echoOf([['out', { a: [1, { z: 'deep' }] }]], [['out_#_a_$_1_#_z', 'x']])).toEqual([
      { x: 'deep' },
    ]);
  });
  it('a selector miss sends nothing, so the sink never runs', async () => {
    expect(await echoOf([['out', { a: 1 }]], [['out_#_missing', 'x']])).toEqual([]);
    expect(await echoOf([['out', [1, 2]]], [['out_$_5', 'x']])).toEqual([]);
  });
  it('an exact-name null passes', async () => {
    expect(await echoOf([['out', null]], [['out', 'x']])).toEqual([{}]);
  });
});

describe('dynamic sink pins (internals §3.6 merge)', () => {
  it('_#_ pins merge into a dict and the node waits for all of them', async () => {
    const outs = await echoOf(
      [
        ['a', 'Ada'],
        ['b', 'London'],
      ],
      [
        ['a', 'values_#_name'],
        ['b', 'values_#_city'],
      ],
    );
    expect(outs).toHaveLength(1);
    expect((outs[0] as { values: unknown }).values).toEqual({ name: 'Ada', city: 'London' });
  });
  it('_$_ pins pad the list with null up to the index', async () => {
    const outs = await echoOf([['out', 'v']], [['out', 'items_$_2']]);
    expect((outs[0] as { items: unknown }).items).toEqual([null, null, 'v']);
  });
  it('_@_ pins set attributes of an object', async () => {
    const outs = await echoOf([['out', 7]], [['out', 'obj_@_size']]);
    expect((outs[0] as { obj: unknown }).obj).toEqual({ size: 7 });
  });
});
