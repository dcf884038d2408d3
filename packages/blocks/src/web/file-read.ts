import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { decodeText, textChunks } from './file-chunks';
import { loadMedia } from './media';

const limitField = (description: string) => z.number().int().default(0).meta({ advanced: true, description });

/** Reads a text file (URL, data URI or run file) and yields it whole or in rows and chunks (catalogue §1.4). */
export const fileReadBlock = defineBlock({
  id: '3735a31f-7e18-4aca-9e90-08a7120674bc',
  name: 'FileReadBlock',
  description:
    'Reads a text file (UTF-8, or latin-1 when it is not UTF-8) and outputs its content, whole or split into rows and chunks.',
  categories: ['TEXT', 'DATA'],
  input: z.object({
    file_input: z.string().meta({
      format: 'file',
      description: 'The file to read: a URL, a data URI or a path in the run’s files.',
    }),
    delimiter: z
      .string()
      .default('')
      .meta({ advanced: true, description: 'Split the content into rows on this text; empty: one row.' }),
    size_limit: limitField('Characters per output chunk; 0: each row whole.'),
    row_limit: limitField('Rows to output at most; 0: all.'),
    skip_size: limitField('Characters to skip at the start of the file.'),
    skip_rows: limitField('Rows to skip before output starts.'),
  }),
  output: {
    content: z.string().meta({ description: 'The content, or one row or chunk of it per event.' }),
  },
  tests: [
    {
      name: 'reads a whole file',
      input: { file_input: 'data:text/plain;base64,aGVsbG8gd29ybGQ=' },
      output: [['content', 'hello world']],
    },
    {
      name: 'splits rows, skips and limits them',
      input: { file_input: 'data:text/csv,h%0Aa%0Ab%0Ac', delimiter: '\n', skip_rows: 1, row_limit: 2 },
      output: [
        ['content', 'a'],
        ['content', 'b'],
      ],
    },
    {
      name: 'falls back to latin-1',
      input: { file_input: 'data:text/plain;base64,Y2Fm6Q==' },
      output: [['content', 'café']],
    },
    {
      name: 'refuses a path outside the run',
      input: { file_input: '../etc/passwd' },
      output: [['error', textContaining('may not contain ".."')]],
    },
  ],
  async *run(input, ctx) {
    const file = await loadMedia(input.file_input, { graphExecId: ctx.ids.graphExecId, signal: ctx.signal });
    const chunks = textChunks(decodeText(file.bytes), {
      delimiter: input.delimiter,
      sizeLimit: input.size_limit,
      rowLimit: input.row_limit,
      skipSize: input.skip_size,
      skipRows: input.skip_rows,
    });
    for (const chunk of chunks) yield ['content', chunk];
  },
});
