import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { agentInputFields, valueField } from './agent-io-fields';

/** A graph input typed as multi-line text (JSON Schema format `long-text`). */
export const agentLongTextInputBlock = defineBlock({
  id: '90a56ffb-7024-4b2b-ab50-e26c5e5ab8ba',
  name: 'AgentLongTextInputBlock',
  description: 'Provides a long, multi-line text input to the agent.',
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    value: valueField(z.string().meta({ format: 'long-text' }), 'The text passed in when the agent is run.'),
    title: agentInputFields.title,
    description: agentInputFields.description,
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
  }),
  output: { result: z.string().meta({ description: 'The input text.' }) },
  tests: [
    {
      name: 'keeps line breaks',
      input: { name: 'Description', value: 'Line one\nLine two\n' },
      output: [['result', 'Line one\nLine two\n']],
    },
    { name: 'yields nothing without a value', input: { name: 'Description' }, output: [] },
    {
      name: 'keeps non-ASCII text',
      input: { name: 'Description', value: 'Café ☕ 日本' },
      output: [['result', 'Café ☕ 日本']],
    },
  ],
  async *run(input) {
    if (input.value !== null) yield ['result', input.value];
  },
});
