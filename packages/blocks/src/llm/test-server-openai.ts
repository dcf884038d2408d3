import type { Answer } from './test-server';

/** OpenAI Chat Completions bodies for the test server (`test-server.ts`). */

const CREATED = 1_700_000_000;

function toolCalls(answer: Answer) {
  return answer.toolCalls.map((call, index) => ({
    id: `call_${index + 1}`,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
}

function usage(answer: Answer) {
  const { input, output } = answer.usage;
  return { prompt_tokens: input, completion_tokens: output, total_tokens: input + output };
}

const finishReason = (answer: Answer) => (answer.toolCalls.length > 0 ? 'tool_calls' : 'stop');

export function openAiBody(answer: Answer): unknown {
  const calls = toolCalls(answer);
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: CREATED,
    model: answer.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: answer.text === '' && calls.length > 0 ? null : answer.text,
          ...(calls.length > 0 ? { tool_calls: calls } : {}),
        },
        finish_reason: finishReason(answer),
      },
    ],
    usage: usage(answer),
  };
}

/** SSE `data:` lines: the text in a few deltas, each tool call, the finish, the usage, then `[DONE]`. */
export function openAiChunks(answer: Answer): string[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: CREATED, model: answer.model, choices, ...extra })}\n\n`;
  const delta = (content: Record<string, unknown>) =>
    chunk([{ index: 0, delta: content, finish_reason: null }]);
  const events = [delta({ role: 'assistant', content: '' })];
  for (const piece of answer.text.match(/[\s\S]{1,8}/g) ?? []) events.push(delta({ content: piece }));
  toolCalls(answer).forEach((call, index) => events.push(delta({ tool_calls: [{ index, ...call }] })));
  events.push(chunk([{ index: 0, delta: {}, finish_reason: finishReason(answer) }]));
  events.push(chunk([], { usage: usage(answer) }));
  events.push('data: [DONE]\n\n');
  return events;
}
