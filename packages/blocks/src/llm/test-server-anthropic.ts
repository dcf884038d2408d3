import type { Answer } from './test-server';

/** Anthropic Messages bodies for the test server (`test-server.ts`). */

function content(answer: Answer) {
  const blocks: Record<string, unknown>[] = [];
  if (answer.text !== '') blocks.push({ type: 'text', text: answer.text });
  answer.toolCalls.forEach((call, index) =>
    blocks.push({ type: 'tool_use', id: `toolu_${index + 1}`, name: call.name, input: call.arguments }),
  );
  return blocks;
}

const stopReason = (answer: Answer) => (answer.toolCalls.length > 0 ? 'tool_use' : 'end_turn');

export function anthropicBody(answer: Answer): unknown {
  return {
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model: answer.model,
    content: content(answer),
    stop_reason: stopReason(answer),
    stop_sequence: null,
    usage: { input_tokens: answer.usage.input, output_tokens: answer.usage.output },
  };
}

/** SSE events: message_start, one content block per text/tool_use with deltas, message_delta, message_stop. */
export function anthropicEvents(answer: Answer): string[] {
  const event = (type: string, data: Record<string, unknown>) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const events = [
    event('message_start', {
      message: {
        id: 'msg_test',
        type: 'message',
        role: 'assistant',
        model: answer.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: answer.usage.input, output_tokens: 1 },
      },
    }),
  ];
  content(answer).forEach((block, index) => {
    if (block.type === 'text') {
      events.push(event('content_block_start', { index, content_block: { type: 'text', text: '' } }));
      for (const piece of answer.text.match(/[\s\S]{1,8}/g) ?? []) {
        events.push(event('content_block_delta', { index, delta: { type: 'text_delta', text: piece } }));
      }
    } else {
      events.push(event('content_block_start', { index, content_block: { ...block, input: {} } }));
      const json = JSON.stringify(block.input);
      events.push(
        event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json } }),
      );
    }
    events.push(event('content_block_stop', { index }));
  });
  events.push(
    event('message_delta', {
      delta: { stop_reason: stopReason(answer), stop_sequence: null },
      usage: { output_tokens: answer.usage.output },
    }),
  );
  events.push(event('message_stop', {}));
  return events;
}
