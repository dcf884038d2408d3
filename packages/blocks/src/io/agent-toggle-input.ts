import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { agentInputFields } from './agent-io-fields';

/** A graph input typed as an on/off switch; unlike the other inputs it defaults to false, so it always yields. */
export const agentToggleInputBlock = defineBlock({
  id: 'cbf36ab5-df4a-43b6-8a7f-f7ed8652116e',
  name: 'AgentToggleInputBlock',
  description: 'Provides an on/off (true/false) input to the agent.',
  categories: ['INPUT', 'BASIC'],
  type: 'Input',
  staticOutput: true,
  input: z.object({
    name: agentInputFields.name,
    value: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether the switch is on when the agent is run.' }),
    title: agentInputFields.title,
    description: agentInputFields.description,
    advanced: agentInputFields.advanced,
    secret: agentInputFields.secret,
  }),
  output: { result: z.boolean().meta({ description: 'The switch state.' }) },
  tests: [
    { name: 'yields true', input: { name: 'dry_run', value: true }, output: [['result', true]] },
    { name: 'yields false', input: { name: 'dry_run', value: false }, output: [['result', false]] },
    { name: 'defaults to false', input: { name: 'dry_run' }, output: [['result', false]] },
  ],
  async *run(input) {
    yield ['result', input.value];
  },
});
