import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { rawInput } from '../shared/raw-input';
import { valueKey } from '../shared/value-key';

function without(list: readonly unknown[], other: readonly unknown[]): unknown[] {
  const exclude = new Set(other.map(valueKey));
  return list.filter((item) => !exclude.has(valueKey(item)));
}

/** The elements of one list that are not in another (or in exactly one of the two), order kept. */
export const listDifferenceBlock = defineBlock({
  id: '05309873-9d61-447e-96b5-b804e2511829',
  name: 'ListDifferenceBlock',
  description:
    'Outputs the elements of the first list that are not in the second, or the symmetric difference.',
  categories: ['BASIC'],
  input: z.object({
    list_a: z.array(z.unknown()).meta({ description: 'The list to take elements from.' }),
    list_b: z.array(z.unknown()).meta({ description: 'The list of elements to leave out.' }),
    symmetric: z.boolean().default(false).meta({
      advanced: true,
      description: 'Whether to also add the elements of the second list that are not in the first.',
    }),
  }),
  output: {
    difference: z.array(z.unknown()).meta({ description: 'The elements found in only one list, in order.' }),
    length: z.number().int().meta({ description: 'How many elements the difference has.' }),
  },
  tests: [
    {
      name: 'subtracts the second list',
      input: { list_a: [1, 2, 3, 2], list_b: [2] },
      output: [
        ['difference', [1, 3]],
        ['length', 2],
      ],
    },
    {
      name: 'computes the symmetric difference',
      input: { list_a: ['a', 'b'], list_b: ['b', 'c'], symmetric: true },
      output: [
        ['difference', ['a', 'c']],
        ['length', 2],
      ],
    },
    {
      name: 'compares dictionaries by content',
      input: { list_a: [{ id: 1 }, { id: 2 }], list_b: [{ id: 1 }] },
      output: [
        ['difference', [{ id: 2 }]],
        ['length', 1],
      ],
    },
    {
      name: 'fails on a non-list',
      input: rawInput({ list_a: 5, list_b: [] }),
      output: [['error', textContaining('list_a')]],
    },
  ],
  async *run(input) {
    const difference = without(input.list_a, input.list_b);
    if (input.symmetric) difference.push(...without(input.list_b, input.list_a));
    yield ['difference', difference];
    yield ['length', difference.length];
  },
});
