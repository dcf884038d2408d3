import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { agentInputFields, valueField } from './agent-io-fields';

/** A graph input typed as a calendar date, `YYYY-MM-DD`. */
export const agentDateInputBlock = defineBlock({
  id: '7e198b09-4994-47db-8b4d-952d98241817',
  name: 'AgentDateInputBlock',
  description: 'Provides a date input (YYYY-MM-DD) to the agent.',
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    value: valueField(z.iso.date(), 'The date passed in when the agent is run, as YYYY-MM-DD.'),
    title: agentInputFields.title,
    description: agentInputFields.description,
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
  }),
  output: { result: z.iso.date().meta({ description: 'The input date, as YYYY-MM-DD.' }) },
  tests: [
    {
      name: 'passes the date through',
      input: { name: 'day', value: '2024-07-19' },
      output: [['result', '2024-07-19']],
    },
    {
      name: 'accepts a leap day',
      input: { name: 'day', value: '2024-02-29' },
      output: [['result', '2024-02-29']],
    },
    { name: 'yields nothing without a value', input: { name: 'day' }, output: [] },
    {
      name: 'refuses an impossible date',
      input: { name: 'day', value: '2023-02-29' },
      output: [['error', textContaining('value')]],
    },
    {
      name: 'refuses another format',
      input: { name: 'day', value: '19/07/2024' },
      output: [['error', textContaining('value')]],
    },
  ],
  async *run(input) {
    if (input.value !== null) yield ['result', input.value];
  },
});
