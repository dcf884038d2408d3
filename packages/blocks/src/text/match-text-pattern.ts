import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { isTruthy, textOf } from '../shared/python';
import { regexSearch } from './regex-run';

/**
 * Routes data by whether a regex is found in a text (a search, not a full match). Non-text input is matched
 * as Python's `json.dumps()` would write it.
 */
export const matchTextPatternBlock = defineBlock({
  id: '3060088f-6ed9-4928-9ba7-9c92823a7ccd',
  name: 'MatchTextPatternBlock',
  description:
    'Checks whether a text matches a regular expression and forwards data to the positive or negative output.',
  categories: ['TEXT'],
  input: z.object({
    text: z.unknown().meta({ description: 'The text to search; other values are searched as JSON.' }),
    match: z
      .string()
      .meta({ description: 'The regular expression (Python syntax) to search for.', placeholder: 'pattern' }),
    data: z.unknown().meta({ description: 'The data to forward; the text is forwarded when it is empty.' }),
    case_sensitive: z.boolean().default(true).meta({ description: 'Whether the match is case-sensitive.' }),
    dot_all: z.boolean().default(true).meta({ description: 'Whether "." also matches line breaks.' }),
  }),
  output: {
    positive: z.unknown().meta({ description: 'The data, when the pattern is found.' }),
    negative: z.unknown().meta({ description: 'The data, when the pattern is not found.' }),
  },
  tests: [
    {
      name: 'forwards data on a match',
      input: { text: 'Hello world', match: 'world', data: 42 },
      output: [['positive', 42]],
    },
    {
      name: 'forwards data when nothing matches',
      input: { text: 'Hello world', match: '^world', data: 42 },
      output: [['negative', 42]],
    },
    // Catalogue §1.4: "data if truthy else text".
    {
      name: 'forwards the text when data is empty',
      input: { text: 'abc', match: 'b', data: '' },
      output: [['positive', 'abc']],
    },
    {
      name: 'ignores case when asked',
      input: { text: 'ERROR: disk full', match: 'error', data: 'alert', case_sensitive: false },
      output: [['positive', 'alert']],
    },
    {
      name: 'matches across lines by default',
      input: { text: 'a\nb', match: 'a.b', data: 1 },
      output: [['positive', 1]],
    },
    {
      name: 'stops at line breaks without dot_all',
      input: { text: 'a\nb', match: 'a.b', data: 1, dot_all: false },
      output: [['negative', 1]],
    },
    {
      name: 'searches non-text input as Python JSON',
      input: { text: { status: 'ok' }, match: '"status": "ok"', data: 'fine' },
      output: [['positive', 'fine']],
    },
    {
      name: 'understands Python named groups and \\Z',
      input: { text: 'id=42', match: '(?P<key>\\w+)=(?P=key)?\\d+\\Z', data: true },
      output: [['positive', true]],
    },
    {
      name: 'fails on an invalid pattern',
      input: { text: 'abc', match: '(unclosed', data: 1 },
      output: [['error', textContaining('Invalid regex pattern')]],
    },
  ],
  async *run(input) {
    let found: boolean;
    try {
      found = regexSearch(input.match, textOf(input.text), {
        caseSensitive: input.case_sensitive,
        dotAll: input.dot_all,
      });
    } catch (error) {
      yield ['error', error instanceof Error ? error.message : String(error)];
      return;
    }
    const output = isTruthy(input.data) ? input.data : input.text;
    if (found) yield ['positive', output];
    else yield ['negative', output];
  },
});
