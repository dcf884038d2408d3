import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';

/** Python's `str.replace(old, new)`: every occurrence; an empty `old` inserts `new` between characters. */
function replaceAll(text: string, old: string, replacement: string): string {
  if (old === '') return [replacement, ...Array.from(text).flatMap((char) => [char, replacement])].join('');
  // A function replacer, so `$&` or `$1` in the new text stay literal.
  return text.replaceAll(old, () => replacement);
}

/** Replaces every occurrence of a text with another. */
export const textReplaceBlock = defineBlock({
  id: '7e7c87ab-3469-4bcc-9abe-67705091b713',
  name: 'TextReplaceBlock',
  description: 'Replaces every occurrence of a text within a text with another text.',
  categories: ['TEXT'],
  input: z.object({
    text: z.string().meta({ description: 'The text to change.' }),
    old: z.string().meta({ description: 'The text to replace.' }),
    new: z.string().meta({ description: 'The text to put in its place.' }),
  }),
  output: { output: z.string().meta({ description: 'The changed text.' }) },
  tests: [
    {
      name: 'replaces every occurrence',
      input: { text: 'a-b-a', old: 'a', new: 'x' },
      output: [['output', 'x-b-x']],
    },
    {
      name: 'deletes with empty new text',
      input: { text: 'a b c', old: ' ', new: '' },
      output: [['output', 'abc']],
    },
    {
      name: 'keeps $ patterns literal',
      input: { text: 'price', old: 'price', new: '$& $1' },
      output: [['output', '$& $1']],
    },
    {
      name: 'leaves text without a match alone',
      input: { text: 'abc', old: 'z', new: 'y' },
      output: [['output', 'abc']],
    },
    {
      name: 'inserts between characters for empty old text',
      input: { text: 'ab', old: '', new: '-' },
      output: [['output', '-a-b-']],
    },
  ],
  async *run(input) {
    yield ['output', replaceAll(input.text, input.old, input.new)];
  },
});
