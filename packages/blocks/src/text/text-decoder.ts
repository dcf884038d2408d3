import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { decodeEscapes, EscapeError } from './escapes';

/** Turns escape sequences written out in text (`\n`, `\"`, `\u00e9`…) into the characters they stand for. */
export const textDecoderBlock = defineBlock({
  id: '2570e8fe-8447-43ed-84c7-70d657923231',
  name: 'TextDecoderBlock',
  description:
    'Decodes a text containing escape sequences (such as \\n or \\u00e9) into the actual characters.',
  categories: ['TEXT'],
  input: z.object({
    text: z.string().meta({
      description: 'The text holding escape sequences.',
      placeholder: 'Line one\\nLine two',
    }),
  }),
  output: { decoded_text: z.string().meta({ description: 'The text with the escape sequences decoded.' }) },
  tests: [
    {
      name: 'decodes line breaks, tabs and quotes',
      input: { text: 'Hello\\nWorld!\\tTab \\"quoted\\" \\\\ done' },
      output: [['decoded_text', 'Hello\nWorld!\tTab "quoted" \\ done']],
    },
    {
      name: 'decodes hex, unicode and octal escapes',
      input: { text: 'caf\\xe9 \\u2603 \\U0001F600 \\101' },
      output: [['decoded_text', 'café ☃ 😀 A']],
    },
    {
      name: 'keeps unknown escapes and non-ASCII text',
      input: { text: 'a\\qb é' },
      output: [['decoded_text', 'a\\qb é']],
    },
    {
      name: 'fails on a truncated escape',
      input: { text: 'bad \\u12' },
      output: [['error', 'Failed to decode text: truncated \\uXXXX escape at position 4']],
    },
  ],
  async *run(input) {
    try {
      yield ['decoded_text', decodeEscapes(input.text)];
    } catch (error) {
      if (!(error instanceof EscapeError)) throw error;
      yield ['error', `Failed to decode text: ${error.message}`];
    }
  },
});
