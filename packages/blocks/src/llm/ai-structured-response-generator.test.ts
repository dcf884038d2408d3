import { runBlock } from '@blockloom/sdk';
import { describe, expect, it, vi } from 'vitest';
import { aiStructuredResponseGeneratorBlock as block } from './ai-structured-response-generator';
import { apiKey, useLlmTestServer } from './test-env';
import type { RecordedRequest } from './test-server';

const server = useLlmTestServer();

type Message = { role: string; content: string };
const messagesOf = (request: RecordedRequest | undefined) => (request?.body.messages ?? []) as Message[];

/** A reply wrapping `json` in the `<json_output>` tag whose id the request's format instructions name. */
function tagged(json: string) {
  return (request: RecordedRequest) => {
    const prompt = messagesOf(request)
      .map((m) => m.content)
      .join('\n');
    const id = /<json_output id="([0-9a-f]+)">/.exec(prompt)?.[1];
    return { text: `Sure.\n<json_output id="${id}">${json}</json_output>` };
  };
}

describe('AIStructuredResponseGeneratorBlock', () => {
  it('assembles history, system prompt, format instructions and prompt, and reads the tagged JSON', async () => {
    const llm = server();
    llm.reply(tagged('{"title": "Tea", "content": "All about tea"}'));
    const result = await runBlock(
      block,
      {
        prompt: 'Write about {{TOPIC}}',
        sys_prompt: 'You write for {{AUDIENCE}}.',
        prompt_values: { TOPIC: 'tea', AUDIENCE: 'kids' },
        expected_format: { title: 'The title', content: 'The post' },
        conversation_history: [{ role: 'user', content: 'Earlier question' }],
        model: 'gpt-4o-mini',
      },
      { credentials: apiKey('openai') },
    );
    expect(result.error).toBeUndefined();
    expect(result.byPin.response).toEqual([{ title: 'Tea', content: 'All about tea' }]);
    const sent = messagesOf(llm.requests[0]);
    expect(sent.map((m) => m.role)).toEqual(['user', 'system', 'system', 'user']);
    expect(sent[0]?.content).toBe('Earlier question');
    expect(sent[1]?.content).toBe('You write for kids.');
    expect(sent[2]?.content).toContain('"title": "The title"');
    expect(sent[3]?.content).toBe('Write about tea');
    expect(result.byPin.prompt).toEqual([sent]);
    expect(result.outputs.map(([pin]) => pin)).toEqual(['response', 'prompt']);
  });

  it('sends a correction after a bad answer and retries', async () => {
    const llm = server();
    llm.reply(tagged('{"title": "only a title"}'), tagged('{"title": "T", "content": "C"}'));
    const result = await runBlock(
      block,
      { prompt: 'Go', expected_format: { title: 't', content: 'c' }, model: 'gpt-4o' },
      { credentials: apiKey('openai') },
    );
    expect(result.byPin.response).toEqual([{ title: 'T', content: 'C' }]);
    expect(result.stats.llm_call_count).toBe(2);
    const second = messagesOf(llm.requests[1]);
    expect(second.at(-2)?.role).toBe('assistant');
    expect(second.at(-1)).toMatchObject({ role: 'user' });
    expect(second.at(-1)?.content).toContain('lacks the keys content');
  });

  it('fails after `retry` bad answers, naming the problem', async () => {
    const llm = server();
    llm.reply({ text: 'no json here' }, { text: 'still none' });
    const result = await runBlock(
      block,
      { prompt: 'Go', expected_format: { a: 'x' }, retry: 2, model: 'gpt-4o' },
      { credentials: apiKey('openai') },
    );
    expect(result.error).toMatch(/no valid answer after 2 attempts: .*json_output/);
  });

  it('ignores JSON outside the run’s tag', async () => {
    const llm = server();
    llm.reply({ text: '<json_output id="0000">{"a": 1}</json_output>' }, tagged('{"a": 2}'));
    const result = await runBlock(
      block,
      { prompt: 'Go', expected_format: { a: 'x' }, model: 'gpt-4o' },
      { credentials: apiKey('openai') },
    );
    expect(result.byPin.response).toEqual([{ a: 2 }]);
  });

  it('reads a list of objects', async () => {
    const llm = server();
    llm.reply(tagged('[{"name": "a"}, {"name": "b"}]'));
    const result = await runBlock(
      block,
      { prompt: 'List', expected_format: { name: 'n' }, list_result: true, model: 'gpt-4o' },
      { credentials: apiKey('openai') },
    );
    expect(result.byPin.response).toEqual([[{ name: 'a' }, { name: 'b' }]]);
  });

  it('uses JSON mode when force_json_output is set', async () => {
    const llm = server();
    llm.reply({ text: '{"results": [{"name": "a"}]}' }, { text: '```json\n{"name": "solo"}\n```' });
    const credentials = apiKey('openai');
    const base = { prompt: 'List', expected_format: { name: 'n' }, force_json_output: true, model: 'gpt-4o' };
    const list = await runBlock(block, { ...base, list_result: true }, { credentials });
    expect(list.byPin.response).toEqual([[{ name: 'a' }]]);
    expect(llm.requests[0]?.body.response_format).toEqual({ type: 'json_object' });
    expect(JSON.stringify(llm.requests[0]?.body.messages)).not.toContain('json_output');
    const single = await runBlock(block, base, { credentials });
    expect(single.byPin.response).toEqual([{ name: 'solo' }]);
  });

  it('asks Claude for JSON by instructions alone, since Anthropic has no schema-less JSON mode', async () => {
    const llm = server();
    llm.reply({ text: '{"a": 1}' });
    const warn = vi.spyOn(console, 'warn');
    const result = await runBlock(
      block,
      {
        prompt: 'Go',
        expected_format: { a: 'x' },
        force_json_output: true,
        model: 'claude-haiku-4-5-20251001',
      },
      { credentials: apiKey('anthropic') },
    );
    expect(result.byPin.response).toEqual([{ a: 1 }]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(JSON.stringify(llm.requests[0]?.body.system)).toContain('Reply only with JSON');
  });

  it('returns the plain text under "response" when no format is expected', async () => {
    const llm = server();
    llm.reply({ text: 'free text' });
    const result = await runBlock(
      block,
      { prompt: 'Go', expected_format: {}, model: 'gpt-4o' },
      { credentials: apiKey('openai') },
    );
    expect(result.byPin.response).toEqual([{ response: 'free text' }]);
    expect(messagesOf(llm.requests[0])).toEqual([{ role: 'user', content: 'Go' }]);
  });

  it('accepts a legacy api_key input and charges a model outside the table as extra_cost', async () => {
    const llm = server();
    llm.reply({ text: 'ok' });
    const result = await runBlock(block, {
      prompt: 'Go',
      expected_format: {},
      model: 'gpt-3.5-turbo',
      api_key: 'sk-legacy',
    });
    expect(result.error).toBeUndefined();
    expect(llm.requests[0]?.headers.authorization).toBe('Bearer sk-legacy');
    expect(result.stats.extra_cost).toBe(3);
  });

  it('refuses credentials of another provider than the model’s', async () => {
    const result = await runBlock(
      block,
      { prompt: 'Go', expected_format: {}, model: 'gpt-4o' },
      { credentials: apiKey('anthropic') },
    );
    expect(result.error).toMatch(/served by openai, but the chosen credentials are for anthropic/);
  });
});
