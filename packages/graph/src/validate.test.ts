import { describe, expect, it } from 'vitest';
import { nodeErrors } from './issues';
import { forceStaticLinks, startingNodes, validateGraph } from './validate';
import { ids, testRegistry as registry } from './test-blocks';
import { graphOf } from './test-graphs';

const input = (id: string, name = 'In', extra: Record<string, unknown> = {}) => ({
  id,
  block_id: ids.agentInput,
  input_default: { name, ...extra },
});
const output = (id: string, name = 'Out') => ({ id, block_id: ids.agentOutput, input_default: { name } });
const calc = (id: string, input_default: Record<string, unknown> = { b: 1 }) => ({
  id,
  block_id: ids.calculator,
  input_default,
});
const childSchemas = {
  input_schema: { type: 'object', properties: { topic: {}, tone: {} }, required: ['topic'] },
  output_schema: { type: 'object', properties: { answer: {} }, required: [] },
};
const executor = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  block_id: ids.agentExecutor,
  input_default: { user_id: 'u', graph_id: 'child', graph_version: 1, inputs: {}, ...childSchemas, ...extra },
});

describe('validateGraph: links', () => {
  it('accepts a valid graph', () => {
    const graph = graphOf(
      [input('i'), calc('c'), output('o')],
      [
        { source_id: 'i', sink_id: 'c', source_name: 'result', sink_name: 'a' },
        { source_id: 'c', sink_id: 'o', source_name: 'result', sink_name: 'value' },
        { source_id: 'c', sink_id: 'o', source_name: 'error', sink_name: 'value' },
      ],
    );
    expect(validateGraph(graph, registry)).toEqual([]);
    expect(validateGraph(graph, registry, { forRun: true })).toEqual([]);
  });
  it('reports links to missing nodes without breaking later checks', () => {
    const graph = graphOf(
      [output('o')],
      [{ source_id: 'ghost', sink_id: 'o', source_name: 'x', sink_name: 'value' }],
    );
    expect(validateGraph(graph, registry)).toEqual([
      {
        graph_id: 'g1',
        link_id: 'l1',
        field: 'source_id',
        code: 'missing_node',
        message: 'Link l1: its source node ghost is not in the graph',
      },
    ]);
    const bothMissing = graphOf([], [{ source_id: 'x', sink_id: 'y', source_name: 'a', sink_name: 'b' }]);
    expect(validateGraph(bothMissing, registry).map((issue) => issue.field)).toEqual([
      'source_id',
      'sink_id',
    ]);
  });
  it('a link from a missing node provides no input', () => {
    const graph = graphOf(
      [calc('c', {})],
      [{ source_id: 'ghost', sink_id: 'c', source_name: 'x', sink_name: 'a' }],
    );
    const fields = validateGraph(graph, registry, { forRun: true }).map((issue) => issue.field);
    expect(fields).toEqual(['source_id', 'a', 'b']);
  });
  it('checks sanitised pin names against the blocks', () => {
    const graph = graphOf(
      [input('i'), calc('c'), output('o')],
      [
        { source_id: 'i', sink_id: 'c', source_name: 'result_#_x_$_0', sink_name: 'a' },
        { source_id: 'i', sink_id: 'c', source_name: 'nope', sink_name: 'b' },
        { source_id: 'c', sink_id: 'o', source_name: 'result', sink_name: 'value_#_k' },
        { source_id: 'c', sink_id: 'o', source_name: 'result', sink_name: 'missing_$_1' },
      ],
    );
    expect(validateGraph(graph, registry)).toEqual([
      expect.objectContaining({ node_id: 'i', link_id: 'l2', field: 'nope', code: 'unknown_pin' }),
      expect.objectContaining({ node_id: 'o', link_id: 'l4', field: 'missing_$_1', code: 'unknown_pin' }),
    ]);
    expect(validateGraph(graph, registry)[1]?.message).toBe(
      'Link l4: block AgentOutputBlock has no input pin "missing"',
    );
  });
  it('exempts tool pins on the sink side only', () => {
    const graph = graphOf(
      [calc('c'), output('o')],
      [
        { source_id: 'c', sink_id: 'o', source_name: 'result', sink_name: 'tools_^_x_~_y' },
        { source_id: 'c', sink_id: 'o', source_name: 'tools_^_x_~_y', sink_name: 'value' },
      ],
    );
    expect(validateGraph(graph, registry).map((issue) => issue.link_id)).toEqual(['l2']);
  });
  it('uses the child schemas of an Agent node for its pins', () => {
    const graph = graphOf(
      [input('i'), executor('x'), output('o')],
      [
        { source_id: 'i', sink_id: 'x', source_name: 'result', sink_name: 'topic' },
        { source_id: 'x', sink_id: 'o', source_name: 'answer', sink_name: 'value' },
        { source_id: 'i', sink_id: 'x', source_name: 'result', sink_name: 'user_id' },
        { source_id: 'x', sink_id: 'o', source_name: 'error', sink_name: 'value' },
      ],
    );
    expect(validateGraph(graph, registry).map((issue) => [issue.link_id, issue.field])).toEqual([
      ['l3', 'user_id'],
      ['l4', 'error'],
    ]);
  });
  it('reads pins from the constants of an Agent block without pin hooks', () => {
    const bare = { id: 'x', block_id: ids.bareAgent, input_default: childSchemas };
    const graph = graphOf(
      [input('i'), bare, output('o')],
      [
        { source_id: 'i', sink_id: 'x', source_name: 'result', sink_name: 'tone' },
        { source_id: 'x', sink_id: 'o', source_name: 'answer', sink_name: 'value' },
        { source_id: 'i', sink_id: 'x', source_name: 'result', sink_name: 'input_schema' },
        { source_id: 'x', sink_id: 'o', source_name: 'question', sink_name: 'value' },
      ],
    );
    expect(validateGraph(graph, registry).map((issue) => issue.link_id)).toEqual(['l3', 'l4']);
  });
  it("accepts a dynamic block's hook pins plus its declared ones; no input list means any pin", () => {
    const dynamic = (id: string, input_default: Record<string, unknown>) => ({
      id,
      block_id: ids.dynamicOutputs,
      input_default,
    });
    const graph = graphOf(
      [dynamic('d', { pins: ['a'] }), dynamic('e', {}), dynamic('f', { accepts: { p: 1 } })],
      [
        { source_id: 'd', sink_id: 'e', source_name: 'a', sink_name: 'anything' },
        { source_id: 'd', sink_id: 'e', source_name: 'status', sink_name: 'x' },
        { source_id: 'd', sink_id: 'f', source_name: 'error', sink_name: 'p' },
        { source_id: 'd', sink_id: 'f', source_name: 'b', sink_name: 'q' },
      ],
    );
    expect(validateGraph(graph, registry).map((issue) => [issue.link_id, issue.field])).toEqual([
      ['l4', 'b'],
      ['l4', 'q'],
    ]);
  });
});

describe('validateGraph: nodes', () => {
  it('reports an unknown block naming it and the node, and a disabled block', () => {
    const graph = graphOf([
      { id: 'n1', block_id: 'd3f4g5h6-1i2j-3k4l-5m6n-7o8p9q0r1s2t' },
      { id: 'n2', block_id: ids.disabled },
    ]);
    const found = validateGraph(graph, registry);
    expect(found.map((issue) => issue.code)).toEqual(['unknown_block', 'disabled_block']);
    expect(found[0]?.message).toContain('d3f4g5h6-1i2j-3k4l-5m6n-7o8p9q0r1s2t');
    expect(found[0]?.node_id).toBe('n1');
  });
  it('checks required inputs of Input, Output and Agent nodes when saving, and of all nodes for a run', () => {
    const graph = graphOf([
      { id: 'i', block_id: ids.agentInput },
      { id: 'o', block_id: ids.agentOutput },
      {
        id: 'x',
        block_id: ids.agentExecutor,
        input_default: { user_id: 'u', graph_id: 'g', graph_version: 1 },
      },
      calc('c', {}),
    ]);
    const saving = validateGraph(graph, registry).map((issue) => [issue.node_id, issue.field, issue.message]);
    expect(saving).toEqual([
      ['i', 'name', 'This field is required'],
      ['o', 'name', 'This field is required'],
      ['x', 'input_schema', 'This field is required'],
      ['x', 'output_schema', 'This field is required'],
    ]);
    const running = validateGraph(graph, registry, { forRun: true }).map((issue) => [
      issue.node_id,
      issue.field,
    ]);
    expect(running).toContainEqual(['c', 'a']);
    expect(running).toContainEqual(['c', 'b']);
  });
  it('counts constants (sanitised), inbound links (sanitised) and masks as provided', () => {
    const graph = graphOf(
      [input('i'), calc('c', { 'a_#_x': 1 })],
      [{ source_id: 'i', sink_id: 'c', source_name: 'result', sink_name: 'b_$_0' }],
    );
    expect(validateGraph(graph, registry, { forRun: true })).toEqual([]);
    const masked = graphOf([calc('c', {})]);
    expect(validateGraph(masked, registry, { forRun: true, nodesInputMasks: { c: { a: 1, b: 2 } } })).toEqual(
      [],
    );
  });
  it('exempts credentials fields from the required check', () => {
    const graph = graphOf([{ id: 'w', block_id: ids.extractWebsite, input_default: { url: 'https://x' } }]);
    expect(validateGraph(graph, registry, { forRun: true })).toEqual([]);
  });
  it("adds an Agent node's missing child inputs for a run, minus linked and masked ones", () => {
    const graph = graphOf([input('i'), executor('x')], []);
    expect(validateGraph(graph, registry).filter((issue) => issue.node_id === 'x')).toEqual([]);
    expect(validateGraph(graph, registry, { forRun: true })).toEqual([
      expect.objectContaining({ node_id: 'x', field: 'topic', code: 'missing_input' }),
    ]);
    const linked = graphOf(
      [input('i'), executor('x')],
      [{ source_id: 'i', sink_id: 'x', source_name: 'result', sink_name: 'topic' }],
    );
    expect(validateGraph(linked, registry, { forRun: true })).toEqual([]);
    const constant = graphOf([executor('x', { inputs: { topic: 'cats' } })]);
    expect(validateGraph(constant, registry, { forRun: true })).toEqual([]);
    expect(validateGraph(graph, registry, { forRun: true, nodesInputMasks: { x: { topic: 't' } } })).toEqual(
      [],
    );
  });
  it('forbids input nodes named like credentials fields', () => {
    const graph = graphOf([
      input('i1', 'credentials'),
      input('i2', 'openai_credentials'),
      input('i3', 'my_credentials_x'),
    ]);
    expect(validateGraph(graph, registry)).toEqual([
      expect.objectContaining({ node_id: 'i1', field: 'name', code: 'forbidden_name' }),
      expect.objectContaining({ node_id: 'i2', field: 'name', code: 'forbidden_name' }),
    ]);
  });
  it('checks depends_on for runs only', () => {
    const dependent = (input_default: Record<string, unknown>) =>
      graphOf([{ id: 'd', block_id: ids.dependent, input_default }]);
    const messages = (input_default: Record<string, unknown>, forRun: boolean) =>
      validateGraph(dependent(input_default), registry, { forRun }).map((issue) => [
        issue.field,
        issue.message,
      ]);
    // `level` has a non-null default, so it always has a value and always needs `mode`.
    expect(messages({}, true)).toEqual([['level', 'Requires mode to be set']]);
    expect(messages({ detail: 'x' }, true)).toEqual([
      ['detail', 'Requires mode to be set'],
      ['level', 'Requires mode to be set'],
    ]);
    expect(messages({ detail: '  ', mode: 'm' }, true)).toEqual([]);
    expect(messages({ detail: 'x', mode: ' ' }, true)).toHaveLength(2);
    expect(messages({ detail: 'x' }, false)).toEqual([]);
    const masked = validateGraph(dependent({ detail: 'x' }), registry, {
      forRun: true,
      nodesInputMasks: { d: { mode: 'm' } },
    });
    expect(masked).toEqual([]);
  });
  it('checks a credentials discriminator always', () => {
    const node = (input_default: Record<string, unknown>) =>
      graphOf([{ id: 'p', block_id: ids.discriminated, input_default }]);
    expect(validateGraph(node({}), registry)).toEqual([
      {
        graph_id: 'g1',
        node_id: 'p',
        field: 'credentials',
        code: 'depends_on',
        message: 'Requires flavour to be set',
      },
    ]);
    expect(validateGraph(node({ flavour: 'a' }), registry)).toEqual([]);
    // An LLM node's `model` has a schema default, which counts as a value.
    expect(
      validateGraph(
        graphOf([{ id: 'l', block_id: ids.textGenerator, input_default: { prompt: 'p' } }]),
        registry,
      ),
    ).toEqual([]);
  });
  it('validates every sub-graph and stamps each issue with its graph id', () => {
    const sub = graphOf([{ id: 'n', block_id: 'nope' }], [], { id: 'sub' });
    const graph = graphOf([{ id: 'n', block_id: 'gone' }], [], { sub_graphs: [sub] });
    expect(validateGraph(graph, registry).map((issue) => [issue.graph_id, issue.code])).toEqual([
      ['g1', 'unknown_block'],
      ['sub', 'unknown_block'],
    ]);
  });
  it('maps issues to the node_errors wire shape', () => {
    const graph = graphOf([
      { id: 'o', block_id: ids.agentOutput },
      { id: 'n', block_id: 'nope' },
    ]);
    expect(nodeErrors(validateGraph(graph, registry))).toEqual({ o: { name: 'This field is required' } });
    const twice = [
      { node_id: 'n', field: 'f', message: 'first', code: 'missing_input' as const },
      { node_id: 'n', field: 'f', message: 'second', code: 'depends_on' as const },
    ];
    expect(nodeErrors(twice)).toEqual({ n: { f: 'first' } });
  });
});

describe('forceStaticLinks', () => {
  it('makes links from static-output blocks static, sub-graphs too, without changing the input', () => {
    const links = [
      { source_id: 'i', sink_id: 'c', source_name: 'result', sink_name: 'a' },
      { source_id: 'c', sink_id: 'o', source_name: 'result', sink_name: 'value' },
      { source_id: 'c', sink_id: 'o', source_name: 'error', sink_name: 'value', is_static: true },
    ];
    const sub = graphOf([input('i'), calc('c'), output('o')], links, { id: 's' });
    const graph = graphOf([input('i'), calc('c'), output('o')], links, { sub_graphs: [sub] });
    const fixed = forceStaticLinks(graph, registry);
    expect(fixed.links.map((link) => link.is_static)).toEqual([true, false, true]);
    expect(fixed.sub_graphs[0]?.links.map((link) => link.is_static)).toEqual([true, false, true]);
    expect(graph.links[0]?.is_static).toBe(false);
  });
});

describe('startingNodes', () => {
  it('takes nodes without inbound links and every Input node, never Note nodes', () => {
    const graph = graphOf(
      [input('i'), calc('c'), output('o'), { id: 'note', block_id: ids.note }, input('i2'), calc('free')],
      [
        { source_id: 'i', sink_id: 'c', source_name: 'result', sink_name: 'a' },
        { source_id: 'c', sink_id: 'o', source_name: 'result', sink_name: 'value' },
        { source_id: 'c', sink_id: 'i2', source_name: 'result', sink_name: 'value' },
      ],
    );
    expect(startingNodes(graph, registry).map((node) => node.id)).toEqual(['i', 'i2', 'free']);
  });
});
