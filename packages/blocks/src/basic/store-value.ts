import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { isTruthy } from '../shared/python';

/**
 * Holds a value for reuse: `input` triggers it, `data` (when set) is what it outputs. Its output links are
 * static, so later nodes can read the value again and again.
 */
export const storeValueBlock = defineBlock({
  id: '1ff065e9-88e8-4358-9d82-8dc91f622ba9',
  name: 'StoreValueBlock',
  description:
    'Outputs a stored value, or the trigger input when no value is stored, for reuse by later blocks.',
  categories: ['BASIC'],
  staticOutput: true,
  input: z.object({
    input: z.unknown().meta({ description: 'Triggers the block; also the output when no data is set.' }),
    data: z
      .unknown()
      .default(null)
      .meta({ description: 'The value to output; when empty, the input is output instead.' }),
  }),
  output: { output: z.unknown().meta({ description: 'The stored data, or the input.' }) },
  tests: [
    {
      name: 'outputs the data',
      input: { input: 'go', data: { key: 'value' } },
      output: [['output', { key: 'value' }]],
    },
    { name: 'outputs the input when no data is set', input: { input: 'go' }, output: [['output', 'go']] },
    // Catalogue §1.2: the check is Python truthiness, so 0, "" and [] fall back to the input too.
    {
      name: 'falls back to the input for a falsy 0',
      input: { input: 'go', data: 0 },
      output: [['output', 'go']],
    },
    {
      name: 'falls back to the input for an empty string',
      input: { input: 5, data: '' },
      output: [['output', 5]],
    },
    {
      name: 'keeps false data falling back as well',
      input: { input: true, data: false },
      output: [['output', true]],
    },
  ],
  async *run(input) {
    yield ['output', isTruthy(input.data) ? input.data : input.input];
  },
});
