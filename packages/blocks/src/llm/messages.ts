import type { ModelMessage } from 'ai';

/**
 * Chat messages as the LLM blocks build them. They go out on the `prompt` / `conversations` pins in OpenAI's
 * chat format (`{role, content}`, `tool_calls`, `tool_call_id`), which is also what `conversation_history`
 * accepts back, so a SmartDecisionMaker loop can feed its conversation to itself.
 */

export interface LlmToolCall {
  id: string;
  name: string;
  arguments: unknown;
}

export type LlmMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: LlmToolCall[] }
  | { role: 'tool'; toolCallId: string; toolName: string; content: string };

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);

function parseArguments(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw ?? {};
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function toolCallsOf(raw: unknown): LlmToolCall[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isDict).map((call, index) => {
    const fn = isDict(call.function) ? call.function : call;
    return {
      id: typeof call.id === 'string' ? call.id : `call_${index + 1}`,
      name: asText(fn.name),
      arguments: parseArguments(fn.arguments),
    };
  });
}

/**
 * Messages from a `conversation_history` / `messages` input. Text content of any shape is kept as text;
 * assistant `tool_calls` and `tool` results are kept as such (a result whose call is unknown becomes user
 * text); other roles become user text; empty messages are dropped.
 */
export function normaliseMessages(raw: readonly unknown[]): LlmMessage[] {
  const messages: LlmMessage[] = [];
  const callNames = new Map<string, string>();
  for (const item of raw) {
    if (!isDict(item)) continue;
    const content = asText(item.content);
    if (item.role === 'assistant') {
      const toolCalls = toolCallsOf(item.tool_calls);
      for (const call of toolCalls) callNames.set(call.id, call.name);
      if (content === '' && toolCalls.length === 0) continue;
      messages.push({ role: 'assistant', content, ...(toolCalls.length > 0 ? { toolCalls } : {}) });
      continue;
    }
    const callId = typeof item.tool_call_id === 'string' ? item.tool_call_id : undefined;
    const toolName = callId === undefined ? undefined : callNames.get(callId);
    if (item.role === 'tool' && callId !== undefined && toolName !== undefined) {
      messages.push({ role: 'tool', toolCallId: callId, toolName, content });
      continue;
    }
    if (content === '') continue;
    messages.push({ role: item.role === 'system' ? 'system' : 'user', content });
  }
  return messages;
}

/** A message in OpenAI's chat format, for the `prompt` and `conversations` pins. */
export function toPlainMessage(message: LlmMessage): Dict {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'assistant':
      return {
        role: 'assistant',
        content: message.content,
        ...(message.toolCalls?.length
          ? {
              tool_calls: message.toolCalls.map((call) => ({
                id: call.id,
                type: 'function',
                function: { name: call.name, arguments: JSON.stringify(call.arguments ?? {}) },
              })),
            }
          : {}),
      };
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

/** The AI SDK's form of a message. */
export function toModelMessage(message: LlmMessage): ModelMessage {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'assistant':
      if (!message.toolCalls?.length) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        content: [
          ...(message.content === '' ? [] : [{ type: 'text' as const, text: message.content }]),
          ...message.toolCalls.map((call) => ({
            type: 'tool-call' as const,
            toolCallId: call.id,
            toolName: call.name,
            input: call.arguments,
          })),
        ],
      };
    case 'tool':
      return {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: message.toolCallId,
            toolName: message.toolName,
            output: { type: 'text', value: message.content },
          },
        ],
      };
  }
}

/** Drops tool results whose call is no longer in the conversation (after older messages were cut). */
export function withoutOrphanResults(messages: readonly LlmMessage[]): LlmMessage[] {
  const calls = new Set(
    messages.flatMap((m) => (m.role === 'assistant' ? (m.toolCalls ?? []).map((c) => c.id) : [])),
  );
  return messages.filter((m) => m.role !== 'tool' || calls.has(m.toolCallId));
}
