import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';

/** Reads one element of a list by index; a negative index counts from the end, as in Python. */
export const getListItemBlock = defineBlock({
  id: '262ca24c-1025-43cf-a578-534e23234e97',
  name: 'GetListItemBlock',
  description: 'Gets the element at an index of a list; negative indexes count from the end.',
  categories: ['BASIC'],
  input: z.object({
    list: z.array(z.unknown()).meta({ description: 'The list to read from.' }),
    index: z
      .number()
      .int()
      .meta({ description: 'The index of the element; -1 is the last one.', placeholder: '0' }),
  }),
  output: { item: z.unknown().meta({ description: 'The element at the index.' }) },
  tests: [
    { name: 'gets the first element', input: { list: ['a', 'b'], index: 0 }, output: [['item', 'a']] },
    { name: 'gets the last element', input: { list: ['a', 'b'], index: -1 }, output: [['item', 'b']] },
    { name: 'gets a null element', input: { list: [null], index: 0 }, output: [['item', null]] },
    {
      name: 'fails past the end',
      input: { list: ['a'], index: 1 },
      output: [['error', 'Index out of range']],
    },
    {
      name: 'fails before the start',
      input: { list: ['a'], index: -2 },
      output: [['error', 'Index out of range']],
    },
    {
      name: 'fails on an empty list',
      input: { list: [], index: 0 },
      output: [['error', 'Index out of range']],
    },
  ],
  async *run(input) {
    const index = input.index < 0 ? input.list.length + input.index : input.index;
    if (index < 0 || index >= input.list.length) {
      yield ['error', 'Index out of range'];
      return;
    }
    yield ['item', input.list[index]];
  },
});
