import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { agentInputFields, valueField } from './agent-io-fields';

const timeOfDay = z.iso.time().meta({ format: 'time' });

/** A graph input typed as a time of day, `HH:MM:SS` (`HH:MM` is accepted too). */
export const agentTimeInputBlock = defineBlock({
  id: '2a1c757e-86cf-4c7e-aacf-060dc382e434',
  name: 'AgentTimeInputBlock',
  description: 'Provides a time-of-day input (HH:MM:SS) to the agent.',
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    value: valueField(timeOfDay, 'The time passed in when the agent is run, as HH:MM:SS.'),
    title: agentInputFields.title,
    description: agentInputFields.description,
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
  }),
  output: { result: timeOfDay.meta({ description: 'The input time.' }) },
  tests: [
    {
      name: 'passes the time through',
      input: { name: 'at', value: '09:30:00' },
      output: [['result', '09:30:00']],
    },
    {
      name: 'accepts hours and minutes',
      input: { name: 'at', value: '23:59' },
      output: [['result', '23:59']],
    },
    { name: 'yields nothing without a value', input: { name: 'at' }, output: [] },
    {
      name: 'refuses an hour past 23',
      input: { name: 'at', value: '24:00:00' },
      output: [['error', textContaining('value')]],
    },
  ],
  async *run(input) {
    if (input.value !== null) yield ['result', input.value];
  },
});
