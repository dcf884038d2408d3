import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';

/** Characters Python's `str.isspace()` accepts beyond JavaScript's `\s`: the information separators and NEL. */
const extraSpaces = new Set(['\x1c', '\x1d', '\x1e', '\x1f', '\x85']);

/** Python's `str.split()` with no separator: runs of whitespace separate words, edges are ignored. */
function words(text: string): string[] {
  const found: string[] = [];
  let word = '';
  for (const char of text) {
    if (/\s/.test(char) || extraSpaces.has(char)) {
      if (word) found.push(word);
      word = '';
    } else word += char;
  }
  if (word) found.push(word);
  return found;
}

/** Counts the words (whitespace-separated) and characters (code points, as Python's `len`) of a text. */
export const wordCharacterCountBlock = defineBlock({
  id: 'ab2a782d-22cf-4587-8a70-55b59b3f9f90',
  name: 'WordCharacterCountBlock',
  description: 'Counts the words and characters in a text.',
  categories: ['TEXT'],
  input: z.object({
    text: z.string().meta({ description: 'The text to count.', placeholder: 'Hello world' }),
  }),
  output: {
    word_count: z.number().int().meta({ description: 'How many words the text has.' }),
    character_count: z.number().int().meta({ description: 'How many characters the text has.' }),
  },
  tests: [
    {
      name: 'counts words and characters',
      input: { text: 'Hello, world!  How are\tyou?\n' },
      output: [
        ['word_count', 5],
        ['character_count', 28],
      ],
    },
    {
      name: 'counts an emoji as one character',
      input: { text: 'hi 😀' },
      output: [
        ['word_count', 2],
        ['character_count', 4],
      ],
    },
    {
      name: 'counts nothing in blank text',
      input: { text: '   ' },
      output: [
        ['word_count', 0],
        ['character_count', 3],
      ],
    },
    { name: 'fails without text', input: {}, output: [['error', textContaining('text')]] },
  ],
  async *run(input) {
    yield ['word_count', words(input.text).length];
    yield ['character_count', Array.from(input.text).length];
  },
});
