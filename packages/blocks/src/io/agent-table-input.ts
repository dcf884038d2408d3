import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { agentInputFields, valueField } from './agent-io-fields';

const rows = z.array(z.record(z.string(), z.unknown()));

/** A graph input holding table rows, one object per row keyed by column header. */
export const agentTableInputBlock = defineBlock({
  id: '5603b273-f41e-4020-af7d-fbc9c6a8d928',
  name: 'AgentTableInputBlock',
  description: 'Provides a table input to the agent, as a list of rows keyed by column header.',
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    value: valueField(rows, 'The rows passed in when the agent is run.'),
    title: agentInputFields.title,
    description: agentInputFields.description,
    column_headers: z
      .array(z.string())
      .default(['Column 1', 'Column 2', 'Column 3'])
      .meta({ description: 'The column headers of the table.' }),
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
  }),
  output: { result: rows.meta({ description: 'The table rows.' }) },
  tests: [
    {
      name: 'yields the rows',
      input: {
        name: 'leads',
        value: [{ Name: 'Ada', Email: 'ada@example.com' }],
        column_headers: ['Name', 'Email'],
      },
      output: [['result', [{ Name: 'Ada', Email: 'ada@example.com' }]]],
    },
    { name: 'yields an empty table', input: { name: 'leads', value: [] }, output: [['result', []]] },
    // Catalogue §1.1: unlike the other inputs, a missing table yields [] rather than nothing.
    { name: 'yields [] without a value', input: { name: 'leads' }, output: [['result', []]] },
  ],
  async *run(input) {
    yield ['result', input.value ?? []];
  },
});
