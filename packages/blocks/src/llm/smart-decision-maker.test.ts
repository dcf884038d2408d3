import { runBlock, type ToolTarget } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { smartDecisionMakerBlock as block } from './smart-decision-maker';
import { apiKey, useLlmTestServer } from './test-env';
import { answerPendingCalls, NO_OUTPUT } from './tool-conversation';

const server = useLlmTestServer();

const tools: ToolTarget[] = [
  {
    nodeId: 'node-search',
    blockId: 'b-search',
    name: 'Web Search',
    description: 'Searches the web',
    parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
    fields: ['query'],
  },
  {
    nodeId: 'node-mail',
    blockId: 'b-mail',
    name: 'send_email',
    description: 'Sends an email',
    parameters: {
      type: 'object',
      properties: { to: { type: 'string' }, body: { type: 'string' } },
      required: ['to'],
    },
    fields: ['to', 'body'],
  },
];

const run = (input: Record<string, unknown>, provider = 'openai') =>
  runBlock(block, { model: 'gpt-4o', ...input }, { credentials: apiKey(provider), context: { tools } });

describe('SmartDecisionMakerBlock', () => {
  it('offers the linked tools and routes each argument to its node pin', async () => {
    const llm = server();
    llm.reply({
      toolCalls: [
        { name: 'Web_Search', arguments: { query: 'weather Oslo' } },
        { name: 'send_email', arguments: { to: 'a@b.co' } },
      ],
    });
    const result = await run({ prompt: 'Find the weather and mail it', sys_prompt: 'You are an agent.' });
    expect(result.error).toBeUndefined();
    expect(result.outputs.slice(0, 3)).toEqual([
      ['tools_^_node-search_~_query', 'weather Oslo'],
      ['tools_^_node-mail_~_to', 'a@b.co'],
      ['tools_^_node-mail_~_body', null],
    ]);
    const sentTools = llm.requests[0]?.body.tools as { function: { name: string } }[];
    expect(sentTools.map((t) => t.function.name)).toEqual(['Web_Search', 'send_email']);
    const conversations = result.byPin.conversations?.[0] as Record<string, unknown>[];
    expect(conversations.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(conversations[2]).toMatchObject({
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'Web_Search', arguments: '{"query":"weather Oslo"}' },
        },
        { id: 'call_2', type: 'function', function: { name: 'send_email' } },
      ],
    });
    expect(result.byPin.finished).toBeUndefined();
  });

  it('finishes with the text when the model calls no tool, feeding the last tool output back', async () => {
    const llm = server();
    llm.reply({ text: 'It is sunny.' });
    const history = [
      { role: 'system', content: 'You are an agent.' },
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'call_9', type: 'function', function: { name: 'Web_Search', arguments: '{"query":"w"}' } },
        ],
      },
    ];
    const result = await run({
      prompt: 'Weather?',
      sys_prompt: 'You are an agent.',
      conversation_history: history,
      last_tool_output: { forecast: 'sun' },
    });
    expect(result.byPin.finished).toEqual(['It is sunny.']);
    const sent = llm.requests[0]?.body.messages as Record<string, unknown>[];
    expect(sent.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(sent[3]).toMatchObject({ tool_call_id: 'call_9', content: '{"forecast":"sun"}' });
  });

  it('asks again after a call to an unknown tool', async () => {
    const llm = server();
    llm.reply(
      { toolCalls: [{ name: 'teleport', arguments: {} }] },
      { toolCalls: [{ name: 'Web_Search', arguments: { query: 'q' } }] },
    );
    const result = await run({ prompt: 'Go' });
    expect(result.outputs[0]).toEqual(['tools_^_node-search_~_query', 'q']);
    const second = llm.requests[1]?.body.messages as Record<string, unknown>[];
    expect(second.at(-1)).toMatchObject({
      role: 'tool',
      content: expect.stringContaining('no tool named "teleport"'),
    });
    expect(result.stats.llm_call_count).toBe(2);
  });

  it('fails when required arguments stay missing', async () => {
    const llm = server();
    llm.reply({ toolCalls: [{ name: 'send_email', arguments: { body: 'hi' } }] });
    const result = await run({ prompt: 'Go', retry: 1 });
    expect(result.error).toMatch(
      /no valid tool call after 1 attempts: "send_email" lacks the required arguments to/,
    );
  });

  it('calls tools through Anthropic as tool_use', async () => {
    const llm = server();
    llm.reply({ text: 'Searching.', toolCalls: [{ name: 'Web_Search', arguments: { query: 'claude' } }] });
    const result = await runBlock(
      block,
      { prompt: 'Search', model: 'claude-haiku-4-5-20251001' },
      { credentials: apiKey('anthropic'), context: { tools } },
    );
    expect(result.outputs[0]).toEqual(['tools_^_node-search_~_query', 'claude']);
    const sentTools = llm.requests[0]?.body.tools as { name: string; input_schema: unknown }[];
    expect(sentTools.map((t) => t.name)).toEqual(['Web_Search', 'send_email']);
  });

  it('gives Anthropic the earlier call and its result as tool_use and tool_result', async () => {
    const llm = server();
    llm.reply({ text: 'Done.' });
    const conversations = [
      { role: 'user', content: 'Search' },
      {
        role: 'assistant',
        content: 'Searching.',
        tool_calls: [
          { id: 'toolu_7', type: 'function', function: { name: 'Web_Search', arguments: '{"query":"q"}' } },
        ],
      },
    ];
    const result = await runBlock(
      block,
      {
        prompt: 'Search',
        model: 'claude-haiku-4-5-20251001',
        conversation_history: conversations,
        last_tool_output: 'found',
      },
      { credentials: apiKey('anthropic'), context: { tools } },
    );
    expect(result.byPin.finished).toEqual(['Done.']);
    expect(llm.requests[0]?.body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Search' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Searching.' },
          { type: 'tool_use', id: 'toolu_7', name: 'Web_Search', input: { query: 'q' } },
        ],
      },
      { role: 'user', content: [expect.objectContaining({ type: 'tool_result', tool_use_id: 'toolu_7' })] },
    ]);
  });
});

describe('answerPendingCalls', () => {
  it('gives other waiting calls a "no output" result and plain output as user text', () => {
    const history = [
      {
        role: 'assistant' as const,
        content: '',
        toolCalls: [
          { id: 'a', name: 'x', arguments: {} },
          { id: 'b', name: 'y', arguments: {} },
        ],
      },
    ];
    expect(answerPendingCalls(history, 'out').slice(1)).toEqual([
      { role: 'tool', toolCallId: 'a', toolName: 'x', content: NO_OUTPUT },
      { role: 'tool', toolCallId: 'b', toolName: 'y', content: 'out' },
    ]);
    expect(answerPendingCalls([{ role: 'user', content: 'hi' }], 5).at(-1)).toEqual({
      role: 'user',
      content: 'Last tool output: 5',
    });
  });
});
