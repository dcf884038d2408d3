import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { rawInput } from '../shared/raw-input';

/** Tells whether a list has no elements. */
export const listIsEmptyBlock = defineBlock({
  id: '896ed73b-27d0-41be-813c-c1c1dc856c03',
  name: 'ListIsEmptyBlock',
  description: 'Checks whether a list is empty.',
  categories: ['BASIC'],
  input: z.object({ list: z.array(z.unknown()).meta({ description: 'The list to check.' }) }),
  output: { is_empty: z.boolean().meta({ description: 'True when the list has no elements.' }) },
  tests: [
    { name: 'an empty list', input: { list: [] }, output: [['is_empty', true]] },
    { name: 'a list holding null', input: { list: [null] }, output: [['is_empty', false]] },
    { name: 'reads JSON text', input: rawInput({ list: '[1, 2]' }), output: [['is_empty', false]] },
    {
      name: 'fails on a dictionary',
      input: rawInput({ list: { a: 1 } }),
      output: [['error', textContaining('list')]],
    },
  ],
  async *run(input) {
    yield ['is_empty', input.list.length === 0];
  },
});
