import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { agentInputFields } from './agent-io-fields';

/** A graph input of any type; the engine puts the run input whose key equals `name` into `value`. */
export const agentInputBlock = defineBlock({
  id: 'c0a8e994-ebf1-4a9c-a4d8-89d09c86741b',
  name: 'AgentInputBlock',
  description:
    "Provides one of the agent's inputs to the graph, using the value given when the agent is run.",
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    // Any value; `.default(null)` so a run without this input reaches `run` and yields nothing.
    value: z.unknown().default(null).meta({ description: 'The value passed in when the agent is run.' }),
    title: agentInputFields.title,
    description: agentInputFields.description,
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
  }),
  output: { result: z.unknown().meta({ description: 'The input value.' }) },
  tests: [
    {
      name: 'passes a text value through',
      input: { name: 'topic', value: 'AI news' },
      output: [['result', 'AI news']],
    },
    {
      name: 'passes structured values through unchanged',
      input: { name: 'config', value: { depth: 2, tags: ['a'] } },
      output: [['result', { depth: 2, tags: ['a'] }]],
    },
    {
      name: 'yields a falsy value that is not null',
      input: { name: 'count', value: 0 },
      output: [['result', 0]],
    },
    { name: 'yields nothing when no value was given', input: { name: 'topic' }, output: [] },
    { name: 'yields nothing for an explicit null', input: { name: 'topic', value: null }, output: [] },
  ],
  async *run(input) {
    if (input.value !== null && input.value !== undefined) yield ['result', input.value];
  },
});
