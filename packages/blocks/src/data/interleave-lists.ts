import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { subLists } from '../shared/list-of-lists';

/** Merges lists by taking one element from each in turn; exhausted lists drop out. */
export const interleaveListsBlock = defineBlock({
  id: '9f616084-1d9f-4f8e-bc00-5b9d2a75cd75',
  name: 'InterleaveListsBlock',
  description:
    'Interleaves several lists round-robin: the first element of each, then the second, and so on.',
  categories: ['BASIC'],
  input: z.object({
    lists: z.array(z.unknown()).meta({ description: 'The lists to interleave; null entries are skipped.' }),
  }),
  output: {
    interleaved_list: z.array(z.unknown()).meta({ description: 'The elements, alternating between lists.' }),
    length: z.number().int().meta({ description: 'How many elements the result has.' }),
  },
  tests: [
    {
      name: 'alternates between lists',
      input: {
        lists: [
          [1, 2, 3],
          ['a', 'b', 'c'],
        ],
      },
      output: [
        ['interleaved_list', [1, 'a', 2, 'b', 3, 'c']],
        ['length', 6],
      ],
    },
    {
      name: 'continues with the longer lists',
      input: { lists: [[1], ['a', 'b', 'c'], [true, false]] },
      output: [
        ['interleaved_list', [1, 'a', true, 'b', false, 'c']],
        ['length', 6],
      ],
    },
    {
      name: 'gives [] for no lists',
      input: { lists: [] },
      output: [
        ['interleaved_list', []],
        ['length', 0],
      ],
    },
    {
      name: 'fails on an element that is not a list',
      input: { lists: [[1], 2] },
      output: [['error', 'Invalid input at index 1: expected a list, got int']],
    },
  ],
  async *run(input) {
    const lists = subLists(input.lists);
    if ('error' in lists) {
      yield ['error', lists.error];
      return;
    }
    const longest = Math.max(0, ...lists.map((list) => list.length));
    const result: unknown[] = [];
    for (let i = 0; i < longest; i++) {
      for (const list of lists) if (i < list.length) result.push(list[i]);
    }
    yield ['interleaved_list', result];
    yield ['length', result.length];
  },
});
