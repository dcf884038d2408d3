import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { rawInput } from '../shared/raw-input';

/** Outputs a list in reverse order; the input list is left as it was. */
export const reverseListOrderBlock = defineBlock({
  id: '422cb708-3109-4277-bfe3-bc2ae5812777',
  name: 'ReverseListOrderBlock',
  description: 'Reverses the order of the elements of a list.',
  categories: ['BASIC'],
  input: z.object({ input_list: z.array(z.unknown()).meta({ description: 'The list to reverse.' }) }),
  output: { reversed_list: z.array(z.unknown()).meta({ description: 'The list in reverse order.' }) },
  tests: [
    {
      name: 'reverses a list',
      input: { input_list: [1, 'two', { three: 3 }] },
      output: [['reversed_list', [{ three: 3 }, 'two', 1]]],
    },
    { name: 'keeps an empty list', input: { input_list: [] }, output: [['reversed_list', []]] },
    {
      name: 'reads JSON text',
      input: rawInput({ input_list: '["a", "b"]' }),
      output: [['reversed_list', ['b', 'a']]],
    },
    {
      name: 'fails on a non-list',
      input: rawInput({ input_list: 42 }),
      output: [['error', textContaining('input_list')]],
    },
  ],
  async *run(input) {
    yield ['reversed_list', [...input.input_list].reverse()];
  },
});
