import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { pyCompare, pyEquals, pyStr } from '../shared/python';

export const comparisonOperators = ['==', '!=', '>', '<', '>=', '<='] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

type Numeric = number | boolean;
const isNumeric = (value: unknown): value is Numeric =>
  typeof value === 'number' || typeof value === 'boolean';

/**
 * The newer ConditionBlock's normalisation (catalogue §1.6): text is trimmed, empty text becomes null and
 * numeric text becomes a number, so "10" > "9" compares numbers rather than characters.
 */
function normaliseOperand(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return null;
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return Number(text);
  return text;
}

/** A null side takes the other side's zero value (0 or ""); a number against text compares as text. */
function alignOperands(a: unknown, b: unknown): [unknown, unknown] {
  let left = a;
  let right = b;
  if (left === null && isNumeric(right)) left = 0;
  else if (left === null && typeof right === 'string') left = '';
  else if (right === null && isNumeric(left)) right = 0;
  else if (right === null && typeof left === 'string') right = '';
  if (isNumeric(left) && typeof right === 'string') left = pyStr(left);
  else if (typeof left === 'string' && isNumeric(right)) right = pyStr(right);
  return [left, right];
}

const comparisons: Record<ComparisonOperator, (a: unknown, b: unknown) => boolean> = {
  '==': (a, b) => pyEquals(a, b),
  '!=': (a, b) => !pyEquals(a, b),
  '>': (a, b) => pyCompare(a, b, '>') > 0,
  '<': (a, b) => pyCompare(a, b, '<') < 0,
  '>=': (a, b) => pyCompare(a, b, '>=') >= 0,
  '<=': (a, b) => pyCompare(a, b, '<=') <= 0,
};

/** Compares two values and routes to the yes or no output. */
export const conditionBlock = defineBlock({
  id: '715696a0-e1da-45c8-b209-c2fa9c3b0be6',
  name: 'ConditionBlock',
  description: 'Compares two values with an operator and outputs to the yes or the no branch.',
  categories: ['LOGIC'],
  input: z.object({
    value1: z.unknown().meta({ description: 'The first value to compare.' }),
    operator: z.enum(comparisonOperators).meta({ description: 'The comparison operator.' }),
    value2: z.unknown().meta({ description: 'The second value to compare.' }),
    yes_value: z
      .unknown()
      .default(null)
      .meta({ description: 'The value to output when the condition holds; value1 when empty.' }),
    no_value: z
      .unknown()
      .default(null)
      .meta({ description: 'The value to output when the condition fails; value2 when empty.' }),
  }),
  output: {
    result: z.boolean().meta({ description: 'Whether the condition holds.' }),
    yes_output: z.unknown().meta({ description: 'The yes value, when the condition holds.' }),
    no_output: z.unknown().meta({ description: 'The no value, when the condition fails.' }),
  },
  tests: [
    {
      name: 'compares numbers',
      input: { value1: 10, operator: '>', value2: 5 },
      output: [
        ['result', true],
        ['yes_output', 10],
      ],
    },
    {
      name: 'compares numeric text as numbers',
      input: { value1: '10', operator: '>', value2: ' 9 ' },
      output: [
        ['result', true],
        ['yes_output', 10],
      ],
    },
    {
      name: 'trims text before comparing',
      input: { value1: ' apple ', operator: '==', value2: 'apple' },
      output: [
        ['result', true],
        ['yes_output', 'apple'],
      ],
    },
    {
      name: 'treats empty text as zero against a number',
      input: { value1: '', operator: '==', value2: 0 },
      output: [
        ['result', true],
        ['yes_output', 0],
      ],
    },
    {
      name: 'compares a number with text as text',
      input: { value1: 3, operator: '<', value2: 'abc' },
      output: [
        ['result', true],
        ['yes_output', '3'],
      ],
    },
    {
      name: 'outputs the given no value',
      input: { value1: 1, operator: '==', value2: 2, yes_value: 'same', no_value: 'different' },
      output: [
        ['result', false],
        ['no_output', 'different'],
      ],
    },
    {
      // Catalogue §1.6: the field says value1, but AutoGPT's code falls back to value2.
      name: 'falls back to value2 on the no branch',
      input: { value1: 5, operator: '==', value2: 6 },
      output: [
        ['result', false],
        ['no_output', 6],
      ],
    },
    {
      name: 'compares lists deeply',
      input: { value1: [1, { a: 'x' }], operator: '==', value2: [1.0, { a: 'x' }], yes_value: 'equal' },
      output: [
        ['result', true],
        ['yes_output', 'equal'],
      ],
    },
    {
      name: 'fails for values that have no order',
      input: { value1: { a: 1 }, operator: '>', value2: { b: 2 } },
      output: [['error', textContaining("'>' not supported between instances of 'dict' and 'dict'")]],
    },
  ],
  async *run(input) {
    const [value1, value2] = alignOperands(normaliseOperand(input.value1), normaliseOperand(input.value2));
    let result: boolean;
    try {
      result = comparisons[input.operator](value1, value2);
    } catch (error) {
      yield ['error', `Comparison failed: ${error instanceof Error ? error.message : String(error)}`];
      return;
    }
    yield ['result', result];
    if (result) yield ['yes_output', input.yes_value ?? value1];
    else yield ['no_output', input.no_value ?? value2];
  },
});
