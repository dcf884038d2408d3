import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { resolveIndex } from '../shared/list-of-lists';

/** Puts a new value at an index of a copy of a list, outputting the element it replaced. */
export const replaceListItemBlock = defineBlock({
  id: 'fbf62922-bea1-4a3d-8bac-23587f810b38',
  name: 'ReplaceListItemBlock',
  description: 'Replaces the element at an index of a list; negative indexes count from the end.',
  categories: ['BASIC'],
  input: z.object({
    list: z.array(z.unknown()).meta({ description: 'The list to change.' }),
    index: z
      .number()
      .int()
      .meta({ description: 'The index of the element to replace; -1 is the last one.', placeholder: '0' }),
    value: z.unknown().meta({ description: 'The new element.' }),
  }),
  output: {
    updated_list: z.array(z.unknown()).meta({ description: 'The list with the new element.' }),
    old_item: z.unknown().meta({ description: 'The element that was replaced.' }),
  },
  tests: [
    {
      name: 'replaces an element',
      input: { list: ['a', 'b', 'c'], index: 1, value: 'B' },
      output: [
        ['updated_list', ['a', 'B', 'c']],
        ['old_item', 'b'],
      ],
    },
    {
      name: 'counts a negative index from the end',
      input: { list: [1, 2, 3], index: -1, value: 30 },
      output: [
        ['updated_list', [1, 2, 30]],
        ['old_item', 3],
      ],
    },
    {
      name: 'fails past the end',
      input: { list: [1], index: 1, value: 2 },
      output: [['error', 'Index out of range']],
    },
    {
      name: 'fails on an empty list',
      input: { list: [], index: 0, value: 2 },
      output: [['error', 'Index out of range']],
    },
  ],
  async *run(input) {
    const position = resolveIndex(input.list.length, input.index);
    if (position === undefined) {
      yield ['error', 'Index out of range'];
      return;
    }
    yield ['updated_list', input.list.map((item, i) => (i === position ? input.value : item))];
    yield ['old_item', input.list[position]];
  },
});
