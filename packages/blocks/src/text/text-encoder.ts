import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { rawInput } from '../shared/raw-input';
import { encodeEscapes } from './escapes';

/** Writes line breaks, tabs, backslashes and non-ASCII characters of a text as escape sequences. */
export const textEncoderBlock = defineBlock({
  id: '5185f32e-4b65-4ecf-8fbb-873f003f09d6',
  name: 'TextEncoderBlock',
  description: 'Encodes a text by writing special and non-ASCII characters as escape sequences.',
  categories: ['TEXT'],
  input: z.object({
    text: z.string().meta({ description: 'The text to encode.', placeholder: 'Line one\nLine two' }),
  }),
  output: { encoded_text: z.string().meta({ description: 'The text with escape sequences.' }) },
  tests: [
    {
      name: 'escapes line breaks, tabs and backslashes',
      input: { text: 'Hello\nWorld!\tTab \\ "quoted"' },
      output: [['encoded_text', 'Hello\\nWorld!\\tTab \\\\ "quoted"']],
    },
    // Python's unicode_escape: Latin-1 characters as \xhh, the rest of the BMP as \uXXXX, beyond as \U.
    {
      name: 'escapes non-ASCII characters',
      input: { text: 'café ☃ 😀' },
      output: [['encoded_text', 'caf\\xe9 \\u2603 \\U0001f600']],
    },
    {
      name: 'keeps printable ASCII text',
      input: { text: "It's fine." },
      output: [['encoded_text', "It's fine."]],
    },
    {
      name: 'writes a number given as input as text',
      input: rawInput({ text: 12 }),
      output: [['encoded_text', '12']],
    },
  ],
  async *run(input) {
    yield ['encoded_text', encodeEscapes(input.text)];
  },
});
