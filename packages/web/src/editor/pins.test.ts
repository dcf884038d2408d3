import { describe, expect, it } from 'vitest';
import {
  agentExecutorBlock,
  agentInputBlock,
  aiTextGeneratorBlock,
  calculatorBlock,
  createListBlock,
  fillTextTemplateBlock,
  fixtureBlocks,
  storeValueBlock,
} from './fixtures';
import {
  basePinName,
  canConnect,
  dictPinName,
  inputPins,
  outputPins,
  pinLabel,
  pinTypeOf,
  splitDynamicPin,
  validateConnection,
  type PinType,
} from './pins';
import type { EditorGraph, EditorLink, EditorNode } from './types';

const node = (id: string, blockId: string, inputs: Record<string, unknown> = {}): EditorNode => ({
  id,
  blockId,
  position: { x: 0, y: 0 },
  inputs,
  metadata: {},
});
const link = (id: string, from: [string, string], to: [string, string]): EditorLink => ({
  id,
  source: from[0],
  sourcePin: from[1],
  target: to[0],
  targetPin: to[1],
  isStatic: false,
});

describe('dynamic pin names', () => {
  it.each([
    ['values', { base: 'values', kind: null, key: null }],
    ['values_#_NAME', { base: 'values', kind: 'dict', key: 'NAME' }],
    ['prompt_values_#_my_key', { base: 'prompt_values', kind: 'dict', key: 'my_key' }],
    ['items_$_3', { base: 'items', kind: 'list', key: '3' }],
    ['obj_@_attr', { base: 'obj', kind: 'object', key: 'attr' }],
    ['result_#_a_$_1', { base: 'result', kind: 'dict', key: 'a_$_1' }],
    ['tools_^_n1_~_query', { base: 'tools', kind: null, key: null }],
    ['_#_x', { base: '_#_x', kind: null, key: null }],
    ['values_#_', { base: 'values_#_', kind: null, key: null }],
  ])('splits %s', (name, expected) => {
    expect(splitDynamicPin(name)).toEqual(expected);
    expect(basePinName(name)).toBe(expected.base);
  });

  it('labels pins for messages', () => {
    expect(pinLabel('values_#_NAME')).toBe('values.NAME');
    expect(pinLabel('items_$_0')).toBe('items[0]');
    expect(pinLabel('result_#_a_$_1_@_b')).toBe('result.a[1].b');
    expect(dictPinName('values', 'city')).toBe('values_#_city');
  });
});

describe('pinTypeOf', () => {
  it.each<[string, Record<string, unknown>, PinType]>([
    ['number', { type: 'number' }, 'number'],
    ['optional integer', { anyOf: [{ type: 'integer' }, { type: 'null' }] }, 'integer'],
    ['nullable text', { type: ['string', 'null'] }, 'string'],
    ['untyped', { title: 'Value' }, 'any'],
    ['string enum', { enum: ['a', 'b'] }, 'string'],
    ['const union', { anyOf: [{ const: 'a' }, { const: 'b' }] }, 'string'],
    ['two types', { type: ['string', 'integer'] }, 'any'],
    ['mixed union', { anyOf: [{ type: 'object' }, { type: 'array' }] }, 'any'],
    ['list', { type: 'array', items: {} }, 'array'],
    ['dict', { type: 'object', additionalProperties: {} }, 'object'],
    ['credentials', { type: 'object', credentials_provider: ['openai'] }, 'credentials'],
  ])('%s', (_name, schema, expected) => {
    expect(pinTypeOf(schema)).toBe(expected);
  });
});

describe('canConnect', () => {
  const all: PinType[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'any'];
  // [source, sink] pairs the engine never converts (packages/sdk coerceValue); everything else connects.
  const refused = new Set([
    'number>boolean',
    'integer>boolean',
    'object>number',
    'object>integer',
    'object>boolean',
    'object>array',
    'array>number',
    'array>integer',
    'array>boolean',
    'array>object',
    'number>object',
    'number>array',
    'integer>object',
    'integer>array',
    'boolean>object',
    'boolean>array',
  ]);
  for (const source of all) {
    for (const sink of all) {
      const expected = !refused.has(`${source}>${sink}`);
      it(`${source} -> ${sink}: ${expected ? 'ok' : 'refused'}`, () => {
        expect(canConnect(source, sink).ok).toBe(expected);
      });
    }
  }

  it('explains a refusal with the pin names', () => {
    expect(canConnect('array', 'number', { source: 'items', sink: 'a' })).toEqual({
      ok: false,
      reason: 'Cannot connect a list (items) to a number input (a)',
    });
    expect(canConnect('object', 'array', { source: 'result', sink: 'values' })).toEqual({
      ok: false,
      reason: 'Cannot connect an object (result) to a list input (values)',
    });
  });

  it('never links credentials', () => {
    for (const source of all) {
      const result = canConnect(source, 'credentials', { sink: 'credentials' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(/^Credentials \(credentials\) cannot be linked/);
    }
  });
});

describe('inputPins / outputPins', () => {
  it('lists the calculator pins with types', () => {
    const pins = inputPins(calculatorBlock, node('c', calculatorBlock.id));
    expect(pins.map((p) => [p.name, p.type, p.required])).toEqual([
      ['operation', 'string', true],
      ['a', 'number', true],
      ['b', 'number', true],
      ['round_result', 'boolean', false],
    ]);
    expect(outputPins(calculatorBlock).map((p) => [p.name, p.type])).toEqual([
      ['result', 'number'],
      ['error', 'string'],
    ]);
  });

  it('adds dict keys and linked dynamic pins right after their field', () => {
    const template = node('t', fillTextTemplateBlock.id, {
      values: { name: 'Ada', city: 'London' },
      format: '',
    });
    const links = [
      link('l1', ['i', 'result'], ['t', 'values_#_TOPIC']),
      link('l2', ['i', 'result'], ['t', 'values_#_city']),
      link('l3', ['i', 'result'], ['other', 'values_#_ignored']),
    ];
    const pins = inputPins(fillTextTemplateBlock, template, links);
    expect(pins.map((p) => p.name)).toEqual([
      'values',
      'values_#_name',
      'values_#_city',
      'values_#_TOPIC',
      'format',
      'escape_html',
    ]);
    const topic = pins.find((p) => p.name === 'values_#_TOPIC');
    expect(topic).toMatchObject({
      title: 'TOPIC',
      type: 'any',
      dynamic: { base: 'values', kind: 'dict', key: 'TOPIC' },
    });
  });

  it('orders list item pins by index and types them by the item schema', () => {
    const list = node('l', createListBlock.id);
    const links = [
      link('a', ['x', 'result'], ['l', 'values_$_10']),
      link('b', ['x', 'result'], ['l', 'values_$_2']),
    ];
    const pins = inputPins(createListBlock, list, links).map((p) => p.name);
    expect(pins.slice(0, 3)).toEqual(['values', 'values_$_2', 'values_$_10']);
    const llmPins = outputPins(aiTextGeneratorBlock, node('g', aiTextGeneratorBlock.id), [
      link('c', ['g', 'prompt_$_0'], ['x', 'input']),
    ]);
    expect(llmPins.find((p) => p.name === 'prompt_$_0')?.type).toBe('object');
  });

  it('uses the child graph schemas on an Agent node', () => {
    const agent = node('ag', agentExecutorBlock.id, {
      graph_id: 'g',
      graph_version: 1,
      inputs: { topic: 'cats' },
      input_schema: {
        type: 'object',
        properties: { topic: { title: 'Topic', type: 'string' }, count: { type: 'integer' } },
        required: ['topic', 'count'],
      },
      output_schema: { type: 'object', properties: { summary: { title: 'Summary' } } },
    });
    expect(inputPins(agentExecutorBlock, agent).map((p) => [p.name, p.type, p.required])).toEqual([
      ['topic', 'string', false],
      ['count', 'integer', true],
    ]);
    expect(outputPins(agentExecutorBlock, agent).map((p) => p.name)).toEqual(['summary']);
  });
});

describe('validateConnection', () => {
  const graph: Pick<EditorGraph, 'nodes' | 'links'> = {
    nodes: [
      node('in', agentInputBlock.id, { name: 'x' }),
      node('list', createListBlock.id),
      node('calc', calculatorBlock.id),
      node('llm', aiTextGeneratorBlock.id),
      node('tpl', fillTextTemplateBlock.id),
      node('store', storeValueBlock.id),
      node('ghost', 'not-installed'),
    ],
    links: [link('l1', ['in', 'result'], ['calc', 'b'])],
  };
  /** `check('in.result', 'calc.a')`: a connection from node `in` pin `result` to node `calc` pin `a`. */
  const check = (from: string, to: string) => {
    const [source = '', sourceHandle = ''] = from.split(/\.(.*)/);
    const [target = '', targetHandle = ''] = to.split(/\.(.*)/);
    return validateConnection(graph, fixtureBlocks, { source, sourceHandle, target, targetHandle });
  };

  it('accepts a compatible link', () => {
    expect(check('in.result', 'calc.a')).toEqual({ ok: true });
    expect(check('calc.result', 'llm.prompt')).toEqual({ ok: true });
  });

  it('allows one link per input', () => {
    expect(check('store.output', 'calc.b')).toEqual({
      ok: false,
      reason: 'b already has a link; remove it first',
    });
    expect(check('in.result', 'calc.b')).toEqual({
      ok: false,
      reason: 'These pins are already connected',
    });
  });

  it('refuses type mismatches with a readable reason', () => {
    expect(check('list.list', 'calc.a')).toEqual({
      ok: false,
      reason: 'Cannot connect a list (list) to a number input (a)',
    });
  });

  it('refuses credentials and unknown pins or blocks', () => {
    const credentials = check('calc.error', 'llm.credentials');
    expect(credentials.ok).toBe(false);
    expect(check('calc.nope', 'llm.prompt')).toEqual({
      ok: false,
      reason: 'CalculatorBlock has no output "nope"',
    });
    expect(check('calc.result', 'llm.nope')).toEqual({
      ok: false,
      reason: 'AITextGeneratorBlock has no input "nope"',
    });
    expect(check('ghost.x', 'calc.a')).toEqual({
      ok: false,
      reason: 'Block not-installed is not installed',
    });
    expect(check('missing.x', 'calc.a')).toEqual({ ok: false, reason: 'The node no longer exists' });
  });

  it('accepts a new dict key pin and a self loop', () => {
    expect(check('calc.result', 'tpl.values_#_total')).toEqual({ ok: true });
    expect(check('llm.prompt', 'llm.prompt_values_#_history')).toEqual({ ok: true });
    expect(check('calc.result', 'list.values_$_0')).toEqual({ ok: true });
  });
});
