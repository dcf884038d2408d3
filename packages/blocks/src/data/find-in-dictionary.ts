import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { isRecord } from '../shared/python';

type Lookup = { found: true; value: unknown } | { found: false };

function parseIfJson(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}

/**
 * Catalogue §1.3, in order: a dictionary's key; a list's element at an integer index (negative counts from
 * the end, as in Python); for a list and a text key, that key's value from every dictionary element that
 * has it (possibly `[]`). Dictionary keys are text in JSON, so an integer key is looked up as text.
 */
function lookup(container: unknown, key: string | number): Lookup {
  if (isRecord(container)) {
    const name = String(key);
    return Object.hasOwn(container, name) ? { found: true, value: container[name] } : { found: false };
  }
  if (Array.isArray(container) && typeof key === 'number') {
    const index = key < 0 ? container.length + key : key;
    return index >= 0 && index < container.length
      ? { found: true, value: container[index] }
      : { found: false };
  }
  if (Array.isArray(container)) {
    const values = container
      .filter((item) => isRecord(item) && Object.hasOwn(item, key))
      .map((item) => (item as Record<string, unknown>)[key]);
    return { found: true, value: values };
  }
  return { found: false };
}

/** Looks a key up in a dictionary or list, and routes the input to `missing` when it isn't there. */
export const findInDictionaryBlock = defineBlock({
  id: '0e50422c-6dee-4145-83d6-3a5a392f65de',
  name: 'FindInDictionaryBlock',
  description: 'Looks up a key in a dictionary (or an index in a list) and outputs its value.',
  categories: ['BASIC'],
  input: z.object({
    input: z.unknown().meta({ description: 'The dictionary or list to look in; JSON text is read first.' }),
    key: z.union([z.string(), z.number().int()]).meta({ description: 'The key (or list index) to look up.' }),
  }),
  output: {
    output: z.unknown().meta({ description: 'The value found.' }),
    missing: z.unknown().meta({ description: 'The input, when the key was not found.' }),
  },
  tests: [
    {
      name: 'finds a key',
      input: { input: { title: 'Hello', n: 1 }, key: 'title' },
      output: [['output', 'Hello']],
    },
    { name: 'finds a falsy value', input: { input: { n: 0 }, key: 'n' }, output: [['output', 0]] },
    {
      name: 'reads JSON text',
      input: { input: '{"keywords": ["a", "b"]}', key: 'keywords' },
      output: [['output', ['a', 'b']]],
    },
    {
      name: 'finds a list element by index',
      input: { input: ['a', 'b', 'c'], key: 1 },
      output: [['output', 'b']],
    },
    {
      name: 'counts a negative index from the end',
      input: { input: ['a', 'b', 'c'], key: -1 },
      output: [['output', 'c']],
    },
    {
      name: 'collects a key from every dictionary in a list',
      input: { input: [{ name: 'a' }, { other: 1 }, { name: 'b' }, 'text'], key: 'name' },
      output: [['output', ['a', 'b']]],
    },
    {
      name: 'gives [] when no element has the key',
      input: { input: [{ x: 1 }], key: 'name' },
      output: [['output', []]],
    },
    {
      name: 'routes the original input to missing',
      input: { input: '{"a": 1}', key: 'b' },
      output: [['missing', '{"a": 1}']],
    },
    {
      name: 'routes an index out of range to missing',
      input: { input: [1], key: 5 },
      output: [['missing', [1]]],
    },
    {
      name: 'routes plain text to missing',
      input: { input: 'hello', key: 'upper' },
      output: [['missing', 'hello']],
    },
  ],
  async *run(input) {
    const result = lookup(parseIfJson(input.input), input.key);
    if (result.found) yield ['output', result.value];
    else yield ['missing', input.input];
  },
});
