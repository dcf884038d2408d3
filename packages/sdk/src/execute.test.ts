import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BlockError, defineBlock, runBlock, checkBlockTestCase } from './index';

const block = defineBlock({
  id: '0f0f0f0f-0000-4000-8000-000000000003',
  name: 'ParrotBlock',
  description: 'Repeats.',
  categories: ['TEXT'],
  input: z.object({
    word: z.string(),
    times: z.number().default(1),
    mode: z.enum(['ok', 'bad-pin', 'bad-value', 'fail', 'error']).default('ok'),
  }),
  output: { said: z.string() },
  tests: [],
  async *run({ word, times, mode }) {
    for (let i = 0; i < times; i++) yield ['said', word];
    if (mode === 'bad-pin') yield ['nope' as 'said', word];
    if (mode === 'bad-value') yield ['said', 42 as unknown as string];
    if (mode === 'fail') throw new BlockError('parrot is tired');
    if (mode === 'error') yield ['error', 'squawk'];
  },
});

describe('runBlock / executeBlock', () => {
  it('validates and coerces input, then yields in order', async () => {
    const result = await runBlock(block, { word: 'hi', times: '2' });
    expect(result.outputs).toEqual([
      ['said', 'hi'],
      ['said', 'hi'],
    ]);
    expect(result.error).toBeUndefined();
  });

  it('names the invalid field in the input error', async () => {
    const result = await runBlock(block, { times: 1 });
    expect(result.error).toMatch(/^Unable to execute block with invalid input data: word: /);
  });

  it('drops null values so defaults apply', async () => {
    expect((await runBlock(block, { word: 'x', times: null })).outputs).toEqual([['said', 'x']]);
  });

  it.each([
    ['bad-pin', /undeclared output "nope"/],
    ['bad-value', /invalid value on "said"/],
    ['fail', /^parrot is tired$/],
    ['error', /^squawk$/],
  ])('mode %s ends with an error output after what was yielded', async (mode, message) => {
    const result = await runBlock(block, { word: 'x', mode });
    expect(result.outputs[0]).toEqual(['said', 'x']);
    expect(result.outputs.at(-1)?.[0]).toBe('error');
    expect(result.error).toMatch(message);
  });

  it('checkBlockTestCase reports mismatches, missing and extra outputs', async () => {
    expect(await checkBlockTestCase(block, { input: { word: 'a' }, output: [['said', 'a']] })).toEqual([]);
    expect(
      await checkBlockTestCase(block, {
        input: { word: 'a' },
        output: [['said', (v: unknown) => v === 'a']],
      }),
    ).toEqual([]);
    expect(await checkBlockTestCase(block, { input: { word: 'a' }, output: [['said', 'b']] })).toHaveLength(
      1,
    );
    expect(
      await checkBlockTestCase(block, { input: { word: 'a', times: 2 }, output: [['said', 'a']] }),
    ).toEqual(['unexpected output #1: said = "a"']);
  });
});
