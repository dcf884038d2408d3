import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';

/** Splits text at every occurrence of a delimiter, like Python's `str.split(delimiter)`. */
export const textSplitBlock = defineBlock({
  id: 'd5ea33c8-a575-477a-b42f-2fe3be5055ec',
  name: 'TextSplitBlock',
  description: 'Splits a text into a list of texts at every occurrence of a delimiter.',
  categories: ['TEXT'],
  input: z.object({
    text: z.string().meta({ description: 'The text to split.' }),
    delimiter: z.string().meta({ description: 'The delimiter to split at.', placeholder: ',' }),
    strip: z.boolean().default(true).meta({ description: 'Whether to trim whitespace around each piece.' }),
  }),
  output: { texts: z.array(z.string()).meta({ description: 'The pieces of text.' }) },
  tests: [
    {
      name: 'splits and trims',
      input: { text: 'a, b ,c', delimiter: ',' },
      output: [['texts', ['a', 'b', 'c']]],
    },
    {
      name: 'keeps whitespace when asked',
      input: { text: 'a, b', delimiter: ',', strip: false },
      output: [['texts', ['a', ' b']]],
    },
    {
      name: 'keeps empty pieces',
      input: { text: 'a,,b,', delimiter: ',' },
      output: [['texts', ['a', '', 'b', '']]],
    },
    {
      name: 'splits on a multi-character delimiter',
      input: { text: '1 -- 2', delimiter: '--' },
      output: [['texts', ['1', '2']]],
    },
    { name: 'gives [] for empty text', input: { text: '', delimiter: ',' }, output: [['texts', []]] },
    {
      name: 'fails on an empty delimiter',
      input: { text: 'abc', delimiter: '' },
      output: [['error', textContaining('empty')]],
    },
  ],
  async *run(input) {
    if (input.text === '') {
      yield ['texts', []];
      return;
    }
    // Python's str.split("") raises "empty separator"; say so instead of splitting into characters.
    if (input.delimiter === '') {
      yield ['error', 'The delimiter must not be empty'];
      return;
    }
    const pieces = input.text.split(input.delimiter);
    yield ['texts', input.strip ? pieces.map((piece) => piece.trim()) : pieces];
  },
});
