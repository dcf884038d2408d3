import { describe, expect, it } from 'vitest';
import { createCoreRegistry } from '../index';
import { llmBlocks } from './index';

/** AutoGPT's ids of the LLM blocks (catalogue §1.6, §1.9): saved graphs name blocks only by id. */
const expectedIds: Record<string, string> = {
  AIStructuredResponseGeneratorBlock: 'ed55ac19-356e-4243-a6cb-bc599e9b716f',
  AITextGeneratorBlock: '1f292d4a-41a4-4977-9684-7c8d560b9f91',
  AITextSummarizerBlock: 'a0a69be1-4528-491c-a85a-a4ab6873e3f0',
  AIConversationBlock: '32a87eab-381e-4dd4-bdb8-4c47151be35a',
  AIListGeneratorBlock: '9c0b0450-d199-458b-a731-072189dd6593',
  AIConditionBlock: '553ec5b8-6c45-4299-8d75-b394d05f72ff',
  SmartDecisionMakerBlock: '3b191d9f-356f-482d-8238-ba04b6d18381',
};

describe('LLM block ids', () => {
  it('match AutoGPT, name by name', () => {
    expect(Object.fromEntries(llmBlocks.map((block) => [block.name, block.id]))).toEqual(expectedIds);
  });

  it('are in the core registry', () => {
    const registry = createCoreRegistry();
    for (const id of Object.values(expectedIds)) expect(registry.get(id)).toBeDefined();
  });
});
