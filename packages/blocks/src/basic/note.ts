import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';

/** A sticky note on the canvas; it is never linked, and running it only echoes its text. */
export const noteBlock = defineBlock({
  id: 'cc10ff7b-7753-4ff2-9af6-9399b1a7eddc',
  name: 'NoteBlock',
  description: 'Shows a sticky note on the canvas to document the agent.',
  categories: ['BASIC'],
  type: 'Note',
  input: z.object({ text: z.string().meta({ description: 'The text of the note.' }) }),
  output: { output: z.string().meta({ description: 'The text of the note.' }) },
  tests: [
    {
      name: 'echoes the text',
      input: { text: 'Remember to add your API key.' },
      output: [['output', 'Remember to add your API key.']],
    },
    { name: 'echoes an empty note', input: { text: '' }, output: [['output', '']] },
    { name: 'fails without text', input: {}, output: [['error', textContaining('text')]] },
  ],
  async *run(input) {
    yield ['output', input.text];
  },
});
