import type { JsonSchema, ToolTarget } from '@blockloom/sdk';
import type { LlmToolSpec } from './call';
import type { LlmMessage, LlmToolCall } from './messages';

/**
 * The conversation and tool bookkeeping of SmartDecisionMaker: tool functions from the linked nodes, the
 * outputs of earlier tool calls put back into the conversation, and the check of the calls a model makes.
 */

export const NO_OUTPUT = 'No output was received from this tool.';

const describeValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A function name providers accept (`^[a-zA-Z0-9_-]{1,64}$`), unique among `taken`. */
function functionName(name: string, taken: ReadonlySet<string>): string {
  const base = (name.replace(/[^a-zA-Z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'tool').slice(0, 60);
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
  return candidate;
}

function objectSchema(parameters: JsonSchema): JsonSchema {
  return parameters.type === 'object' ? parameters : { type: 'object', properties: {}, ...parameters };
}

export interface ToolFunction {
  spec: LlmToolSpec;
  target: ToolTarget;
}

/** One function per linked node, by function name. */
export function toolFunctions(targets: readonly ToolTarget[]): Map<string, ToolFunction> {
  const functions = new Map<string, ToolFunction>();
  for (const target of targets) {
    const name = functionName(target.name, new Set(functions.keys()));
    const description = target.description.trim() || `Runs ${target.name}.`;
    functions.set(name, { spec: { name, description, parameters: objectSchema(target.parameters) }, target });
  }
  return functions;
}

/** Why a tool call can't be routed, or undefined when it can. */
export function toolCallProblem(
  call: LlmToolCall,
  functions: ReadonlyMap<string, ToolFunction>,
): string | undefined {
  const fn = functions.get(call.name);
  if (!fn) return `there is no tool named "${call.name}"; the tools are: ${[...functions.keys()].join(', ')}`;
  const args = call.arguments;
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    return `the arguments of "${call.name}" are not a JSON object`;
  }
  const required = Array.isArray(fn.spec.parameters.required)
    ? (fn.spec.parameters.required as string[])
    : [];
  const missing = required.filter((field) => !(field in args));
  return missing.length > 0 ? `"${call.name}" lacks the required arguments ${missing.join(', ')}` : undefined;
}

/** Tool call ids of the conversation that have no result yet, latest call last. */
function unanswered(messages: readonly LlmMessage[]): string[] {
  const answered = new Set(messages.flatMap((m) => (m.role === 'tool' ? [m.toolCallId] : [])));
  return messages.flatMap((m) =>
    m.role === 'assistant' ? (m.toolCalls ?? []).map((c) => c.id).filter((id) => !answered.has(id)) : [],
  );
}

/**
 * Puts `lastToolOutput` back into the conversation as the result of the latest call still waiting for one;
 * other waiting calls get a "no output" result, since providers refuse a call without a result. With no
 * call waiting, the output is given as user text.
 */
export function answerPendingCalls(history: readonly LlmMessage[], lastToolOutput: unknown): LlmMessage[] {
  const waiting = unanswered(history);
  const latest = lastToolOutput === null || lastToolOutput === undefined ? undefined : waiting.at(-1);
  const out: LlmMessage[] = [];
  for (const [index, message] of history.entries()) {
    out.push(message);
    if (message.role !== 'assistant' && message.role !== 'tool') continue;
    const next = history[index + 1];
    if (next?.role === 'tool') continue;
    // The end of a call's group of results: add the missing ones.
    const owner = [...out].reverse().find((m) => m.role === 'assistant');
    if (owner?.role !== 'assistant') continue;
    for (const call of owner.toolCalls ?? []) {
      if (!waiting.includes(call.id)) continue;
      const content = call.id === latest ? describeValue(lastToolOutput) : NO_OUTPUT;
      out.push({ role: 'tool', toolCallId: call.id, toolName: call.name, content });
    }
  }
  if (lastToolOutput !== null && lastToolOutput !== undefined && latest === undefined) {
    out.push({ role: 'user', content: `Last tool output: ${describeValue(lastToolOutput)}` });
  }
  return out;
}
