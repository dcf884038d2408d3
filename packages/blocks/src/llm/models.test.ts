import { NonRetriableError, parseBlockInput } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { aiListGeneratorBlock } from './ai-list-generator';
import { aiStructuredResponseGeneratorBlock } from './ai-structured-response-generator';
import { aiTextGeneratorBlock } from './ai-text-generator';
import { llmCosts } from './fields';
import { modelCost, modelProviderMapping, modelTable, resolveModel } from './models';
import { fitPrompt, estimateTokens, outputTokenLimit } from './prompt';

describe('resolveModel', () => {
  it('finds table models', () => {
    expect(resolveModel('gpt-4o')).toMatchObject({ id: 'gpt-4o', known: true, info: { provider: 'openai' } });
    expect(resolveModel('google/gemini-2.5-flash').info.provider).toBe('open_router');
  });

  it('strips a provider prefix', () => {
    expect(resolveModel('anthropic/claude-sonnet-4-5-20250929')).toMatchObject({
      id: 'claude-sonnet-4-5-20250929',
      known: true,
      info: { provider: 'anthropic', contextWindow: 200_000 },
    });
    expect(resolveModel('openai/gpt-4.1-2025-04-14').id).toBe('gpt-4.1-2025-04-14');
  });

  it('maps removed and unknown models by their prefix', () => {
    expect(resolveModel('gpt-3.5-turbo')).toMatchObject({
      id: 'gpt-3.5-turbo',
      known: false,
      info: { provider: 'openai' },
    });
    expect(resolveModel('o1-preview').info.provider).toBe('openai');
    expect(resolveModel('claude-3-7-sonnet-20250219').info.provider).toBe('anthropic');
    expect(resolveModel('anthropic/claude-3-5-sonnet').id).toBe('claude-3-5-sonnet');
    expect(resolveModel('google/gemini-3-pro-preview')).toMatchObject({
      known: false,
      info: { provider: 'open_router' },
    });
    expect(resolveModel('mistral:7b').info.provider).toBe('ollama');
  });

  it('names a model it cannot place', () => {
    expect(() => resolveModel('mystery')).toThrow(NonRetriableError);
    expect(() => resolveModel('mystery')).toThrow(/Unknown LLM model "mystery"/);
  });
});

describe('costs', () => {
  it('price every table model as an integer, local models free', () => {
    for (const info of Object.values(modelTable)) expect(Number.isInteger(modelCost(info))).toBe(true);
    expect(modelCost(resolveModel('llama3.2').info)).toBe(0);
    expect(modelCost(resolveModel('gpt-4o-mini').info)).toBe(1);
  });

  it('are declared per model on the blocks, with the discriminator mapping on credentials', () => {
    expect(llmCosts()).toContainEqual({ cost_amount: 3, cost_filter: { model: 'gpt-4o' }, cost_type: 'run' });
    const credentials = aiTextGeneratorBlock.credentialsInfo.credentials;
    expect(credentials?.discriminator).toBe('model');
    expect(credentials?.discriminatorMapping).toEqual(modelProviderMapping);
    expect(credentials?.providers).toContain('open_router');
  });
});

describe('real agents’ LLM nodes', () => {
  it('validate as exported (legacy api_key, prompt_values, ollama_host, retry)', () => {
    const text = parseBlockInput(aiTextGeneratorBlock, {
      model: 'o3-mini',
      retry: 3,
      prompt: '{{ARGS}}',
      sys_prompt: 'You are now the following python function',
      ollama_host: 'localhost:11434',
      prompt_values: { ARGS: 'x' },
      api_key: '...',
    });
    expect(text.ok).toBe(true);
    const structured = parseBlockInput(aiStructuredResponseGeneratorBlock, {
      model: 'gpt-4o-mini',
      api_key: '',
      sys_prompt: 'You are a blog writer',
      expected_format: { CONTENT: 'full blog post content', TITLE: 'Blog post title' },
      prompt: 'Write',
    });
    expect(structured.ok).toBe(true);
    const list = parseBlockInput(aiListGeneratorBlock, {
      focus: 'List the top 5 YouTube video urls',
      model: 'claude-sonnet-4-5-20250929',
      source_data: 'data',
    });
    expect(list.ok).toBe(true);
    expect(aiTextGeneratorBlock.inputSchema.properties).toMatchObject({
      max_tokens: { advanced: true },
      ollama_host: { advanced: true },
      api_key: { hidden: true },
    });
  });
});

describe('prompt budgets', () => {
  it('caps output tokens by the model, the context left and the user', () => {
    const info = resolveModel('gpt-4o').info;
    const short = [{ role: 'user' as const, content: 'hi' }];
    expect(outputTokenLimit(info, short, null)).toBe(16_384);
    expect(outputTokenLimit(info, short, 100)).toBe(100);
    const long = [{ role: 'user' as const, content: 'x'.repeat(4 * 120_000) }];
    expect(outputTokenLimit(info, long, null)).toBeLessThan(8_000);
  });

  it('drops old messages, then cuts the longest one', () => {
    const messages = [
      { role: 'system' as const, content: 'sys' },
      { role: 'user' as const, content: 'old '.repeat(200) },
      { role: 'user' as const, content: 'new '.repeat(400) },
    ];
    const fitted = fitPrompt(messages, 200);
    expect(fitted[0]).toEqual(messages[0]);
    expect(fitted).toHaveLength(2);
    expect(fitted[1]?.content).toContain('[truncated]');
    expect(estimateTokens(fitted)).toBeLessThanOrEqual(200);
  });
});
