import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { agentInputFields, valueField } from './agent-io-fields';

/**
 * A graph input holding a file: a URL, a data URI or a workspace path. AutoGPT stores the file for the run
 * and yields a reference to the stored copy; storing files is not part of this package yet, so the block
 * yields the reference it was given.
 */
export const agentFileInputBlock = defineBlock({
  id: '95ead23f-8283-4654-aef3-10c053b74a31',
  name: 'AgentFileInputBlock',
  description: 'Provides a file input (a URL, data URI or path) to the agent.',
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    value: valueField(
      z.string().meta({ format: 'file' }),
      'The file passed in when the agent is run: a URL, a data URI or a path.',
    ),
    title: agentInputFields.title,
    description: agentInputFields.description,
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
    base_64: z.boolean().default(false).meta({
      advanced: true,
      description: 'Whether to output the file as a base64 data URI instead of a reference.',
    }),
  }),
  output: { result: z.string().meta({ format: 'file', description: 'A reference to the file.' }) },
  tests: [
    {
      name: 'yields the file reference',
      input: { name: 'image', value: 'https://example.com/cat.png' },
      output: [['result', 'https://example.com/cat.png']],
    },
    {
      name: 'yields a data URI unchanged',
      input: { name: 'image', value: 'data:text/plain;base64,aGk=', base_64: true },
      output: [['result', 'data:text/plain;base64,aGk=']],
    },
    { name: 'yields nothing for an empty value', input: { name: 'image', value: '' }, output: [] },
    { name: 'yields nothing without a value', input: { name: 'image' }, output: [] },
  ],
  async *run(input) {
    // Catalogue: "if value is empty yields nothing" — unlike the other inputs, "" counts as empty here.
    if (input.value) yield ['result', input.value];
  },
});
