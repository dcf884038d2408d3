import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';

/** Returns a copy of a dictionary with one entry and/or several entries added; the input is not changed. */
export const addToDictionaryBlock = defineBlock({
  id: '31d1064e-7446-4693-a7d4-65e5ca1180d1',
  name: 'AddToDictionaryBlock',
  description: 'Adds one or more key-value pairs to a dictionary.',
  categories: ['BASIC'],
  input: z.object({
    dictionary: z
      .record(z.string(), z.unknown())
      .default({})
      .meta({ description: 'The dictionary to add to; a new one when empty.' }),
    key: z.string().default('').meta({ description: 'The key of the entry to add.', placeholder: 'key' }),
    value: z
      .unknown()
      .default(null)
      .meta({ description: 'The value of the entry to add.', placeholder: 'value' }),
    entries: z.record(z.string(), z.unknown()).default({}).meta({
      advanced: true,
      description: 'Several entries to add at once.',
      placeholder: '{"key": "value"}',
    }),
  }),
  output: {
    updated_dictionary: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The dictionary with the entries added.' }),
  },
  tests: [
    {
      name: 'adds an entry',
      input: { dictionary: { a: 1 }, key: 'b', value: 2 },
      output: [['updated_dictionary', { a: 1, b: 2 }]],
    },
    {
      name: 'starts a new dictionary',
      input: { key: 'capital', value: 'Paris' },
      output: [['updated_dictionary', { capital: 'Paris' }]],
    },
    {
      name: 'adds several entries, after the single one',
      input: { dictionary: { a: 1 }, key: 'b', value: 2, entries: { b: 3, c: 4 } },
      output: [['updated_dictionary', { a: 1, b: 3, c: 4 }]],
    },
    // Catalogue §1.3: the single entry is set only for a non-empty key and a non-null value.
    {
      name: 'skips an entry without a value',
      input: { dictionary: { a: 1 }, key: 'b' },
      output: [['updated_dictionary', { a: 1 }]],
    },
    {
      name: 'skips an entry without a key',
      input: { dictionary: { a: 1 }, value: 5 },
      output: [['updated_dictionary', { a: 1 }]],
    },
    { name: 'keeps falsy values', input: { key: 'n', value: 0 }, output: [['updated_dictionary', { n: 0 }]] },
  ],
  async *run(input) {
    // Built from entries: assigning a key such as "__proto__" would change the object instead of adding it.
    const entries = Object.entries(input.dictionary);
    if (input.key !== '' && input.value !== null && input.value !== undefined)
      entries.push([input.key, input.value]);
    entries.push(...Object.entries(input.entries));
    yield ['updated_dictionary', Object.fromEntries(entries)];
  },
});
