import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { rawInput } from '../shared/raw-input';
import { uniqueValues, valueKey } from '../shared/value-key';

/** The elements two lists share, each once, in the order of the first list. */
export const listIntersectionBlock = defineBlock({
  id: 'b6eb08b6-dbe3-411b-b9b4-2508cb311a1f',
  name: 'ListIntersectionBlock',
  description: 'Outputs the elements present in both lists, without repeats, in the order of the first list.',
  categories: ['BASIC'],
  input: z.object({
    list_a: z.array(z.unknown()).meta({ description: 'The first list; its order is kept.' }),
    list_b: z.array(z.unknown()).meta({ description: 'The second list.' }),
  }),
  output: {
    intersection: z.array(z.unknown()).meta({ description: 'The elements found in both lists.' }),
    length: z.number().int().meta({ description: 'How many elements the intersection has.' }),
  },
  tests: [
    {
      name: 'keeps shared elements once, in the first list order',
      input: { list_a: [3, 1, 2, 1], list_b: [1, 3, 5] },
      output: [
        ['intersection', [3, 1]],
        ['length', 2],
      ],
    },
    {
      name: 'treats 1 and true as equal, as Python does',
      input: { list_a: [1, 'x'], list_b: [true] },
      output: [
        ['intersection', [1]],
        ['length', 1],
      ],
    },
    {
      name: 'gives [] without overlap',
      input: { list_a: ['a'], list_b: ['b'] },
      output: [
        ['intersection', []],
        ['length', 0],
      ],
    },
    {
      name: 'fails on a non-list',
      input: rawInput({ list_a: [], list_b: 'x' }),
      output: [['error', textContaining('list_b')]],
    },
  ],
  async *run(input) {
    const inB = new Set(input.list_b.map(valueKey));
    const intersection = uniqueValues(input.list_a.filter((item) => inB.has(valueKey(item))));
    yield ['intersection', intersection];
    yield ['length', intersection.length];
  },
});
