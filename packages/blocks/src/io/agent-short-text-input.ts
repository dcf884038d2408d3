import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { agentInputFields, valueField } from './agent-io-fields';

/** A graph input typed as a single line of text (JSON Schema format `short-text`). */
export const agentShortTextInputBlock = defineBlock({
  id: '7fcd3bcb-8e1b-4e69-903d-32d3d4a92158',
  name: 'AgentShortTextInputBlock',
  description: 'Provides a short, single-line text input to the agent.',
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    value: valueField(z.string().meta({ format: 'short-text' }), 'The text passed in when the agent is run.'),
    title: agentInputFields.title,
    description: agentInputFields.description,
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
  }),
  output: { result: z.string().meta({ description: 'The input text.' }) },
  tests: [
    {
      name: 'passes the text through',
      input: { name: 'Arguments', value: '20' },
      output: [['result', '20']],
    },
    { name: 'yields an empty string', input: { name: 'Arguments', value: '' }, output: [['result', '']] },
    { name: 'yields nothing without a value', input: { name: 'Arguments' }, output: [] },
  ],
  async *run(input) {
    if (input.value !== null) yield ['result', input.value];
  },
});
