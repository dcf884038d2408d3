import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textOf } from '../shared/python';
import { regexFindAll, RegexRunError } from './regex-run';

/** The newest AutoGPT version's caps (catalogue §1.4). */
export const MAX_TEXT_CHARS = 1_000_000;
export const MAX_MATCHES = 1_000;
export const MAX_MATCH_CHARS = 10_000;

/** The requested group of each match; a match without that group (or where it took no part) is skipped. */
function groupValues(matches: RegExpExecArray[], group: number, findAll: boolean): string[] {
  const values: string[] = [];
  for (const match of matches) {
    const value = group >= 0 && group < match.length ? match[group] : undefined;
    if (value === undefined) continue;
    values.push(value.slice(0, MAX_MATCH_CHARS));
    if (!findAll) break;
  }
  return values;
}

/** Extracts the text matched by a regex (or one of its groups): the first match, or all of them. */
export const extractTextInformationBlock = defineBlock({
  id: '3146e4fe-2cdd-4f29-bd12-0c9d5bb4deb0',
  name: 'ExtractTextInformationBlock',
  description: 'Extracts the parts of a text that match a regular expression.',
  categories: ['TEXT'],
  input: z.object({
    text: z.unknown().meta({ description: 'The text to search; other values are searched as JSON.' }),
    pattern: z
      .string()
      .meta({ description: 'The regular expression (Python syntax) to search for.', placeholder: '(\\d+)' }),
    group: z
      .number()
      .int()
      .default(0)
      .meta({ description: 'The group to extract; 0 is the whole match.', placeholder: '0' }),
    case_sensitive: z.boolean().default(true).meta({ description: 'Whether the match is case-sensitive.' }),
    dot_all: z.boolean().default(true).meta({ description: 'Whether "." also matches line breaks.' }),
    find_all: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether to extract every match instead of the first.' }),
  }),
  output: {
    positive: z.string().meta({ description: 'An extracted text; one output per match.' }),
    negative: z.string().meta({ description: 'The text, when nothing was extracted.' }),
    matched_results: z.array(z.string()).meta({ description: 'Every extracted text.' }),
    matched_count: z.number().int().meta({ description: 'How many texts were extracted.' }),
  },
  tests: [
    {
      name: 'extracts the whole match',
      input: { text: '!chat hello there', pattern: '(?<=!chat ).*' },
      output: [
        ['positive', 'hello there'],
        ['matched_results', ['hello there']],
        ['matched_count', 1],
      ],
    },
    {
      name: 'extracts a group',
      input: { text: 'Found: <email>ada@example.com</email>', pattern: '<email>(.*?)<\\/email>', group: 1 },
      output: [
        ['positive', 'ada@example.com'],
        ['matched_results', ['ada@example.com']],
        ['matched_count', 1],
      ],
    },
    {
      name: 'extracts every match with find_all',
      input: { text: '1 22 333', pattern: '\\d+', find_all: true },
      output: [
        ['positive', '1'],
        ['positive', '22'],
        ['positive', '333'],
        ['matched_results', ['1', '22', '333']],
        ['matched_count', 3],
      ],
    },
    {
      name: 'extracts a named Python group from JSON',
      input: { text: { year: 2024 }, pattern: '"year": (?P<y>\\d+)', group: 1 },
      output: [
        ['positive', '2024'],
        ['matched_results', ['2024']],
        ['matched_count', 1],
      ],
    },
    {
      name: 'yields the text when nothing matches',
      input: { text: 'no digits', pattern: '\\d' },
      output: [
        ['negative', 'no digits'],
        ['matched_results', []],
        ['matched_count', 0],
      ],
    },
    {
      name: 'skips matches lacking the group',
      input: { text: 'abc', pattern: 'b', group: 2 },
      output: [
        ['negative', 'abc'],
        ['matched_results', []],
        ['matched_count', 0],
      ],
    },
    {
      // Catalogue §1.4: the newest version reports a bad pattern as "no match" rather than failing.
      name: 'treats an invalid pattern as no match',
      input: { text: 'abc', pattern: '[unclosed' },
      output: [
        ['negative', 'abc'],
        ['matched_results', []],
        ['matched_count', 0],
      ],
    },
    {
      name: 'caps each match at 10 000 characters',
      input: { text: 'x'.repeat(MAX_MATCH_CHARS + 5), pattern: 'x+' },
      output: [
        ['positive', 'x'.repeat(MAX_MATCH_CHARS)],
        ['matched_results', ['x'.repeat(MAX_MATCH_CHARS)]],
        ['matched_count', 1],
      ],
    },
  ],
  async *run(input) {
    const text = textOf(input.text);
    let results: string[];
    try {
      const matches = regexFindAll(input.pattern, text.slice(0, MAX_TEXT_CHARS), {
        caseSensitive: input.case_sensitive,
        dotAll: input.dot_all,
        limit: MAX_MATCHES,
      });
      results = groupValues(matches, input.group, input.find_all);
    } catch (error) {
      if (!(error instanceof RegexRunError)) throw error;
      results = [];
    }
    if (results.length === 0) yield ['negative', text];
    for (const result of results) yield ['positive', result];
    yield ['matched_results', results];
    yield ['matched_count', results.length];
  },
});
