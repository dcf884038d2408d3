import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { resolveIndex } from '../shared/list-of-lists';
import { pyEquals } from '../shared/python';

const NOT_FOUND = 'Index or value not found';

/** Which element to remove (catalogue §1.3): `index` when given, else the first element equal to `value`. */
function positionToRemove(
  list: readonly unknown[],
  index: number | null,
  value: unknown,
): number | undefined {
  if (index !== null) return resolveIndex(list.length, index);
  const found = list.findIndex((item) => pyEquals(item, value));
  return found >= 0 ? found : undefined;
}

/** Removes one element from a copy of a list, by index or by value. */
export const removeFromListBlock = defineBlock({
  id: 'd93c5a93-ac7e-41c1-ae5c-ef67e6e9b826',
  name: 'RemoveFromListBlock',
  description: 'Removes an element from a list by index, or the first element equal to a value.',
  categories: ['BASIC'],
  input: z.object({
    list: z.array(z.unknown()).meta({ description: 'The list to remove from.' }),
    value: z
      .unknown()
      .default(null)
      .meta({ description: 'The value to remove (its first occurrence); used when no index is given.' }),
    index: z
      .number()
      .int()
      .nullable()
      .default(null)
      .meta({ description: 'The index of the element to remove; negative counts from the end.' }),
    return_item: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether to also output the removed element.' }),
  }),
  output: {
    updated_list: z.array(z.unknown()).meta({ description: 'The list without the element.' }),
    removed_item: z.unknown().meta({ description: 'The removed element, when requested.' }),
  },
  tests: [
    {
      name: 'removes the first equal value',
      input: { list: ['a', 'b', 'a'], value: 'a' },
      output: [['updated_list', ['b', 'a']]],
    },
    {
      name: 'removes by negative index and returns the item',
      input: { list: [1, 2, 3], index: -1, return_item: true },
      output: [
        ['updated_list', [1, 2]],
        ['removed_item', 3],
      ],
    },
    {
      name: 'prefers the index over the value',
      input: { list: ['x', 'y'], value: 'y', index: 0 },
      output: [['updated_list', ['y']]],
    },
    {
      name: 'fails on an index out of range',
      input: { list: [1], index: 3 },
      output: [['error', NOT_FOUND]],
    },
    {
      name: 'fails on a missing value',
      input: { list: [1, 2], value: 9 },
      output: [['error', NOT_FOUND]],
    },
  ],
  async *run(input) {
    const position = positionToRemove(input.list, input.index, input.value);
    if (position === undefined) {
      yield ['error', NOT_FOUND];
      return;
    }
    yield ['updated_list', input.list.filter((_, i) => i !== position)];
    if (input.return_item) yield ['removed_item', input.list[position]];
  },
});
