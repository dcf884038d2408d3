import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';

/** Joins texts with a delimiter; usually fed through `input_$_N` list pins. */
export const combineTextsBlock = defineBlock({
  id: 'e30a4d42-7b7d-4e6a-b36e-1f9b8e3b7d85',
  name: 'CombineTextsBlock',
  description: 'Combines several texts into one, with an optional delimiter between them.',
  categories: ['TEXT'],
  input: z.object({
    input: z.array(z.string()).meta({ description: 'The texts to combine, in order.' }),
    delimiter: z.string().default('').meta({ description: 'The text to put between the texts.' }),
  }),
  output: { output: z.string().meta({ description: 'The combined text.' }) },
  tests: [
    { name: 'concatenates', input: { input: ['Hello ', 'world'] }, output: [['output', 'Hello world']] },
    {
      name: 'joins with a delimiter',
      input: { input: ['a', 'b', 'c'], delimiter: ', ' },
      output: [['output', 'a, b, c']],
    },
    { name: 'gives empty text for no texts', input: { input: [] }, output: [['output', '']] },
  ],
  async *run(input) {
    yield ['output', input.input.join(input.delimiter)];
  },
});
