import { NonRetriableError, runBlock } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { useFakeProvider } from '../../providers/shared/fake-server';
import { apiKeyCredentials, runForTest } from '../../providers/shared/test-run';
import { apiKey, useLlmTestServer } from '../../llm/test-env';
import { codeGenerationBlock } from './code-generation';
import { perplexityBlock } from './perplexity';
import { credentialsRef } from '../shared/refs';

const llmServer = useLlmTestServer();
const orRef = credentialsRef('open_router');

describe('PerplexityBlock', () => {
  it('asks the Sonar model through OpenRouter’s chat completions', async () => {
    const llm = llmServer();
    llm.reply({ text: 'Node 22 added require(esm).', usage: { input: 20, output: 6 } });
    const result = await runBlock(
      perplexityBlock,
      {
        prompt: 'What changed?',
        model: 'perplexity/sonar-pro',
        system_prompt: 'Be brief',
        max_tokens: 200,
        credentials: orRef,
      },
      { credentials: apiKey('open_router', 'or-key') },
    );
    expect(result.outputs).toEqual([['response', 'Node 22 added require(esm).']]);
    expect(result.stats).toEqual({ llm_call_count: 1, input_token_count: 20, output_token_count: 6 });
    const [sent] = llm.requests;
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe('Bearer or-key');
    expect(sent?.body.model).toBe('perplexity/sonar-pro');
    expect(sent?.body.max_tokens).toBe(200);
    expect(sent?.body.messages).toEqual([
      { role: 'system', content: 'Be brief' },
      { role: 'user', content: 'What changed?' },
    ]);
  });

  it('fails for good on a refused key', async () => {
    const llm = llmServer();
    llm.reply({ status: 401, message: 'No auth credentials found' });
    const result = await runBlock(
      perplexityBlock,
      { prompt: 'x', credentials: orRef },
      { credentials: apiKey('open_router') },
    );
    expect(result.error).toMatch(/^Authentication failed: open_router API error 401/);
  });

  it('needs credentials', async () => {
    const result = await runBlock(perplexityBlock, { prompt: 'x', credentials: orRef });
    expect(result.error).toBe('No OpenRouter credentials were provided');
  });
});

describe('CodeGenerationBlock', () => {
  const { ref, resolved } = apiKeyCredentials('openai', 'sk-codex');
  const startOpenAi = useFakeProvider((url) => ({ OPENAI_BASE_URL: `${url}/v1` }));

  const responseBody = {
    id: 'resp_123',
    object: 'response',
    created_at: 1_700_000_000,
    status: 'completed',
    model: 'gpt-5.1-codex',
    error: null,
    incomplete_details: null,
    output: [
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Use a loop.' }] },
      {
        type: 'message',
        id: 'msg_1',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'def f():\n    return 1', annotations: [] }],
      },
    ],
    usage: {
      input_tokens: 12,
      output_tokens: 7,
      total_tokens: 19,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 3 },
    },
  };

  it('calls the Responses API with the reasoning effort and returns text, reasoning and id', async () => {
    const fake = await startOpenAi(() => ({ body: responseBody }));
    const run = await runForTest(
      codeGenerationBlock,
      { prompt: 'Write f', credentials: ref, reasoning_effort: 'high', max_output_tokens: 500 },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['response', 'def f():\n    return 1'],
      ['reasoning', 'Use a loop.'],
      ['response_id', 'resp_123'],
    ]);
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/responses');
    expect(request?.headers.authorization).toBe('Bearer sk-codex');
    const body = JSON.parse(request?.text ?? '{}') as Record<string, unknown>;
    expect(body.model).toBe('gpt-5.1-codex');
    expect(body.reasoning).toEqual({ effort: 'high', summary: 'auto' });
    expect(body.max_output_tokens).toBe(500);
  });

  it('reports usage in the node stats', async () => {
    await startOpenAi(() => ({ body: responseBody }));
    const result = await runBlock(
      codeGenerationBlock,
      { prompt: 'Write f', credentials: ref },
      { credentials: resolved },
    );
    expect(result.stats).toEqual({ llm_call_count: 1, input_token_count: 12, output_token_count: 7 });
  });

  it('fails for good on a refused key, and retriably on a server error', async () => {
    await startOpenAi(() => ({
      status: 401,
      body: { error: { message: 'Incorrect API key', type: 'invalid_request_error' } },
    }));
    const refused = await runForTest(
      codeGenerationBlock,
      { prompt: 'x', credentials: ref },
      { credentials: resolved },
    );
    expect(refused.error).toBeInstanceOf(NonRetriableError);
    expect((refused.error as Error).message).toContain('Authentication failed');
    await startOpenAi(() => ({ status: 500, body: { error: { message: 'boom', type: 'server_error' } } }));
    const broken = await runForTest(
      codeGenerationBlock,
      { prompt: 'x', credentials: ref },
      { credentials: resolved },
    );
    expect(broken.error).not.toBeInstanceOf(NonRetriableError);
    expect((broken.error as Error).message).toContain('OpenAI call failed');
  });
});
