import { describe, expect, it } from 'vitest';
import {
  DICT_SPLIT,
  LIST_SPLIT,
  MAX_LIST_INDEX,
  OBJC_SPLIT,
  mergeExecutionInput,
  parseExecutionOutput,
  parsePinPath,
  parseToolPinName,
  sanitizePinName,
  splitPinName,
  toolPinName,
} from './pins';

describe('pin constants', () => {
  it('uses the exact AutoGPT delimiters', () => {
    expect([LIST_SPLIT, DICT_SPLIT, OBJC_SPLIT]).toEqual(['_$_', '_#_', '_@_']);
    expect(toolPinName('node-1', 'query')).toBe('tools_^_node-1_~_query');
  });
});

describe('sanitizePinName', () => {
  it.each([
    ['values', 'values'],
    ['values_#_NAME', 'values'],
    ['items_$_3', 'items'],
    ['obj_@_attr', 'obj'],
    ['a_@_b_#_c', 'a'],
    ['a_$_0_#_b', 'a'],
    ['prompt_values_#_TOPIC', 'prompt_values'],
    ['tools_^_abc_~_query', 'tools'],
    ['tools_^_abc_~_x_#_y', 'tools'],
    ['my_value_', 'my_value_'],
    ['a_#', 'a_#'],
  ])('%s -> %s', (name, expected) => {
    expect(sanitizePinName(name)).toBe(expected);
  });
});

describe('parsePinPath / splitPinName', () => {
  it('tokenises chunks from one delimiter to the next', () => {
    expect(parsePinPath('_#_a_$_1_@_b')).toEqual([
      { delimiter: '_#_', key: 'a' },
      { delimiter: '_$_', key: '1' },
      { delimiter: '_@_', key: 'b' },
    ]);
    expect(parsePinPath('_#_my_key')).toEqual([{ delimiter: '_#_', key: 'my_key' }]);
  });
  it.each(['', 'x', 'x_#_a', '_#_', '_#__$_1', '_#_a_$_'])('rejects %j', (path) => {
    expect(parsePinPath(path)).toBeUndefined();
  });
  it('splits at the first delimiter and rejects an empty base', () => {
    expect(splitPinName('values_#_x')).toEqual({ base: 'values', steps: [{ delimiter: '_#_', key: 'x' }] });
    expect(splitPinName('values')).toBeUndefined();
    expect(splitPinName('_#_x')).toBeUndefined();
  });
  it('parses tool pin names', () => {
    expect(parseToolPinName('tools_^_n1_~_field_name')).toEqual({ sinkNodeId: 'n1', field: 'field_name' });
    expect(parseToolPinName('tools_^_n1')).toBeUndefined();
    expect(parseToolPinName('tools_^__~_x')).toBeUndefined();
    expect(parseToolPinName('tools')).toBeUndefined();
  });
});

describe('parseExecutionOutput', () => {
  const cases: [string, { name: string; value: unknown }, string, ReturnType<typeof parseExecutionOutput>][] =
    [
      ['spec example', { name: 'result', value: { a: [1, 2] } }, 'result_#_a_$_1', { hit: true, value: 2 }],
      ['exact name', { name: 'result', value: { a: 1 } }, 'result', { hit: true, value: { a: 1 } }],
      ['exact name passes null', { name: 'result', value: null }, 'result', { hit: true, value: null }],
      ['other output', { name: 'error', value: 'x' }, 'result', { hit: false }],
      ['name is only a prefix', { name: 'result', value: 1 }, 'result2', { hit: false }],
      [
        'dict key',
        { name: 'event', value: { attendees: ['a'] } },
        'event_#_attendees',
        { hit: true, value: ['a'] },
      ],
      ['missing dict key', { name: 'event', value: { x: 1 } }, 'event_#_attendees', { hit: false }],
      ['inherited member is no key', { name: 'o', value: {} }, 'o_#_toString', { hit: false }],
      ['dict key on a list', { name: 'o', value: [1] }, 'o_#_0', { hit: false }],
      ['list index', { name: 'list', value: ['a', 'b'] }, 'list_$_0', { hit: true, value: 'a' }],
      ['index out of range', { name: 'list', value: ['a'] }, 'list_$_1', { hit: false }],
      ['negative index is out of range', { name: 'list', value: ['a'] }, 'list_$_-1', { hit: false }],
      ['non-integer index', { name: 'list', value: ['a'] }, 'list_$_x', { hit: false }],
      ['index on a dict', { name: 'o', value: { 0: 'a' } }, 'o_$_0', { hit: false }],
      ['attribute', { name: 'o', value: { b: { c: 3 } } }, 'o_@_b_@_c', { hit: true, value: 3 }],
      ['attribute on a primitive', { name: 'o', value: 'text' }, 'o_@_length', { hit: false }],
      ['walk ending on null is a miss', { name: 'o', value: { a: null } }, 'o_#_a', { hit: false }],
      ['falsy values pass', { name: 'o', value: { a: 0, b: '' } }, 'o_#_b', { hit: true, value: '' }],
      ['empty identifier', { name: 'o', value: { a: 1 } }, 'o_#_', { hit: false }],
      ['no delimiter after the name', { name: 'o', value: { a: 1 } }, 'o_x_#_a', { hit: false }],
    ];
  const rows = cases.map(([label, output, selector, expected]) => ({ label, output, selector, expected }));
  it.each(rows)('$label', ({ output, selector, expected }) => {
    expect(parseExecutionOutput(output, selector)).toEqual(expected);
  });

  it('routes a tool pin only to the link from `tools` with the named sink node and pin', () => {
    const output = { name: toolPinName('n2', 'query'), value: 'cats' };
    expect(parseExecutionOutput(output, 'tools', { nodeId: 'n2', pin: 'query' })).toEqual({
      hit: true,
      value: 'cats',
    });
    expect(parseExecutionOutput(output, 'tools', { nodeId: 'n3', pin: 'query' })).toEqual({ hit: false });
    expect(parseExecutionOutput(output, 'tools', { nodeId: 'n2', pin: 'other' })).toEqual({ hit: false });
    expect(parseExecutionOutput(output, 'tools')).toEqual({ hit: false });
    expect(parseExecutionOutput(output, 'result', { nodeId: 'n2', pin: 'query' })).toEqual({ hit: false });
  });
  it('matches a legacy link naming the full tool pin exactly', () => {
    const output = { name: 'tools_^_search_~_query', value: 'cats' };
    expect(parseExecutionOutput(output, 'tools_^_search_~_query')).toEqual({ hit: true, value: 'cats' });
    expect(parseExecutionOutput(output, 'tools_^_search_~_other')).toEqual({ hit: false });
  });
});

describe('mergeExecutionInput', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['plain keys unchanged', { a: 1, b: 'x' }, { a: 1, b: 'x' }],
    ['dict key', { 'values_#_x': 1 }, { 'values_#_x': 1, values: { x: 1 } }],
    ['list pads with null', { items_$_2: 'c' }, { items_$_2: 'c', items: [null, null, 'c'] }],
    [
      'list fills in order',
      { items_$_0: 'a', items_$_1: 'b' },
      { items_$_0: 'a', items_$_1: 'b', items: ['a', 'b'] },
    ],
    ['nested dict then list', { 'a_#_b_$_2': 'v' }, { 'a_#_b_$_2': 'v', a: { b: [null, null, 'v'] } }],
    ['attribute creates an object', { 'obj_@_a': 1 }, { 'obj_@_a': 1, obj: { a: 1 } }],
    ['list of lists', { m_$_1_$_0: 1 }, { m_$_1_$_0: 1, m: [null, [1]] }],
    ['list of dicts', { 'rows_$_0_#_id': 7 }, { 'rows_$_0_#_id': 7, rows: [{ id: 7 }] }],
    [
      'object attribute',
      { 'obj_@_name': 'n', 'obj_@_age': 3 },
      { 'obj_@_name': 'n', 'obj_@_age': 3, obj: { name: 'n', age: 3 } },
    ],
    [
      'plain container first: merged into',
      { values: { a: 1 }, 'values_#_b': 2 },
      { values: { a: 1, b: 2 }, 'values_#_b': 2 },
    ],
    [
      'plain value after: it wins',
      { 'values_#_b': 2, values: { a: 1 } },
      { 'values_#_b': 2, values: { a: 1 } },
    ],
    ['list container first', { items: ['x'], items_$_2: 'z' }, { items: ['x', null, 'z'], items_$_2: 'z' }],
    [
      'wrong container kind is replaced',
      { values: 'text', 'values_#_a': 1 },
      { values: { a: 1 }, 'values_#_a': 1 },
    ],
    ['malformed key kept as a scalar', { 'values_#_': 1, '_#_x': 2 }, { 'values_#_': 1, '_#_x': 2 }],
    [
      '__proto__ is a plain key',
      { 'v_#___proto__': 1 },
      { 'v_#___proto__': 1, v: JSON.parse('{"__proto__":1}') },
    ],
  ];
  it.each(cases)('%s', (_label, input, expected) => {
    const result = mergeExecutionInput(input);
    expect(result).toEqual(expected);
    expect(Object.keys(result)).toEqual(Object.keys(expected));
  });

  it('keeps null values and overwrites an earlier list slot', () => {
    expect(mergeExecutionInput({ l_$_1: null, l_$_0: 'a' }).l).toEqual(['a', null]);
    expect(mergeExecutionInput({ l_$_0: 'a', 'l_$_0_#_k': 'b' }).l).toEqual([{ k: 'b' }]);
  });
  it('never changes its input', () => {
    const values = { a: 1, nested: { b: [1] } };
    const input = { values, 'values_#_c': 2, 'values_#_nested_#_b_$_1': 5 };
    const snapshot = structuredClone(input);
    const result = mergeExecutionInput(input);
    expect(input).toEqual(snapshot);
    expect(result.values).toEqual({ a: 1, c: 2, nested: { b: [1, 5] } });
    expect(result.values).not.toBe(values);
  });
  it('throws naming the key on a non-integer or negative list index', () => {
    expect(() => mergeExecutionInput({ items_$_x: 1 })).toThrow(/items_\$_x/);
    expect(() => mergeExecutionInput({ items_$_1_$_y: 1 })).toThrow(/"y".*items_\$_1_\$_y/);
    expect(() => mergeExecutionInput({ 'items_$_-1': 1 })).toThrow(/items_\$_-1/);
  });
  it('caps list indexes', () => {
    expect(mergeExecutionInput({ [`l_$_${MAX_LIST_INDEX}`]: 1 }).l).toHaveLength(MAX_LIST_INDEX + 1);
    expect(() => mergeExecutionInput({ [`l_$_${MAX_LIST_INDEX + 1}`]: 1 })).toThrow(/exceeds/);
  });
});
