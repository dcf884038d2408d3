import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { pyStr } from '../shared/python';

/** Writes a value to the run's log (AutoGPT prints to the server console) and passes it on. */
export const printToConsoleBlock = defineBlock({
  id: 'f3b1c1b2-4c4f-4f0d-8d2f-4c4f0d8d2f4c',
  name: 'PrintToConsoleBlock',
  description: 'Prints a value to the server log for debugging and passes it on.',
  categories: ['BASIC'],
  input: z.object({ text: z.unknown().meta({ description: 'The value to print.' }) }),
  output: {
    output: z.unknown().meta({ description: 'The printed value.' }),
    status: z.string().meta({ description: 'Always "printed".' }),
  },
  tests: [
    {
      name: 'passes text on',
      input: { text: 'Hello, World!' },
      output: [
        ['output', 'Hello, World!'],
        ['status', 'printed'],
      ],
    },
    {
      name: 'passes structured values on unchanged',
      input: { text: { a: [1, 2] } },
      output: [
        ['output', { a: [1, 2] }],
        ['status', 'printed'],
      ],
    },
    { name: 'fails without a value', input: {}, output: [['error', textContaining('text')]] },
  ],
  async *run(input, ctx) {
    ctx.logger.info(pyStr(input.text));
    yield ['output', input.text];
    yield ['status', 'printed'];
  },
});
