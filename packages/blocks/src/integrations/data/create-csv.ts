import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { toCsv } from './csv-text';

/** Blockloom block: the inverse of ReadSpreadsheetBlock for CSV — rows of dicts in, CSV text out. */
export const createCsvBlock = defineBlock({
  id: '0ea2aeda-89ea-457a-96f5-c743c09179ca',
  name: 'CreateCSVBlock',
  description:
    'Blockloom block: turns a list of dictionaries into CSV text with a header row, quoting fields as RFC 4180 requires.',
  categories: ['DATA', 'TEXT'],
  input: z.object({
    data: z
      .array(z.record(z.string(), z.unknown()))
      .meta({ description: 'The rows: one dictionary per row, its keys the column names.' }),
    columns: z.array(z.string()).default([]).meta({
      description: 'Column order (and selection); by default every key, in the order first seen.',
      advanced: true,
    }),
    delimiter: z
      .string()
      .length(1)
      .default(',')
      .meta({ description: 'The field separator (one character).', advanced: true }),
    include_header: z.boolean().default(true).meta({ description: 'Write the column names first.' }),
  }),
  output: { csv: z.string().meta({ description: 'The CSV text (CRLF line ends).' }) },
  tests: [
    {
      name: 'writes a header and quotes what needs quoting',
      input: {
        data: [
          { name: 'Ada', note: 'says "hi", twice' },
          { name: 'Bob', note: 'line1\nline2', extra: 3 },
        ],
      },
      output: [['csv', 'name,note,extra\r\nAda,"says ""hi"", twice",\r\nBob,"line1\nline2",3']],
    },
    {
      name: 'follows the chosen columns and delimiter, without header',
      input: { data: [{ a: 1, b: { x: true } }], columns: ['b', 'a'], delimiter: ';', include_header: false },
      output: [['csv', '"{""x"":true}";1']],
    },
    {
      name: 'refuses a delimiter longer than one character',
      input: { data: [], delimiter: ';;' },
      output: [['error', (value: unknown) => typeof value === 'string' && value.includes('delimiter')]],
    },
  ],
  async *run(input) {
    const options = {
      delimiter: input.delimiter,
      includeHeader: input.include_header,
      columns: input.columns,
    };
    if (input.delimiter === '"' || /[\r\n]/.test(input.delimiter)) {
      yield ['error', 'The delimiter cannot be a quote or a line break'];
      return;
    }
    yield ['csv', toCsv(input.data, options)];
  },
});
