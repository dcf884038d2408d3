import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { credentialsField, defineBlock, type Credentials } from '@blockloom/sdk';
import { createMemoryVault, type GraphExecutionRecord } from '../src/index';
import { blockIds, createHarness, graphBuilder, runsOf, USER } from './harness';
import { emitBlock } from './test-blocks';

type Harness = Awaited<ReturnType<typeof createHarness>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Reports which key it was given; its provider follows `model`, as LLM blocks' does. */
const keyedBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000101',
  name: 'TestKeyedBlock',
  description: 'Yields the API key it received.',
  categories: ['AI'],
  input: z.object({
    model: z.enum(['gpt-x', 'claude-x']),
    credentials: credentialsField({
      providers: ['openai', 'anthropic'],
      types: ['api_key'],
      discriminator: 'model',
      discriminatorMapping: { 'gpt-x': 'openai', 'claude-x': 'anthropic' },
    }),
  }),
  output: { key: z.string() },
  tests: [],
  async *run(_input, ctx) {
    const credentials = ctx.credentials.credentials;
    yield ['key', credentials?.type === 'api_key' ? credentials.api_key : 'none'];
  },
});

const counterBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000102',
  name: 'TestCounterBlock',
  description: 'Counts its runs in block storage.',
  categories: ['DATA'],
  input: z.object({
    trigger: z.unknown(),
    scope: z.enum(['within_agent', 'across_agents']).default('within_agent'),
  }),
  output: { count: z.number() },
  tests: [],
  async *run({ scope }, ctx) {
    const count = (((await ctx.storage?.get('runs', scope)) as number | undefined) ?? 0) + 1;
    await ctx.storage?.set('runs', count, scope);
    yield ['count', count];
  },
});

/** Calls every tool it was given, passing `arg` to each linked field. */
const callerBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000103',
  name: 'TestToolCallerBlock',
  description: 'Calls each of its tools once.',
  categories: ['AI'],
  type: 'AI',
  input: z.object({ arg: z.unknown() }),
  output: { tools: z.unknown(), finished: z.string() },
  tests: [],
  async *run({ arg }, ctx) {
    for (const tool of ctx.tools ?? []) {
      for (const field of tool.fields) yield [`tools_^_${tool.nodeId}_~_${field}` as 'tools', arg];
    }
    yield ['finished', (ctx.tools ?? []).map((tool) => tool.name).join(',')];
  },
});

const platform = (provider: string, key: string): Credentials => ({
  id: `platform-${provider}`,
  provider,
  type: 'api_key',
  title: provider,
  api_key: key,
});

describe('platform credentials', () => {
  it('an empty credentials field gets the platform key of the provider its model picks', async () => {
    h = await createHarness({
      extraBlocks: [keyedBlock],
      vault: createMemoryVault([], [platform('openai', 'sk-openai'), platform('anthropic', 'sk-anthropic')]),
    });
    const g = graphBuilder();
    const gpt = g.node(keyedBlock.id, { model: 'gpt-x' });
    const claude = g.node(keyedBlock.id, { model: 'claude-x' });
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, gpt)[0]?.output_data).toEqual({ key: ['sk-openai'] });
    expect(runsOf(result, claude)[0]?.output_data).toEqual({ key: ['sk-anthropic'] });
    // The stored input holds the reference, never the secret.
    expect(runsOf(result, gpt)[0]?.input_data.credentials).toEqual({
      id: 'platform-openai',
      provider: 'openai',
      type: 'api_key',
      title: 'openai',
    });
    expect(JSON.stringify(result.node_executions.map((exec) => exec.input_data))).not.toMatch(/sk-/);
  });

  it('without a fitting platform key the node reports the missing credentials field', async () => {
    h = await createHarness({
      extraBlocks: [keyedBlock],
      vault: createMemoryVault([], [platform('openai', 'sk')]),
    });
    const g = graphBuilder();
    g.node(keyedBlock.id, { model: 'claude-x' });
    await expect(h.run(await h.add(g.build(USER)))).rejects.toMatchObject({
      code: 'GRAPH_VALIDATION',
      issues: [expect.objectContaining({ message: expect.stringMatching(/credentials/) })],
    });
  });
});

describe('block storage', () => {
  it('keeps values across runs: per graph within an agent, per user across agents', async () => {
    h = await createHarness({ extraBlocks: [counterBlock] });
    const make = (scope: string) => {
      const g = graphBuilder();
      const node = g.node(counterBlock.id, { trigger: 1, scope });
      return { g, node };
    };
    const a = make('within_agent');
    const b = make('within_agent');
    const graphA = await h.add(a.g.build(USER));
    const graphB = await h.add(b.g.build(USER));
    const count = async (graph: typeof graphA, node: string) =>
      runsOf(await h!.run(graph), node)[0]?.output_data.count?.[0];
    expect(await count(graphA, a.node)).toBe(1);
    expect(await count(graphA, a.node)).toBe(2);
    expect(await count(graphB, b.node)).toBe(1);
    const across1 = make('across_agents');
    const across2 = make('across_agents');
    expect(await count(await h.add(across1.g.build(USER)), across1.node)).toBe(1);
    expect(await count(await h.add(across2.g.build(USER)), across2.node)).toBe(2);
  });
});

describe('tool calls', () => {
  it("a tool call's arguments reach exactly the linked node and field", async () => {
    h = await createHarness({ extraBlocks: [callerBlock] });
    const g = graphBuilder();
    const caller = g.node(callerBlock.id, { arg: 21 });
    const calc = g.node(blockIds.calculator, { operation: 'Multiply', b: 2 }, { customized_name: 'Doubler' });
    const other = g.node(blockIds.calculator, { operation: 'Add', b: 1 });
    const out = g.node(blockIds.output, { name: 'answer' });
    g.link([caller, 'tools'], [calc, 'a']);
    g.link([caller, 'tools'], [other, 'a']);
    g.link([calc, 'result'], [out, 'value']);
    const result = await h.run(await h.add(g.build(USER)));
    expect(runsOf(result, caller)[0]?.output_data.finished).toEqual(['Doubler,CalculatorBlock']);
    expect(runsOf(result, calc)[0]?.output_data.result).toEqual([42]);
    expect(runsOf(result, other)[0]?.output_data.result).toEqual([22]);
    expect(result.outputs).toEqual({ answer: [42] });
  });
});

describe('node-finished hook', () => {
  it('reports every ended node with its block and status', async () => {
    const seen: string[] = [];
    h = await createHarness({ onNodeFinished: (node) => void seen.push(`${node.blockName}:${node.status}`) });
    const g = graphBuilder();
    const src = g.node(emitBlock.id, { emit: [['out', 1]] });
    const fail = g.node('e0000000-0000-4000-8000-000000000004', { message: 'x' });
    g.link([src, 'out'], [fail, 'before']);
    await h.run(await h.add(g.build(USER)));
    expect(seen).toEqual(['TestEmitBlock:COMPLETED', 'TestFailBlock:FAILED']);
  });
});

describe('run-finished hook', () => {
  it('is called once with the ended run', async () => {
    const ended: GraphExecutionRecord[] = [];
    h = await createHarness({ onRunFinished: (run) => void ended.push(run) });
    const g = graphBuilder();
    g.node(emitBlock.id, { emit: [['out', 1]] });
    const result = await h.run(await h.add(g.build(USER)));
    expect(ended.map((run) => [run.id, run.status])).toEqual([[result.id, 'COMPLETED']]);
  });
});
