import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textOf } from '../shared/python';

/**
 * A rough token count: one token per four characters of the item's text (JSON for non-text), rounded up.
 * AutoGPT does not say how it estimates; this is the usual rule of thumb and needs no tokenizer.
 */
export function estimateTokens(item: unknown): number {
  return Math.ceil(textOf(item).length / 4);
}

/** Splits into consecutive chunks within both limits; an item over `maxTokens` on its own gets its own chunk. */
function chunk(values: readonly unknown[], maxSize: number, maxTokens: number): unknown[][] {
  const chunks: unknown[][] = [];
  let current: unknown[] = [];
  let tokens = 0;
  for (const item of values) {
    const itemTokens = estimateTokens(item);
    if (current.length > 0 && (current.length >= maxSize || tokens + itemTokens > maxTokens)) {
      chunks.push(current);
      current = [];
      tokens = 0;
    }
    current.push(item);
    tokens += itemTokens;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** A limit that is unset, zero or negative means "no limit". */
const limitOf = (value: number | null) => (value !== null && value > 0 ? value : Infinity);

/** Builds a list from its values, optionally split into chunks by size or estimated tokens. */
export const createListBlock = defineBlock({
  id: 'a912d5c7-6e00-4542-b2a9-8034136930e4',
  name: 'CreateListBlock',
  description: 'Creates a list from the given values, optionally split into chunks of limited size.',
  categories: ['DATA'],
  input: z.object({
    values: z.array(z.unknown()).meta({ description: 'The values of the list.', placeholder: '[1, 2, 3]' }),
    max_size: z.number().int().nullable().default(null).meta({
      advanced: true,
      description: 'The most items per chunk; the list is output whole when empty.',
    }),
    max_tokens: z.number().int().nullable().default(null).meta({
      advanced: true,
      description: 'The most estimated tokens (about four characters each) per chunk.',
    }),
  }),
  output: { list: z.array(z.unknown()).meta({ description: 'The list, or one chunk of it per output.' }) },
  tests: [
    {
      name: 'outputs the list whole',
      input: { values: [1, 'two', { three: 3 }] },
      output: [['list', [1, 'two', { three: 3 }]]],
    },
    { name: 'outputs an empty list once', input: { values: [], max_size: 2 }, output: [['list', []]] },
    {
      name: 'chunks by size',
      input: { values: [1, 2, 3, 4, 5], max_size: 2 },
      output: [
        ['list', [1, 2]],
        ['list', [3, 4]],
        ['list', [5]],
      ],
    },
    {
      name: 'chunks by estimated tokens',
      input: { values: ['aaaa', 'bbbb', 'cccccccc', 'd'], max_tokens: 2 },
      output: [
        ['list', ['aaaa', 'bbbb']],
        ['list', ['cccccccc']],
        ['list', ['d']],
      ],
    },
    {
      name: 'gives an oversized item a chunk of its own',
      input: { values: ['x'.repeat(40), 'y'], max_tokens: 5 },
      output: [
        ['list', ['x'.repeat(40)]],
        ['list', ['y']],
      ],
    },
    {
      name: 'respects both limits',
      input: { values: ['a', 'b', 'c', 'dddddddd'], max_size: 2, max_tokens: 2 },
      output: [
        ['list', ['a', 'b']],
        ['list', ['c']],
        ['list', ['dddddddd']],
      ],
    },
    { name: 'ignores a zero limit', input: { values: [1, 2], max_size: 0 }, output: [['list', [1, 2]]] },
  ],
  async *run(input) {
    const maxSize = limitOf(input.max_size);
    const maxTokens = limitOf(input.max_tokens);
    if (input.values.length === 0 || (maxSize === Infinity && maxTokens === Infinity)) {
      yield ['list', input.values];
      return;
    }
    for (const part of chunk(input.values, maxSize, maxTokens)) yield ['list', part];
  },
});
