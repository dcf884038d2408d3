import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { agentInputFields, valueField } from './agent-io-fields';

/** A graph input typed as a whole number. */
export const agentNumberInputBlock = defineBlock({
  id: '96dae2bb-97a2-41c2-bd2f-13a3b5a8ea98',
  name: 'AgentNumberInputBlock',
  description: 'Provides a whole-number input to the agent.',
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    value: valueField(z.number().int(), 'The number passed in when the agent is run.'),
    title: agentInputFields.title,
    description: agentInputFields.description,
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
  }),
  output: { result: z.number().int().meta({ description: 'The input number.' }) },
  tests: [
    { name: 'passes the number through', input: { name: 'count', value: 5 }, output: [['result', 5]] },
    { name: 'yields zero', input: { name: 'count', value: 0 }, output: [['result', 0]] },
    { name: 'yields nothing without a value', input: { name: 'count' }, output: [] },
    {
      name: 'refuses a fraction',
      input: { name: 'count', value: 2.5 },
      output: [['error', textContaining('value')]],
    },
  ],
  async *run(input) {
    if (input.value !== null) yield ['result', input.value];
  },
});
