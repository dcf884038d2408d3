import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';

/** Removes one key from a copy of a dictionary, optionally outputting the value it held. */
export const removeFromDictionaryBlock = defineBlock({
  id: '46afe2ea-c613-43f8-95ff-6692c3ef6876',
  name: 'RemoveFromDictionaryBlock',
  description: 'Removes a key and its value from a dictionary.',
  categories: ['BASIC'],
  input: z.object({
    dictionary: z.record(z.string(), z.unknown()).meta({ description: 'The dictionary to remove from.' }),
    key: z
      .union([z.string(), z.number().int()])
      .meta({ description: 'The key to remove.', placeholder: 'key' }),
    return_value: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether to also output the removed value.' }),
  }),
  output: {
    updated_dictionary: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The dictionary without the key.' }),
    removed_value: z.unknown().meta({ description: 'The value that was removed, when requested.' }),
  },
  tests: [
    {
      name: 'removes a key',
      input: { dictionary: { a: 1, b: 2 }, key: 'a' },
      output: [['updated_dictionary', { b: 2 }]],
    },
    {
      name: 'outputs the removed value when asked',
      input: { dictionary: { a: 1, b: null }, key: 'b', return_value: true },
      output: [
        ['updated_dictionary', { a: 1 }],
        ['removed_value', null],
      ],
    },
    // JSON keys are text, so an integer key names the same entry as its text (as FindInDictionary does).
    {
      name: 'reads an integer key as text',
      input: { dictionary: { '1': 'one', '2': 'two' }, key: 1 },
      output: [['updated_dictionary', { '2': 'two' }]],
    },
    {
      name: 'fails on an unknown key',
      input: { dictionary: { a: 1 }, key: 'z' },
      output: [['error', "Key 'z' not found in dictionary"]],
    },
  ],
  async *run(input) {
    const key = String(input.key);
    if (!Object.hasOwn(input.dictionary, key)) {
      yield ['error', `Key '${key}' not found in dictionary`];
      return;
    }
    const { [key]: removed, ...rest } = input.dictionary;
    yield ['updated_dictionary', rest];
    if (input.return_value) yield ['removed_value', removed];
  },
});
