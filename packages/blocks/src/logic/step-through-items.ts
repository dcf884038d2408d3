import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { isRecord, isTruthy } from '../shared/python';

/** Catalogue §1.6 limits: one source may hold at most this many items, and `items_str` at most 1 MB. */
export const MAX_ITEMS = 10_000;
export const MAX_ITEMS_STR_BYTES = 1024 * 1024;

type Source = unknown[] | Record<string, unknown>;

function parseItemsString(text: string): Source {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_ITEMS_STR_BYTES) {
    throw new Error(`items_str is too large: ${bytes} bytes (the limit is ${MAX_ITEMS_STR_BYTES})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`items_str is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (Array.isArray(parsed) || isRecord(parsed)) return parsed;
  throw new Error('items_str must hold a JSON list or object');
}

/** `[value, key]` pairs: list elements with their index, or dictionary values with their key. */
function entriesOf(source: Source): [unknown, string | number][] {
  return Array.isArray(source)
    ? source.map((item, index): [unknown, number] => [item, index])
    : Object.entries(source).map(([key, value]): [unknown, string] => [value, key]);
}

/** Emits each element of a list or dictionary as its own output, with its index or key. */
export const stepThroughItemsBlock = defineBlock({
  id: 'f66a3543-28d3-4ab5-8945-9b336371e2ce',
  name: 'StepThroughItemsBlock',
  description: 'Outputs each item of a list or dictionary one at a time, with its index or key.',
  categories: ['LOGIC'],
  input: z.object({
    // Catalogue §1.6: real agents wire dictionaries into `items` too, so it takes either.
    items: z
      .union([z.array(z.unknown()), z.record(z.string(), z.unknown())])
      .default([])
      .meta({ description: 'The list or dictionary to step through.', placeholder: '[1, 2, 3]' }),
    items_object: z
      .record(z.string(), z.unknown())
      .default({})
      .meta({ description: 'A dictionary to step through.', placeholder: '{"key": "value"}' }),
    items_str: z
      .string()
      .default('')
      .meta({ description: 'A list or dictionary as JSON text to step through.' }),
  }),
  output: {
    item: z.unknown().meta({ description: 'The current item.' }),
    key: z.unknown().meta({ description: 'The index (list) or key (dictionary) of the current item.' }),
  },
  tests: [
    {
      name: 'steps through a list',
      input: { items: ['a', 'b'] },
      output: [
        ['item', 'a'],
        ['key', 0],
        ['item', 'b'],
        ['key', 1],
      ],
    },
    {
      name: 'steps through a dictionary given as items',
      input: { items: { x: 1, y: 2 } },
      output: [
        ['item', 1],
        ['key', 'x'],
        ['item', 2],
        ['key', 'y'],
      ],
    },
    {
      name: 'steps through every non-empty source in order',
      input: { items: [10], items_object: { k: 'v' }, items_str: '["s"]' },
      output: [
        ['item', 10],
        ['key', 0],
        ['item', 'v'],
        ['key', 'k'],
        ['item', 's'],
        ['key', 0],
      ],
    },
    { name: 'yields nothing for empty sources', input: {}, output: [] },
    {
      name: 'fails on invalid JSON text',
      input: { items_str: '[1, 2' },
      output: [['error', textContaining('not valid JSON')]],
    },
    {
      name: 'fails on more than 10 000 items',
      input: { items: Array.from({ length: MAX_ITEMS + 1 }, (_, i) => i) },
      output: [['error', textContaining('Too many items')]],
    },
    {
      name: 'fails on text over 1 MB',
      input: { items_str: `["${'x'.repeat(MAX_ITEMS_STR_BYTES)}"]` },
      output: [['error', textContaining('too large')]],
    },
  ],
  async *run(input) {
    for (const source of [input.items, input.items_object, input.items_str]) {
      if (!isTruthy(source)) continue;
      let collection: Source;
      try {
        collection = typeof source === 'string' ? parseItemsString(source) : source;
      } catch (error) {
        yield ['error', error instanceof Error ? error.message : String(error)];
        return;
      }
      const entries = entriesOf(collection);
      if (entries.length > MAX_ITEMS) {
        yield ['error', `Too many items: ${entries.length} (the limit is ${MAX_ITEMS})`];
        return;
      }
      for (const [item, key] of entries) {
        yield ['item', item];
        yield ['key', key];
      }
    }
  },
});
