import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { pyEquals } from '../shared/python';

/** Finds the first position of a value in a list, comparing as Python's `==` does (`1 == 1.0 == True`). */
export const findInListBlock = defineBlock({
  id: '5e2c6d0a-1e37-489f-b1d0-8e1812b23333',
  name: 'FindInListBlock',
  description: 'Finds the index of a value in a list.',
  categories: ['BASIC'],
  input: z.object({
    list: z.array(z.unknown()).meta({ description: 'The list to search.' }),
    value: z.unknown().meta({ description: 'The value to look for.', placeholder: 'value' }),
  }),
  output: {
    index: z.number().int().meta({ description: 'The index of the first occurrence of the value.' }),
    found: z.boolean().meta({ description: 'Whether the value is in the list.' }),
    not_found_value: z.unknown().meta({ description: 'The value, when it is not in the list.' }),
  },
  tests: [
    {
      name: 'finds a value',
      input: { list: ['a', 'b', 'b'], value: 'b' },
      output: [
        ['index', 1],
        ['found', true],
      ],
    },
    {
      name: 'finds a dictionary whatever its key order',
      input: { list: [{ a: 1, b: 2 }], value: { b: 2, a: 1 } },
      output: [
        ['index', 0],
        ['found', true],
      ],
    },
    {
      name: 'routes a missing value to not_found_value',
      input: { list: [1, 2], value: 3 },
      output: [
        ['found', false],
        ['not_found_value', 3],
      ],
    },
    {
      name: 'does not find anything in an empty list',
      input: { list: [], value: 'x' },
      output: [
        ['found', false],
        ['not_found_value', 'x'],
      ],
    },
  ],
  async *run(input) {
    const index = input.list.findIndex((item) => pyEquals(item, input.value));
    if (index >= 0) {
      yield ['index', index];
      yield ['found', true];
    } else {
      yield ['found', false];
      yield ['not_found_value', input.value];
    }
  },
});
