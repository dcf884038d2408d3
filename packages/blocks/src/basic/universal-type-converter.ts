import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { convertToTypeOf } from '../shared/convert';
import { pyRepr, pyTypeName } from '../shared/python';

export const universalTypes = ['string', 'number', 'boolean', 'list', 'dictionary'] as const;
export type UniversalType = (typeof universalTypes)[number];

/** A sample of each target type: the shared lenient converter converts "to the type of" a value. */
const sampleOf: Record<UniversalType, unknown> = {
  string: '',
  number: 0.5, // a float: the catalogue (§1.2) converts numbers to float
  boolean: false,
  list: [],
  dictionary: {},
};

/** Converts a value to text, number, boolean, list or dictionary with the platform's lenient rules. */
export const universalTypeConverterBlock = defineBlock({
  id: '95d1b990-ce13-4d88-9737-ba5c2070c97b',
  name: 'UniversalTypeConverterBlock',
  description: 'Converts a value to a string, number, boolean, list or dictionary.',
  categories: ['BASIC'],
  input: z.object({
    value: z.unknown().meta({ description: 'The value to convert.', placeholder: '42' }),
    type: z.enum(universalTypes).meta({ description: 'The type to convert the value to.' }),
  }),
  output: { value: z.unknown().meta({ description: 'The converted value.' }) },
  tests: [
    {
      name: 'reads a number from text',
      input: { value: ' 42.5 ', type: 'number' },
      output: [['value', 42.5]],
    },
    {
      name: 'reads a boolean from text',
      input: { value: 'yes', type: 'boolean' },
      output: [['value', true]],
    },
    { name: 'writes a number as text', input: { value: 7, type: 'string' }, output: [['value', '7']] },
    // Containers become JSON text without ASCII escaping, as the shared converter writes them.
    {
      name: 'writes a dictionary as JSON text',
      input: { value: { name: 'Zoë' }, type: 'string' },
      output: [['value', '{"name": "Zoë"}']],
    },
    {
      name: 'reads a list from JSON text',
      input: { value: '[1, "a"]', type: 'list' },
      output: [['value', [1, 'a']]],
    },
    {
      name: 'keeps a dictionary',
      input: { value: { a: 1 }, type: 'dictionary' },
      output: [['value', { a: 1 }]],
    },
    {
      name: 'fails on text that is not a number',
      input: { value: 'abc', type: 'number' },
      output: [['error', "Failed to convert value: cannot convert str 'abc' to number"]],
    },
    {
      name: 'fails on JSON of the wrong shape',
      input: { value: '[1]', type: 'dictionary' },
      output: [['error', "Failed to convert value: cannot convert str '[1]' to dictionary"]],
    },
  ],
  async *run(input) {
    const converted = convertToTypeOf(input.value, sampleOf[input.type]);
    if (!converted.ok) {
      const repr = pyRepr(input.value);
      const shown = repr.length > 100 ? `${repr.slice(0, 100)}…` : repr; // keep huge values out of the message
      yield [
        'error',
        `Failed to convert value: cannot convert ${pyTypeName(input.value)} ${shown} to ${input.type}`,
      ];
      return;
    }
    yield ['value', converted.value];
  },
});
