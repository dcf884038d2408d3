import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { columnsOf } from './csv-text';

/** Cell text that can't break the table: pipes escaped, line breaks as <br> (GitHub-flavoured Markdown). */
function cell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

/** Blockloom block: rows of dicts as a GitHub-flavoured Markdown table, for prompts, issues and messages. */
export const createMarkdownTableBlock = defineBlock({
  id: 'b33d4533-0092-4a53-acd5-8905e75b19ad',
  name: 'CreateMarkdownTableBlock',
  description:
    'Blockloom block: turns a list of dictionaries into a Markdown table (header from the keys), for LLM prompts, GitHub issues or chat messages.',
  categories: ['TEXT', 'DATA'],
  input: z.object({
    data: z
      .array(z.record(z.string(), z.unknown()))
      .meta({ description: 'The rows: one dictionary per row, its keys the column names.' }),
    columns: z.array(z.string()).default([]).meta({
      description: 'Column order (and selection); by default every key, in the order first seen.',
      advanced: true,
    }),
  }),
  output: {
    table: z.string().meta({ description: 'The Markdown table (empty when there are no columns).' }),
  },
  tests: [
    {
      name: 'writes header, separator and escaped rows',
      input: {
        data: [
          { name: 'a|b', note: 'x\ny' },
          { name: 'c', extra: 1 },
        ],
      },
      output: [
        ['table', '| name | note | extra |\n| --- | --- | --- |\n| a\\|b | x<br>y |  |\n| c |  | 1 |'],
      ],
    },
    { name: 'writes nothing for no rows', input: { data: [] }, output: [['table', '']] },
  ],
  async *run(input) {
    const columns = input.columns.length > 0 ? input.columns : columnsOf(input.data);
    if (columns.length === 0) {
      yield ['table', ''];
      return;
    }
    const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    const lines = [
      row(columns.map(cell)),
      row(columns.map(() => '---')),
      ...input.data.map((item) => row(columns.map((column) => cell(item[column])))),
    ];
    yield ['table', lines.join('\n')];
  },
});
