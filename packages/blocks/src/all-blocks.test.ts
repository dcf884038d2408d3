import { checkBlockTestCase } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { coreBlocks } from './index';

describe.each(coreBlocks.map((block) => [block.name, block] as const))('%s', (_name, block) => {
  it('declares at least one self-test', () => {
    expect(block.tests.length).toBeGreaterThan(0);
  });

  it.each(block.tests.map((testCase, index) => [testCase.name ?? `case ${index + 1}`, testCase] as const))(
    'self-test: %s',
    async (_caseName, testCase) => {
      expect(await checkBlockTestCase(block, testCase)).toEqual([]);
    },
  );

  it('serialises its info to JSON', () => {
    const info = block.info();
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
    expect(info.name).toBe(block.name);
  });
});

describe('core blocks', () => {
  it('have unique ids and names', () => {
    expect(new Set(coreBlocks.map((block) => block.id)).size).toBe(coreBlocks.length);
    expect(new Set(coreBlocks.map((block) => block.name)).size).toBe(coreBlocks.length);
  });
});
