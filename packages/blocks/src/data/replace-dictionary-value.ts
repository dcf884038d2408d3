import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';

/** Sets a new value for a key that already exists in a dictionary, outputting the value it replaced. */
export const replaceDictionaryValueBlock = defineBlock({
  id: '27e31876-18b6-44f3-ab97-f6226d8b3889',
  name: 'ReplaceDictionaryValueBlock',
  description: 'Replaces the value of an existing key in a dictionary.',
  categories: ['BASIC'],
  input: z.object({
    dictionary: z.record(z.string(), z.unknown()).meta({ description: 'The dictionary to change.' }),
    key: z
      .union([z.string(), z.number().int()])
      .meta({ description: 'The key whose value to replace.', placeholder: 'key' }),
    value: z.unknown().meta({ description: 'The new value for the key.' }),
  }),
  output: {
    updated_dictionary: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The dictionary with the new value.' }),
    old_value: z.unknown().meta({ description: 'The value that was replaced.' }),
  },
  tests: [
    {
      name: 'replaces a value',
      input: { dictionary: { status: 'pending', id: 7 }, key: 'status', value: 'done' },
      output: [
        ['updated_dictionary', { status: 'done', id: 7 }],
        ['old_value', 'pending'],
      ],
    },
    {
      name: 'replaces with a falsy value',
      input: { dictionary: { n: 5 }, key: 'n', value: 0 },
      output: [
        ['updated_dictionary', { n: 0 }],
        ['old_value', 5],
      ],
    },
    {
      name: 'fails on an unknown key',
      input: { dictionary: { a: 1 }, key: 'b', value: 2 },
      output: [['error', "Key 'b' not found in dictionary"]],
    },
  ],
  async *run(input) {
    const key = String(input.key);
    if (!Object.hasOwn(input.dictionary, key)) {
      yield ['error', `Key '${key}' not found in dictionary`];
      return;
    }
    yield ['updated_dictionary', { ...input.dictionary, [key]: input.value }];
    yield ['old_value', input.dictionary[key]];
  },
});
