import { runBlock, type AnyBlock } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import {
  agentNumberInputBlock,
  agentShortTextInputBlock,
  agentTableInputBlock,
  agentToggleInputBlock,
  calculatorBlock,
  combineTextsBlock,
  createDictionaryBlock,
} from './index';

/**
 * Values as links deliver them: often text where the block declares a number, a list or a dictionary. The
 * engine converts them leniently before the block runs (catalogue §0, "Running a block", step 4); these
 * cases pin down that the blocks' schemas let that conversion happen. Self-tests can't hold them, because
 * their inputs are typed by the schema.
 */
interface LinkedCase {
  name: string;
  block: AnyBlock;
  input: Record<string, unknown>;
  expected: [string, unknown][];
}

const cases: LinkedCase[] = [
  {
    name: 'number input reads numeric text',
    block: agentNumberInputBlock,
    input: { name: 'n', value: '42' },
    expected: [['result', 42]],
  },
  {
    name: 'short text input reads a number as text',
    block: agentShortTextInputBlock,
    input: { name: 't', value: 20 },
    expected: [['result', '20']],
  },
  {
    name: 'toggle input reads "true"',
    block: agentToggleInputBlock,
    input: { name: 'b', value: 'true' },
    expected: [['result', true]],
  },
  {
    name: 'table input reads JSON rows',
    block: agentTableInputBlock,
    input: { name: 'rows', value: '[{"Name": "Ada"}]' },
    expected: [['result', [{ Name: 'Ada' }]]],
  },
  {
    name: 'calculator reads numeric text',
    block: calculatorBlock,
    input: { operation: 'Add', a: '1.5', b: '2' },
    expected: [['result', 3.5]],
  },
  {
    name: 'combine texts reads a JSON list',
    block: combineTextsBlock,
    input: { input: '["x", "y"]', delimiter: '-' },
    expected: [['output', 'x-y']],
  },
  {
    name: 'create dictionary reads a JSON object',
    block: createDictionaryBlock,
    input: { values: '{"a": [1]}' },
    expected: [['dictionary', { a: [1] }]],
  },
];

describe('values delivered by links', () => {
  it.each(cases)('$name', async ({ block, input, expected }) => {
    expect((await runBlock(block, input)).outputs).toEqual(expected);
  });

  it.each([
    { name: 'number input refuses words', block: agentNumberInputBlock, input: { name: 'n', value: 'many' } },
    { name: 'create dictionary refuses a list', block: createDictionaryBlock, input: { values: [1] } },
    { name: 'calculator refuses words', block: calculatorBlock, input: { operation: 'Add', a: 'one', b: 2 } },
  ])('$name', async ({ block, input }) => {
    const result = await runBlock(block, input);
    expect(result.error).toMatch(/^Unable to execute block with invalid input data/);
  });
});
