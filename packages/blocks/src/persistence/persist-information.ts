import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { createMemoryStorage, scopeField, storageOf } from './storage-scope';

/** Saves a value under a key in the user's durable storage, for later runs (or other agents) to read. */
export const persistInformationBlock = defineBlock({
  id: '1d055e55-a2b9-4547-8311-907d05b0304d',
  name: 'PersistInformationBlock',
  description: 'Stores a value under a key so that later runs of this agent, or other agents, can read it.',
  categories: ['DATA'],
  input: z.object({
    key: z.string().meta({ description: 'The key to store the value under.', placeholder: 'last_seen_id' }),
    value: z.unknown().meta({ description: 'The value to store.' }),
    scope: scopeField,
  }),
  output: { value: z.unknown().meta({ description: 'The value that was stored.' }) },
  tests: [
    {
      name: 'stores a value and passes it on',
      input: { key: 'counter', value: { n: 3 } },
      context: { storage: createMemoryStorage() },
      output: [['value', { n: 3 }]],
    },
    {
      name: 'stores across agents',
      input: { key: 'tone', value: 'friendly', scope: 'across_agents' },
      context: { storage: createMemoryStorage() },
      output: [['value', 'friendly']],
    },
    {
      name: 'fails without the engine storage',
      input: { key: 'k', value: 1 },
      output: [
        ['error', "PersistInformationBlock needs the engine's storage, which this run does not provide"],
      ],
    },
    { name: 'fails without a value', input: { key: 'k' }, output: [['error', textContaining('value')]] },
  ],
  async *run(input, ctx) {
    await storageOf(ctx, 'PersistInformationBlock').set(input.key, input.value, input.scope);
    yield ['value', input.value];
  },
});
