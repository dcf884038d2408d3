import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { parseCsv } from './csv-parse';
import { decodeText, looksLikeExcel, parseDataUri } from './data-uri';

const csvDataUri = (text: string, type = 'text/csv') =>
  `data:${type};base64,${Buffer.from(text, 'utf8').toString('base64')}`;

const textTypes = /^(text\/|application\/(csv|x-csv|octet-stream)$)/;

/** The CSV text to read: `file_input` (a data: URI for now) when given, else `contents`. */
function sourceText(contents: string | null, fileInput: string | null): string {
  if (fileInput) {
    const file = parseDataUri(fileInput);
    if (!file) {
      throw new BlockError(
        'Only CSV given as a data: URI can be read from file_input for now; pass the CSV text in contents instead',
      );
    }
    if (
      looksLikeExcel(file.bytes) ||
      /spreadsheetml|ms-excel|opendocument\.spreadsheet/.test(file.mediaType)
    ) {
      throw new BlockError('Excel files are not supported yet; only CSV can be read');
    }
    if (!textTypes.test(file.mediaType)) {
      throw new BlockError(`Files of type ${file.mediaType} are not supported; only CSV can be read`);
    }
    return decodeText(file.bytes);
  }
  if (contents !== null) return contents;
  throw new BlockError('Either contents or file_input is required');
}

function singleCharacter(value: string, field: string, allowEmpty = false): void {
  if (value.length === 1 || (allowEmpty && value === '')) return;
  throw new BlockError(`${field} must be a single character, got ${JSON.stringify(value)}`);
}

/** Reads CSV into one dictionary per row, keyed by the header (or by column position). */
export const readSpreadsheetBlock = defineBlock({
  id: 'acf7625e-d2cb-4941-bfeb-2819fc6fc015',
  name: 'ReadSpreadsheetBlock',
  description: 'Reads CSV data into a list of rows, each a dictionary keyed by the column headers.',
  categories: ['TEXT', 'DATA'],
  input: z.object({
    contents: z
      .string()
      .nullable()
      .default(null)
      .meta({ description: 'The CSV text to read.', placeholder: 'name,age\nAda,36' }),
    file_input: z
      .string()
      .nullable()
      .default(null)
      .meta({ format: 'file', description: 'A CSV file to read instead, as a data: URI.' }),
    delimiter: z.string().default(',').meta({ description: 'The character between fields.' }),
    quotechar: z.string().default('"').meta({ description: 'The character that quotes fields.' }),
    escapechar: z
      .string()
      .default('\\')
      .meta({ description: 'The character that makes the next one literal; empty for none.' }),
    has_header: z
      .boolean()
      .default(true)
      .meta({ description: 'Whether the first row holds the column names.' }),
    skip_rows: z
      .number()
      .int()
      .min(0)
      .default(0)
      .meta({ description: 'How many rows to skip after the header.', placeholder: '0' }),
    strip: z.boolean().default(true).meta({ description: 'Whether to trim whitespace around values.' }),
    skip_columns: z
      .array(z.string())
      .default([])
      .meta({ description: 'The columns to leave out, by header name or position.' }),
    produce_singular_result: z.boolean().default(false).meta({
      description: 'Whether to output each row on its own (`row`) instead of all rows at once (`rows`).',
    }),
  }),
  output: {
    row: z.record(z.string(), z.string()).meta({ description: 'One row, when rows are output one by one.' }),
    rows: z.array(z.record(z.string(), z.string())).meta({ description: 'All the rows.' }),
  },
  tests: [
    {
      name: 'reads rows keyed by the header',
      input: { contents: 'name, age\n Ada ,36\n\n"Lovelace, A.","said ""hi""\nthen left"\n' },
      output: [
        [
          'rows',
          [
            { name: 'Ada', age: '36' },
            { name: 'Lovelace, A.', age: 'said "hi"\nthen left' },
          ],
        ],
      ],
    },
    {
      name: 'outputs rows one by one, skipping rows and columns',
      input: {
        contents: 'a;b;c\nskip;me;too\n1;2;3\n4;5;6',
        delimiter: ';',
        skip_rows: 1,
        skip_columns: ['b'],
        produce_singular_result: true,
      },
      output: [
        ['row', { a: '1', c: '3' }],
        ['row', { a: '4', c: '6' }],
      ],
    },
    {
      name: 'keys by position without a header and keeps spaces when asked',
      input: { contents: ' x ,y\\,z', has_header: false, strip: false },
      output: [['rows', [{ '0': ' x ', '1': 'y,z' }]]],
    },
    {
      name: 'reads a CSV data URI',
      input: { file_input: csvDataUri('id,city\n1,Zürich\n') },
      output: [['rows', [{ id: '1', city: 'Zürich' }]]],
    },
    {
      name: 'fails on an Excel workbook',
      input: {
        file_input: `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${Buffer.from('PK\u0003\u0004').toString('base64')}`,
      },
      output: [['error', 'Excel files are not supported yet; only CSV can be read']],
    },
    {
      name: 'fails on another kind of file',
      input: { file_input: csvDataUri('GIF89a', 'image/gif') },
      output: [['error', 'Files of type image/gif are not supported; only CSV can be read']],
    },
    {
      name: 'fails on a file URL',
      input: { file_input: 'https://example.com/data.csv' },
      output: [['error', textContaining('data: URI')]],
    },
    {
      name: 'fails without any input',
      input: {},
      output: [['error', 'Either contents or file_input is required']],
    },
    {
      name: 'fails on a long delimiter',
      input: { contents: 'a', delimiter: '::' },
      output: [['error', 'delimiter must be a single character, got "::"']],
    },
  ],
  async *run(input) {
    singleCharacter(input.delimiter, 'delimiter');
    singleCharacter(input.quotechar, 'quotechar');
    singleCharacter(input.escapechar, 'escapechar', true);
    const clean = (value: string) => (input.strip ? value.trim() : value);
    const lines = parseCsv(sourceText(input.contents, input.file_input), input);
    // As AutoGPT's reader: the header is the first row; `skip_rows` then skips rows after it.
    const header = input.has_header ? (lines.shift() ?? []).map(clean) : [];
    const skipped = new Set(input.skip_columns);
    const rows = lines
      .slice(input.skip_rows)
      .filter((line) => line.length > 0) // a blank line is not a row
      .map((line) => {
        // Entries, then fromEntries: a column named `__proto__` must become a key, not a prototype.
        const entries = line.flatMap((value, index) => {
          const name = header[index] ?? String(index);
          return skipped.has(name) || skipped.has(String(index)) ? [] : [[name, clean(value)] as const];
        });
        return Object.fromEntries(entries);
      });
    if (input.produce_singular_result) for (const row of rows) yield ['row', row];
    else yield ['rows', rows];
  },
});
