import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';

/** Builds a dictionary from its values; usually fed through `values_#_KEY` pins. */
export const createDictionaryBlock = defineBlock({
  id: 'b924ddf4-de4f-4b56-9a85-358930dcbc91',
  name: 'CreateDictionaryBlock',
  description: 'Creates a dictionary from the given key-value pairs.',
  categories: ['DATA'],
  input: z.object({
    values: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The key-value pairs of the dictionary.', placeholder: '{"key": "value"}' }),
  }),
  output: { dictionary: z.record(z.string(), z.unknown()).meta({ description: 'The created dictionary.' }) },
  tests: [
    {
      name: 'creates the dictionary',
      input: { values: { name: 'Ada', age: 36 } },
      output: [['dictionary', { name: 'Ada', age: 36 }]],
    },
    { name: 'creates an empty dictionary', input: { values: {} }, output: [['dictionary', {}]] },
    { name: 'fails without values', input: {}, output: [['error', textContaining('values')]] },
  ],
  async *run(input) {
    yield ['dictionary', input.values];
  },
});
