import { describe, expect, it } from 'vitest';
import { agentInputBlock, calculatorBlock, fixtureBlocks } from '../editor/fixtures';
import { categoryLabel, displayName, primaryCategory, searchScore } from './blocks';

describe('displayName', () => {
  it('drops the Block suffix and splits words, keeping acronyms', () => {
    expect(displayName('AgentInputBlock')).toBe('Agent Input');
    expect(displayName('HTTPRequestBlock')).toBe('HTTP Request');
    expect(displayName('AITextGeneratorBlock')).toBe('AI Text Generator');
    expect(displayName('Block')).toBe('Block');
  });
});

describe('categoryLabel', () => {
  it('reads like a word', () => {
    expect(categoryLabel('DEVELOPER_TOOLS')).toBe('Developer tools');
    expect(categoryLabel('AI')).toBe('AI');
  });
});

describe('primaryCategory', () => {
  it('prefers a category other than BASIC', () => {
    expect(primaryCategory(agentInputBlock)).toBe('INPUT');
    expect(primaryCategory({ categories: [{ category: 'BASIC' }] })).toBe('BASIC');
    expect(primaryCategory({ categories: [] })).toBe('BASIC');
  });
});

describe('searchScore', () => {
  it('matches every word in the name or the description', () => {
    expect(searchScore(calculatorBlock, '')).toBeGreaterThan(0);
    expect(searchScore(calculatorBlock, 'arithmetic numbers')).toBeGreaterThan(0);
    expect(searchScore(calculatorBlock, 'arithmetic llm')).toBe(0);
  });

  it('ranks the exact name first, then names that start with the query', () => {
    const ranked = fixtureBlocks
      .map((block) => ({ name: block.name, score: searchScore(block, 'agent input') }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score);
    expect(ranked[0]?.name).toBe('AgentInputBlock');
    expect(searchScore(calculatorBlock, 'calc')).toBeGreaterThan(searchScore(calculatorBlock, 'two numbers'));
  });
});
