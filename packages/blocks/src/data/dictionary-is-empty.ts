import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { rawInput } from '../shared/raw-input';

/** Tells whether a dictionary has no entries. */
export const dictionaryIsEmptyBlock = defineBlock({
  id: 'a3cf3f64-6bb9-4cc6-9900-608a0b3359b0',
  name: 'DictionaryIsEmptyBlock',
  description: 'Checks whether a dictionary is empty.',
  categories: ['BASIC'],
  input: z.object({
    dictionary: z.record(z.string(), z.unknown()).meta({ description: 'The dictionary to check.' }),
  }),
  output: { is_empty: z.boolean().meta({ description: 'True when the dictionary has no entries.' }) },
  tests: [
    { name: 'an empty dictionary', input: { dictionary: {} }, output: [['is_empty', true]] },
    {
      name: 'a dictionary with a null entry',
      input: { dictionary: { a: null } },
      output: [['is_empty', false]],
    },
    { name: 'reads JSON text', input: rawInput({ dictionary: '{}' }), output: [['is_empty', true]] },
    {
      name: 'fails on a list',
      input: rawInput({ dictionary: [1] }),
      output: [['error', textContaining('dictionary')]],
    },
  ],
  async *run(input) {
    yield ['is_empty', Object.keys(input.dictionary).length === 0];
  },
});
