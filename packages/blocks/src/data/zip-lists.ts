import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { subLists } from '../shared/list-of-lists';

/** Groups the elements at each position of several lists, as Python's `zip` (or `zip_longest` when padding). */
export const zipListsBlock = defineBlock({
  id: '0d0e684f-5cb9-4c4b-b8d1-47a0860e0c07',
  name: 'ZipListsBlock',
  description: 'Zips several lists into a list of groups, one group per position.',
  categories: ['BASIC'],
  input: z.object({
    lists: z.array(z.unknown()).meta({ description: 'The lists to zip; null entries are skipped.' }),
    pad_to_longest: z.boolean().default(false).meta({
      advanced: true,
      description:
        'Whether to pad shorter lists to the longest one; otherwise the result stops at the shortest.',
    }),
    fill_value: z
      .unknown()
      .default(null)
      .meta({ advanced: true, description: 'The value to pad shorter lists with.' }),
  }),
  output: {
    zipped_list: z.array(z.array(z.unknown())).meta({ description: 'One group of elements per position.' }),
    length: z.number().int().meta({ description: 'How many groups the result has.' }),
  },
  tests: [
    {
      name: 'zips to the shortest list',
      input: {
        lists: [
          [1, 2, 3],
          ['a', 'b'],
        ],
      },
      output: [
        [
          'zipped_list',
          [
            [1, 'a'],
            [2, 'b'],
          ],
        ],
        ['length', 2],
      ],
    },
    {
      name: 'pads to the longest list',
      input: { lists: [[1, 2], ['a']], pad_to_longest: true, fill_value: '-' },
      output: [
        [
          'zipped_list',
          [
            [1, 'a'],
            [2, '-'],
          ],
        ],
        ['length', 2],
      ],
    },
    {
      name: 'gives [] for no lists',
      input: { lists: [] },
      output: [
        ['zipped_list', []],
        ['length', 0],
      ],
    },
    {
      name: 'fails on an element that is not a list',
      input: { lists: [{ a: 1 }] },
      output: [['error', 'Invalid input at index 0: expected a list, got dict']],
    },
  ],
  async *run(input) {
    const lists = subLists(input.lists);
    if ('error' in lists) {
      yield ['error', lists.error];
      return;
    }
    const lengths = lists.map((list) => list.length);
    const size = lists.length === 0 ? 0 : input.pad_to_longest ? Math.max(...lengths) : Math.min(...lengths);
    const zipped = Array.from({ length: size }, (_, i) =>
      lists.map((list) => (i < list.length ? list[i] : input.fill_value)),
    );
    yield ['zipped_list', zipped];
    yield ['length', zipped.length];
  },
});
