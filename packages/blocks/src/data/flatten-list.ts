import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';

/** How deeply lists nest inside `value`: a flat list is 1, a list holding a list 2, a non-list 0. */
function depthOf(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  let deepest = 0;
  for (const item of value) deepest = Math.max(deepest, depthOf(item));
  return deepest + 1;
}

/** Spreads nested lists into their parent, `levels` levels deep (-1: all the way). */
function flatten(list: readonly unknown[], levels: number): unknown[] {
  if (levels === 0) return [...list];
  const out: unknown[] = [];
  for (const item of list) {
    if (Array.isArray(item)) out.push(...flatten(item, levels < 0 ? -1 : levels - 1));
    else out.push(item);
  }
  return out;
}

/** Turns a nested list into a flat one, completely or a given number of levels deep. */
export const flattenListBlock = defineBlock({
  id: 'cc45bb0f-d035-4756-96a7-fe3e36254b4d',
  name: 'FlattenListBlock',
  description: 'Flattens a nested list into a single list, completely or up to a maximum depth.',
  categories: ['BASIC'],
  input: z.object({
    nested_list: z.array(z.unknown()).meta({ description: 'The nested list to flatten.' }),
    max_depth: z.number().int().default(-1).meta({
      advanced: true,
      description: 'How many levels to flatten; -1 flattens completely.',
      placeholder: '-1',
    }),
  }),
  output: {
    flattened_list: z.array(z.unknown()).meta({ description: 'The flattened list.' }),
    length: z.number().int().meta({ description: 'How many elements the flattened list has.' }),
    original_depth: z
      .number()
      .int()
      .meta({ description: 'How deeply the input was nested; a flat list has depth 1.' }),
  },
  tests: [
    {
      name: 'flattens completely',
      input: { nested_list: [1, [2, [3, [4]]], []] },
      output: [
        ['flattened_list', [1, 2, 3, 4]],
        ['length', 4],
        ['original_depth', 4],
      ],
    },
    {
      name: 'flattens one level',
      input: { nested_list: [[1, [2]], [3]], max_depth: 1 },
      output: [
        ['flattened_list', [1, [2], 3]],
        ['length', 3],
        ['original_depth', 3],
      ],
    },
    {
      name: 'keeps a flat list',
      input: { nested_list: ['a', { b: [1] }] },
      output: [
        ['flattened_list', ['a', { b: [1] }]],
        ['length', 2],
        ['original_depth', 1],
      ],
    },
    {
      name: 'fails on a depth below -1',
      input: { nested_list: [[1]], max_depth: -2 },
      output: [['error', 'max_depth must be -1 (no limit) or a non-negative integer, got -2']],
    },
  ],
  async *run(input) {
    if (input.max_depth < -1) {
      yield ['error', `max_depth must be -1 (no limit) or a non-negative integer, got ${input.max_depth}`];
      return;
    }
    const flattened = flatten(input.nested_list, input.max_depth);
    yield ['flattened_list', flattened];
    yield ['length', flattened.length];
    yield ['original_depth', depthOf(input.nested_list)];
  },
});
