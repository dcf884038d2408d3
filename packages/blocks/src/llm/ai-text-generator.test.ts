import { runBlock } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { aiTextGeneratorBlock as block } from './ai-text-generator';
import { apiKey, useLlmTestServer } from './test-env';

const server = useLlmTestServer();

describe('AITextGeneratorBlock', () => {
  it('fills the prompt from prompt_values and returns the text, with stats', async () => {
    const llm = server();
    llm.reply({ text: 'A poem about tea.', usage: { input: 30, output: 8 } });
    const result = await runBlock(
      block,
      {
        model: 'o3-mini',
        prompt: 'Write a poem about {{ TOPIC }} in {{ LINES }} lines.',
        sys_prompt: 'You are a poet.',
        prompt_values: { TOPIC: 'tea', LINES: 4 },
      },
      { credentials: apiKey('openai') },
    );
    expect(result.outputs).toEqual([
      ['response', 'A poem about tea.'],
      [
        'prompt',
        [
          { role: 'system', content: 'You are a poet.' },
          { role: 'user', content: 'Write a poem about tea in 4 lines.' },
        ],
      ],
    ]);
    expect(result.stats).toEqual({ llm_call_count: 1, input_token_count: 30, output_token_count: 8 });
    expect(llm.requests[0]?.body.model).toBe('o3-mini');
  });

  it('leaves braces alone when there are no prompt values', async () => {
    const llm = server();
    llm.reply({ text: 'ok' });
    await runBlock(
      block,
      { prompt: 'Return {{ x }} literally', model: 'gpt-4o' },
      { credentials: apiKey('openai') },
    );
    expect(llm.requests[0]?.body.messages).toEqual([{ role: 'user', content: 'Return {{ x }} literally' }]);
  });

  it('caps max_tokens by the user value', async () => {
    const llm = server();
    llm.reply({ text: 'ok' });
    await runBlock(
      block,
      { prompt: 'Hi', model: 'gpt-4o', max_tokens: 123 },
      { credentials: apiKey('openai') },
    );
    expect(llm.requests[0]?.body.max_tokens).toBe(123);
  });

  it('runs Claude models through the Anthropic Messages API', async () => {
    const llm = server();
    llm.reply({ text: 'Hello from Claude' });
    const result = await runBlock(
      block,
      {
        prompt: 'Hi {{NAME}}',
        prompt_values: { NAME: 'Ada' },
        sys_prompt: 'Be kind',
        model: 'claude-sonnet-4-5-20250929',
      },
      { credentials: apiKey('anthropic', 'sk-ant') },
    );
    expect(result.byPin.response).toEqual(['Hello from Claude']);
    const [sent] = llm.requests;
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.headers['x-api-key']).toBe('sk-ant');
    expect(sent?.body.max_tokens).toBe(64_000);
    expect(sent?.body.system).toEqual([{ type: 'text', text: 'Be kind' }]);
  });

  it('runs an Ollama model without credentials', async () => {
    const llm = server();
    llm.reply({ text: 'local answer' });
    const result = await runBlock(block, { prompt: 'Hi', model: 'llama3.2', ollama_host: 'ignored:1' });
    expect(result.byPin.response).toEqual(['local answer']);
    expect(llm.requests[0]?.path).toBe('/v1/chat/completions');
    expect(llm.requests[0]?.headers.authorization).toBeUndefined();
    expect(result.stats.extra_cost).toBeUndefined();
  });

  it('reports a template error in the prompt', async () => {
    server();
    const result = await runBlock(
      block,
      { prompt: '{% for x in y %}', prompt_values: { y: [1] }, model: 'gpt-4o' },
      { credentials: apiKey('openai') },
    );
    expect(result.error).toMatch(/Template error in prompt/);
  });
});
