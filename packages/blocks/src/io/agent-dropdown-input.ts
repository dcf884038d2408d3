import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { agentInputFields, valueField } from './agent-io-fields';

/**
 * A graph input chosen from a list. The options only shape the graph's input schema (they become its
 * `enum`); older exports store them as `placeholder_values`, which is kept as a hidden alias.
 */
export const agentDropdownInputBlock = defineBlock({
  id: '655d6fdf-a334-421c-b733-520549c07cd1',
  name: 'AgentDropdownInputBlock',
  description: 'Provides an input chosen from a fixed list of options to the agent.',
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    value: valueField(z.string(), 'The option chosen when the agent is run.'),
    title: agentInputFields.title,
    description: agentInputFields.description,
    options: z.array(z.unknown()).default([]).meta({ description: 'The options to choose from.' }),
    placeholder_values: z.array(z.unknown()).default([]).meta({
      hidden: true,
      advanced: true,
      description: 'Legacy name of `options` in older exported agents.',
    }),
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
  }),
  output: { result: z.string().meta({ description: 'The chosen option.' }) },
  tests: [
    {
      name: 'yields the chosen option',
      input: { name: 'tone', value: 'formal', options: ['formal', 'casual'] },
      output: [['result', 'formal']],
    },
    {
      name: 'accepts options under the legacy name',
      input: { name: 'tone', value: 'casual', placeholder_values: ['formal', 'casual'] },
      output: [['result', 'casual']],
    },
    { name: 'yields nothing without a value', input: { name: 'tone', options: ['formal'] }, output: [] },
  ],
  async *run(input) {
    if (input.value !== null) yield ['result', input.value];
  },
});
