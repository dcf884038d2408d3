import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { createMemoryStorage, scopeField, storageOf } from './storage-scope';

/** Reads a value saved by PersistInformation, or a default; its output links are static (catalogue §1.7). */
export const retrieveInformationBlock = defineBlock({
  id: 'd8710fc9-6e29-481e-a7d5-165eb16f8471',
  name: 'RetrieveInformationBlock',
  description:
    'Reads back a value stored under a key by Persist Information, or a default when there is none.',
  categories: ['DATA'],
  staticOutput: true,
  input: z.object({
    key: z.string().meta({ description: 'The key to read.', placeholder: 'last_seen_id' }),
    scope: scopeField,
    default_value: z
      .unknown()
      .default(null)
      .meta({ description: 'The value to output when nothing is stored under the key.' }),
  }),
  output: { value: z.unknown().meta({ description: 'The stored value, or the default.' }) },
  tests: [
    {
      name: 'reads a stored value',
      input: { key: 'counter' },
      context: { storage: createMemoryStorage({ 'within_agent:counter': 4 }) },
      output: [['value', 4]],
    },
    {
      name: 'reads from the chosen scope',
      input: { key: 'tone', scope: 'across_agents', default_value: 'neutral' },
      context: {
        storage: createMemoryStorage({ 'within_agent:tone': 'formal', 'across_agents:tone': 'casual' }),
      },
      output: [['value', 'casual']],
    },
    {
      name: 'falls back to the default',
      input: { key: 'missing', default_value: [] },
      context: { storage: createMemoryStorage() },
      output: [['value', []]],
    },
    {
      name: 'fails without the engine storage',
      input: { key: 'k' },
      output: [
        ['error', "RetrieveInformationBlock needs the engine's storage, which this run does not provide"],
      ],
    },
  ],
  async *run(input, ctx) {
    const stored = await storageOf(ctx, 'RetrieveInformationBlock').get(input.key, input.scope);
    yield ['value', stored === undefined || stored === null ? input.default_value : stored];
  },
});
