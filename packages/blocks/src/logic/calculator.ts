import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';

export const calculatorOperations = ['Add', 'Subtract', 'Multiply', 'Divide', 'Power'] as const;
export type CalculatorOperation = (typeof calculatorOperations)[number];

/**
 * Any JavaScript number, Infinity and NaN included: the catalogue (§1.6) makes division by zero +infinity
 * and other failures NaN, which `z.number()` refuses. JSON has no Infinity or NaN, so whoever serialises
 * this output (store, API) must decide how to write them; the value stays a number here.
 */
const float = z.custom<number>((value) => typeof value === 'number');

class ZeroDivision extends Error {}

/** Python's `round(x)`: ties go to the even neighbour; infinities and NaN can't be rounded to an int. */
function roundHalfEven(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError('cannot round a non-finite number');
  const floor = Math.floor(value);
  const diff = value - floor;
  const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  return rounded + 0; // no -0: Python's int has no negative zero
}

const apply: Record<CalculatorOperation, (a: number, b: number) => number> = {
  Add: (a, b) => a + b,
  Subtract: (a, b) => a - b,
  Multiply: (a, b) => a * b,
  Divide: (a, b) => {
    if (b === 0) throw new ZeroDivision();
    return a / b;
  },
  Power: (a, b) => {
    if (a === 0 && b < 0) throw new ZeroDivision(); // Python: "0.0 cannot be raised to a negative power"
    const result = a ** b;
    // Python raises OverflowError where JavaScript returns ±Infinity (e.g. 10 ** 400).
    if (!Number.isFinite(result) && Number.isFinite(a) && Number.isFinite(b))
      throw new RangeError('overflow');
    return result;
  },
};

/** Arithmetic on two numbers; it never fails: division by zero gives +Infinity, other failures NaN. */
export const calculatorBlock = defineBlock({
  id: 'b1ab9b19-67a6-406d-abf5-2dba76d00c79',
  name: 'CalculatorBlock',
  description: 'Performs an arithmetic operation (add, subtract, multiply, divide or power) on two numbers.',
  categories: ['LOGIC'],
  input: z.object({
    operation: z.enum(calculatorOperations).meta({ description: 'The operation to perform.' }),
    a: z.number().meta({ description: 'The first number.', placeholder: '5' }),
    b: z.number().meta({ description: 'The second number.', placeholder: '3' }),
    round_result: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether to round the result to a whole number.' }),
  }),
  output: { result: float.meta({ type: 'number', description: 'The result of the calculation.' }) },
  tests: [
    { name: 'adds', input: { operation: 'Add', a: 3, b: 4.5 }, output: [['result', 7.5]] },
    { name: 'subtracts', input: { operation: 'Subtract', a: 10, b: 12 }, output: [['result', -2]] },
    { name: 'multiplies', input: { operation: 'Multiply', a: 6, b: 7 }, output: [['result', 42]] },
    { name: 'divides', input: { operation: 'Divide', a: 10, b: 4 }, output: [['result', 2.5]] },
    { name: 'raises to a power', input: { operation: 'Power', a: 2, b: 10 }, output: [['result', 1024]] },
    {
      name: 'gives +Infinity on division by zero',
      input: { operation: 'Divide', a: -5, b: 0 },
      output: [['result', Infinity]],
    },
    {
      name: 'gives +Infinity on division by zero even when rounding',
      input: { operation: 'Divide', a: 1, b: 0, round_result: true },
      output: [['result', Infinity]],
    },
    {
      name: 'gives NaN on overflow',
      input: { operation: 'Power', a: 10, b: 400 },
      output: [['result', NaN]],
    },
    {
      name: 'gives NaN for a root of a negative number',
      input: { operation: 'Power', a: -8, b: 0.5 },
      output: [['result', NaN]],
    },
    {
      name: 'rounds half to even, as Python',
      input: { operation: 'Add', a: 2, b: 0.5, round_result: true },
      output: [['result', 2]],
    },
    {
      name: 'rounds up past the half',
      input: { operation: 'Divide', a: 7, b: 2, round_result: true },
      output: [['result', 4]],
    },
    {
      name: 'fails without the second number',
      input: { operation: 'Add', a: 1 },
      output: [['error', textContaining('b:')]],
    },
  ],
  async *run(input) {
    let result: number;
    try {
      result = apply[input.operation](input.a, input.b);
      if (input.round_result) result = roundHalfEven(result);
    } catch (error) {
      result = error instanceof ZeroDivision ? Infinity : NaN;
    }
    yield ['result', result];
  },
});
