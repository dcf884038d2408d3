import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { convertToTypeOf } from '../shared/convert';
import { pyEquals } from '../shared/python';

/** Checks whether the input equals a value, reading the value as the input's type first ("5" matches 5). */
export const ifInputMatchesBlock = defineBlock({
  id: '6dbbc4b3-ca6c-42b6-b508-da52d23e13f2',
  name: 'IfInputMatchesBlock',
  description: 'Checks whether the input matches a value and outputs to the yes or the no branch.',
  categories: ['LOGIC'],
  input: z.object({
    input: z.unknown().meta({ description: 'The input to check.' }),
    value: z.unknown().meta({ description: 'The value to match the input against.' }),
    yes_value: z.unknown().default(null).meta({ description: 'The value to output when the input matches.' }),
    no_value: z
      .unknown()
      .default(null)
      .meta({ description: 'The value to output when the input does not match.' }),
  }),
  output: {
    result: z.boolean().meta({ description: 'Whether the input matches the value.' }),
    yes_output: z.unknown().meta({ description: 'The yes value, when the input matches.' }),
    no_output: z.unknown().meta({ description: 'The no value, when the input does not match.' }),
  },
  tests: [
    {
      name: 'matches equal values',
      input: { input: 'approved', value: 'approved', yes_value: 'go', no_value: 'stop' },
      output: [
        ['result', true],
        ['yes_output', 'go'],
      ],
    },
    {
      name: 'reads the value as the input type',
      input: { input: 5, value: '5', yes_value: 'five' },
      output: [
        ['result', true],
        ['yes_output', 'five'],
      ],
    },
    {
      name: 'reads "true" as a boolean',
      input: { input: true, value: 'true', yes_value: 1 },
      output: [
        ['result', true],
        ['yes_output', 1],
      ],
    },
    {
      name: 'reads a number as text',
      input: { input: '42', value: 42, yes_value: 'match' },
      output: [
        ['result', true],
        ['yes_output', 'match'],
      ],
    },
    {
      name: 'reads JSON text as a list',
      input: { input: [1, 2], value: '[1, 2]', yes_value: 'same list' },
      output: [
        ['result', true],
        ['yes_output', 'same list'],
      ],
    },
    {
      // Catalogue §1.6: the yes/no values may be null, and are yielded even then.
      name: 'outputs a null no value when nothing matches',
      input: { input: 'cat', value: 'dog' },
      output: [
        ['result', false],
        ['no_output', null],
      ],
    },
    {
      name: 'does not match words against numbers',
      input: { input: 3, value: 'three', no_value: 'nope' },
      output: [
        ['result', false],
        ['no_output', 'nope'],
      ],
    },
  ],
  async *run(input) {
    let value = input.value;
    if (!pyEquals(input.input, value)) {
      const converted = convertToTypeOf(value, input.input);
      if (converted.ok) value = converted.value;
    }
    if (pyEquals(input.input, value)) {
      yield ['result', true];
      yield ['yes_output', input.yes_value];
    } else {
      yield ['result', false];
      yield ['no_output', input.no_value];
    }
  },
});
