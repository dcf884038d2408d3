import { NonRetriableError, RetryAfterError, createStandaloneContext } from '@blockloom/sdk';
import { describe, expect, it, vi } from 'vitest';
import { callLlm, type LlmRequest, type RetryPolicy } from './call';
import { retryAfterMs } from './retry';
import { resolveModel } from './models';
import { useLlmTestServer } from './test-env';

const server = useLlmTestServer();
const fast: RetryPolicy = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };

function request(model: string, extra: Partial<LlmRequest> = {}): LlmRequest {
  return {
    model: resolveModel(model),
    apiKey: 'sk-test',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Say hi' },
    ],
    ...extra,
  };
}

describe('callLlm against an OpenAI Chat Completions server', () => {
  it('sends the messages, the model and the key, and counts tokens', async () => {
    const llm = server();
    llm.reply({ text: 'Hi there', usage: { input: 12, output: 3 } });
    const { ctx, stats } = createStandaloneContext();
    const answer = await callLlm(ctx, request('gpt-4o', { maxTokens: 50 }), fast);
    expect(answer.text).toBe('Hi there');
    expect(stats).toEqual({ llm_call_count: 1, input_token_count: 12, output_token_count: 3 });
    const [sent] = llm.requests;
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe('Bearer sk-test');
    expect(sent?.body).toMatchObject({
      model: 'gpt-4o',
      max_tokens: 50,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hi' },
      ],
    });
  });

  it('reads a streamed answer and its usage chunk', async () => {
    const llm = server();
    llm.reply({ text: 'A longer streamed answer.', usage: { input: 7, output: 6 } });
    const { ctx, stats } = createStandaloneContext();
    const answer = await callLlm(ctx, request('gpt-4o-mini', { stream: true }), fast);
    expect(answer.text).toBe('A longer streamed answer.');
    expect(llm.requests[0]?.body.stream).toBe(true);
    expect(stats).toMatchObject({ input_token_count: 7, output_token_count: 6 });
  });

  it('returns tool calls, plain and streamed', async () => {
    const llm = server();
    const call = { name: 'lookup', arguments: { city: 'Paris' } };
    llm.reply({ toolCalls: [call] }, { toolCalls: [call] });
    const tools = [
      {
        name: 'lookup',
        description: 'Looks a city up',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    ];
    const { ctx } = createStandaloneContext();
    for (const stream of [false, true]) {
      const answer = await callLlm(ctx, request('gpt-4o', { tools, stream }), fast);
      expect(answer.toolCalls).toEqual([{ id: 'call_1', name: 'lookup', arguments: { city: 'Paris' } }]);
    }
    expect(llm.requests[0]?.body.tools).toEqual([
      {
        type: 'function',
        function: expect.objectContaining({ name: 'lookup', description: 'Looks a city up' }),
      },
    ]);
  });

  it('asks for a JSON object in JSON mode', async () => {
    const llm = server();
    llm.reply({ text: '{"a": 1}' });
    const { ctx } = createStandaloneContext();
    const answer = await callLlm(ctx, request('gpt-4o', { jsonMode: true }), fast);
    expect(answer.text).toBe('{"a": 1}');
    expect(llm.requests[0]?.body.response_format).toEqual({ type: 'json_object' });
  });

  it('retries a 429 after its Retry-After and counts the retry', async () => {
    const llm = server();
    llm.reply({ status: 429, headers: { 'retry-after': '1' } }, { text: 'done' });
    const { ctx, stats } = createStandaloneContext();
    const started = Date.now();
    const answer = await callLlm(ctx, request('gpt-4o'), {
      retries: 2,
      baseDelayMs: 5_000,
      maxDelayMs: 5_000,
    });
    const elapsed = Date.now() - started;
    expect(answer.text).toBe('done');
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(4_000);
    expect(stats).toMatchObject({ llm_call_count: 1, llm_retry_count: 1 });
    expect(llm.requests).toHaveLength(2);
  });

  it('retries a failed streamed call too', async () => {
    const llm = server();
    llm.reply({ status: 429, headers: { 'retry-after': '0' } }, { text: 'streamed after all' });
    const { ctx, stats } = createStandaloneContext();
    const answer = await callLlm(ctx, request('gpt-4o', { stream: true }), fast);
    expect(answer.text).toBe('streamed after all');
    expect(stats).toMatchObject({ llm_call_count: 1, llm_retry_count: 1 });
  });

  it('retries when the server cannot be reached', async () => {
    server();
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/v1');
    const { ctx, stats } = createStandaloneContext();
    await expect(callLlm(ctx, request('gpt-4o'), fast)).rejects.toThrow(
      /openai call failed after 3 attempts/,
    );
    expect(stats).toEqual({ llm_retry_count: 2 });
  });

  it('retries 5xx with backoff and gives up after the policy', async () => {
    const llm = server();
    llm.reply({ status: 503 }, { status: 500 }, { status: 502 });
    const { ctx, stats } = createStandaloneContext();
    await expect(callLlm(ctx, request('gpt-4o'), fast)).rejects.toThrow(/failed after 3 attempts/);
    expect(stats).toEqual({ llm_retry_count: 2 });
  });

  it('ends a persistent 429 with a RetryAfterError for the engine', async () => {
    const llm = server();
    llm.reply(
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 429, headers: { 'retry-after': '7' } },
    );
    const { ctx } = createStandaloneContext();
    const failure = await callLlm(ctx, request('gpt-4o'), { ...fast, retries: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RetryAfterError);
    expect((failure as RetryAfterError).retryAfterMs).toBe(7_000);
  });

  it('leaves a Retry-After over a minute to the engine without waiting', async () => {
    const llm = server();
    llm.reply({ status: 429, headers: { 'retry-after': '120' } });
    const { ctx, stats } = createStandaloneContext();
    const failure = await callLlm(ctx, request('gpt-4o'), fast).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RetryAfterError);
    expect((failure as RetryAfterError).retryAfterMs).toBe(120_000);
    expect(llm.requests).toHaveLength(1);
    expect(stats).toEqual({});
  });

  it('does not retry a 401', async () => {
    const llm = server();
    llm.reply({ status: 401, message: 'bad key' }, { text: 'never' });
    const { ctx, stats } = createStandaloneContext();
    const failure = await callLlm(ctx, request('gpt-4o'), fast).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NonRetriableError);
    expect(String(failure)).toMatch(/Authentication failed.*401.*bad key/);
    expect(llm.requests).toHaveLength(1);
    expect(stats).toEqual({});
  });

  it('shrinks max tokens after a context-length error', async () => {
    const llm = server();
    llm.reply({ status: 400, message: "This model's maximum context length is 100 tokens" }, { text: 'ok' });
    const { ctx } = createStandaloneContext();
    await callLlm(ctx, request('gpt-4o', { maxTokens: 100 }), fast);
    expect(llm.requests.map((r) => r.body.max_tokens)).toEqual([100, 85]);
  });

  it('stops when the signal aborts', async () => {
    const llm = server();
    llm.reply({ status: 503, headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const { ctx } = createStandaloneContext({ signal: controller.signal });
    const pending = callLlm(ctx, request('gpt-4o'), fast);
    setTimeout(() => controller.abort(new Error('cancelled')), 100);
    await expect(pending).rejects.toThrow('cancelled');
  });

  it('reaches OpenAI-compatible providers (Groq, OpenRouter, Ollama) at their base URLs', async () => {
    const llm = server();
    llm.reply({ text: 'groq' }, { text: 'router' }, { text: 'local' });
    const { ctx } = createStandaloneContext();
    for (const model of ['llama-3.3-70b-versatile', 'google/gemini-2.5-flash', 'llama3.2']) {
      await callLlm(ctx, request(model, model === 'llama3.2' ? { apiKey: undefined } : {}), fast);
    }
    expect(llm.requests.map((r) => [r.path, r.body.model, r.headers.authorization])).toEqual([
      ['/v1/chat/completions', 'llama-3.3-70b-versatile', 'Bearer sk-test'],
      ['/v1/chat/completions', 'google/gemini-2.5-flash', 'Bearer sk-test'],
      ['/v1/chat/completions', 'llama3.2', undefined],
    ]);
  });
});

describe('callLlm against an Anthropic Messages server', () => {
  it('sends x-api-key and the system prompt apart from the messages', async () => {
    const llm = server();
    llm.reply({ text: 'Bonjour', usage: { input: 20, output: 2 } });
    const { ctx, stats } = createStandaloneContext();
    const answer = await callLlm(
      ctx,
      request('anthropic/claude-sonnet-4-5-20250929', { maxTokens: 64 }),
      fast,
    );
    expect(answer.text).toBe('Bonjour');
    expect(stats).toEqual({ llm_call_count: 1, input_token_count: 20, output_token_count: 2 });
    const [sent] = llm.requests;
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.headers['x-api-key']).toBe('sk-test');
    expect(sent?.body).toMatchObject({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 64,
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hi' }] }],
    });
  });

  it('reads streamed events and tool_use blocks', async () => {
    const llm = server();
    llm.reply(
      { text: 'Streaming from Claude', usage: { input: 9, output: 4 } },
      { text: 'Let me look.', toolCalls: [{ name: 'lookup', arguments: { city: 'Oslo' } }] },
    );
    const { ctx, stats } = createStandaloneContext();
    const streamed = await callLlm(ctx, request('claude-haiku-4-5-20251001', { stream: true }), fast);
    expect(streamed.text).toBe('Streaming from Claude');
    expect(stats).toMatchObject({ input_token_count: 9, output_token_count: 4 });
    const tools = [
      { name: 'lookup', description: 'Looks up', parameters: { type: 'object', properties: {} } },
    ];
    const called = await callLlm(ctx, request('claude-haiku-4-5-20251001', { tools, stream: true }), fast);
    expect(called.text).toBe('Let me look.');
    expect(called.toolCalls).toEqual([{ id: 'toolu_1', name: 'lookup', arguments: { city: 'Oslo' } }]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs({ 'retry-after': '2' })).toBe(2_000);
    expect(retryAfterMs({})).toBeUndefined();
    const inFuture = new Date(Date.now() + 10_000).toUTCString();
    expect(retryAfterMs({ 'retry-after': inFuture })).toBeGreaterThan(8_000);
  });
});
