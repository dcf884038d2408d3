import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { subLists } from '../shared/list-of-lists';
import { uniqueValues } from '../shared/value-key';

/** Joins several lists end to end, optionally dropping repeats and nulls. */
export const concatenateListsBlock = defineBlock({
  id: '3cf9298b-5817-4141-9d80-7c2cc5199c8e',
  name: 'ConcatenateListsBlock',
  description: 'Concatenates several lists into one, in order, optionally removing duplicates and nulls.',
  categories: ['BASIC'],
  input: z.object({
    // Elements are checked in `run`, so a non-list gets the catalogue's error rather than a schema message.
    lists: z
      .array(z.unknown())
      .meta({ description: 'The lists to join, in order; null entries are skipped.' }),
    deduplicate: z.boolean().default(false).meta({
      advanced: true,
      description: 'Whether to keep only the first occurrence of equal elements.',
    }),
    remove_none: z
      .boolean()
      .default(false)
      .meta({ advanced: true, description: 'Whether to drop null elements.' }),
  }),
  output: {
    concatenated_list: z.array(z.unknown()).meta({ description: 'Every element of every list, in order.' }),
    length: z.number().int().meta({ description: 'How many elements the result has.' }),
  },
  tests: [
    {
      name: 'joins lists in order',
      input: { lists: [[1, 2], [3], []] },
      output: [
        ['concatenated_list', [1, 2, 3]],
        ['length', 3],
      ],
    },
    {
      name: 'skips null sub-lists',
      input: { lists: [['a'], null, ['b']] },
      output: [
        ['concatenated_list', ['a', 'b']],
        ['length', 2],
      ],
    },
    // Catalogue §1.3: deduplication is deep and ignores dictionary key order; the first occurrence stays.
    {
      name: 'deduplicates deeply and drops nulls',
      input: {
        lists: [
          [{ a: 1, b: 2 }, null, 1],
          [{ b: 2, a: 1 }, true, 'x'],
        ],
        deduplicate: true,
        remove_none: true,
      },
      output: [
        ['concatenated_list', [{ a: 1, b: 2 }, 1, 'x']],
        ['length', 3],
      ],
    },
    {
      name: 'fails on an element that is not a list',
      input: { lists: [[1], 'text'] },
      output: [['error', 'Invalid input at index 1: expected a list, got str']],
    },
  ],
  async *run(input) {
    const lists = subLists(input.lists);
    if ('error' in lists) {
      yield ['error', lists.error];
      return;
    }
    let result = lists.flat();
    if (input.remove_none) result = result.filter((item) => item !== null && item !== undefined);
    if (input.deduplicate) result = uniqueValues(result);
    yield ['concatenated_list', result];
    yield ['length', result.length];
  },
});
