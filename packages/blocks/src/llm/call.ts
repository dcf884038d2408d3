import {
  generateText,
  jsonSchema,
  streamText,
  tool,
  type LanguageModelUsage,
  type ModelMessage,
  type OutputInterface,
  type ToolSet,
} from 'ai';
import type { BlockContext, JsonSchema } from '@blockloom/sdk';
import { createLanguageModel, type ModelTarget } from './client';
import { defaultRetryPolicy, exhausted, judge, sleep, type RetryPolicy } from './retry';
import { toModelMessage, type LlmMessage, type LlmToolCall } from './messages';

export type { LlmMessage, LlmToolCall } from './messages';
export type { RetryPolicy } from './retry';

/** A function the model may call (SmartDecisionMaker's tools). */
export interface LlmToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: JsonSchema;
}

export interface LlmRequest extends ModelTarget {
  messages: readonly LlmMessage[];
  maxTokens?: number;
  /** Ask for a JSON object (`response_format: json_object` where the provider has it). */
  jsonMode?: boolean;
  tools?: readonly LlmToolSpec[];
  /** Read the answer as a stream of chunks rather than one response. */
  stream?: boolean;
}

export interface LlmResponse {
  text: string;
  toolCalls: LlmToolCall[];
  reasoning: string | undefined;
  inputTokens: number;
  outputTokens: number;
}
export type LlmCallContext = Pick<BlockContext, 'signal' | 'stats' | 'logger'>;

/** A longer Retry-After is left to the engine (RetryAfterError) rather than held inside the node. */
const MAX_WAIT_MS = 60_000;

/**
 * An Output spec that only asks for JSON and returns the raw text: the blocks check the JSON themselves and
 * answer a bad reply with a correction message, which the SDK's own JSON output would turn into a throw.
 */
const jsonTextOutput: OutputInterface<string, string, never> = {
  name: 'json-text',
  responseFormat: Promise.resolve({ type: 'json' }),
  parseCompleteOutput: async ({ text }) => text,
  parsePartialOutput: async ({ text }) => ({ partial: text }),
  createElementStreamTransform: () => undefined,
};

function toolSet(specs: readonly LlmToolSpec[]): ToolSet {
  return Object.fromEntries(
    specs.map((spec) => [
      spec.name,
      tool({ description: spec.description, inputSchema: jsonSchema(spec.parameters) }),
    ]),
  );
}

/**
 * Anthropic takes system text only before the conversation, so its system messages are joined into the
 * `system` parameter; other providers keep them where the block put them.
 */
function splitPrompt(request: LlmRequest): { system?: string; messages: ModelMessage[] } {
  const hoist = request.model.info.provider === 'anthropic';
  const system = hoist ? request.messages.filter((m) => m.role === 'system').map((m) => m.content) : [];
  const messages = request.messages.filter((m) => !hoist || m.role !== 'system').map(toModelMessage);
  return { ...(system.length > 0 ? { system: system.join('\n\n') } : {}), messages };
}

async function attempt(request: LlmRequest, signal: AbortSignal): Promise<LlmResponse> {
  const settings = {
    model: createLanguageModel(request),
    ...splitPrompt(request),
    allowSystemInMessages: true,
    maxRetries: 0,
    abortSignal: signal,
    ...(request.maxTokens ? { maxOutputTokens: request.maxTokens } : {}),
    ...(request.tools && request.tools.length > 0 ? { tools: toolSet(request.tools) } : {}),
    // Anthropic has no schema-less JSON mode: there the format instructions alone ask for JSON.
    ...(request.jsonMode && request.model.info.provider !== 'anthropic' ? { output: jsonTextOutput } : {}),
  };
  const counts = (usage: LanguageModelUsage) => ({
    inputTokens: usage.inputTokens ?? 0,
    outputTokens: usage.outputTokens ?? 0,
  });
  if (!request.stream) {
    const result = await generateText(settings);
    return {
      text: result.text,
      toolCalls: result.toolCalls.map((c) => ({ id: c.toolCallId, name: c.toolName, arguments: c.input })),
      reasoning: result.reasoningText,
      ...counts(result.usage),
    };
  }
  // Errors arrive as `error` parts and are thrown below; the default handler would also log them.
  const result = streamText({ ...settings, onError: () => undefined });
  const response: LlmResponse = {
    text: '',
    toolCalls: [],
    reasoning: undefined,
    inputTokens: 0,
    outputTokens: 0,
  };
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta') response.text += part.text;
    else if (part.type === 'reasoning-delta') response.reasoning = (response.reasoning ?? '') + part.text;
    else if (part.type === 'tool-call')
      response.toolCalls.push({ id: part.toolCallId, name: part.toolName, arguments: part.input });
    else if (part.type === 'finish') Object.assign(response, counts(part.totalUsage));
    else if (part.type === 'error') throw part.error;
  }
  return response;
}
/**
 * The one call path of the LLM blocks: builds the provider's model, sends the messages (plain or streamed),
 * retries transient failures with exponential backoff (Retry-After wins when the server sends it; 401/403
 * never retry; a context-length error shrinks max tokens by 15 %), and adds llm_call_count,
 * llm_retry_count and token counts to the node's stats. Aborts with `ctx.signal`.
 */
export async function callLlm(
  ctx: LlmCallContext,
  request: LlmRequest,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<LlmResponse> {
  const provider = request.model.info.provider;
  let current = request;
  for (let tries = 0; ; tries++) {
    try {
      const response = await attempt(current, ctx.signal);
      ctx.stats.add({
        llm_call_count: 1,
        input_token_count: response.inputTokens,
        output_token_count: response.outputTokens,
      });
      return response;
    } catch (error) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      const verdict = judge(error, provider);
      if (!verdict.retry) throw verdict.error;
      const delayMs = verdict.delayMs ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** tries);
      if (tries >= policy.retries || delayMs > MAX_WAIT_MS) throw exhausted(error, provider, tries);
      ctx.stats.add({ llm_retry_count: 1 });
      ctx.logger.warn('LLM call failed; retrying', {
        provider,
        model: current.model.id,
        attempt: tries + 1,
        delayMs,
        error: error instanceof Error ? error.message : String(error),
      });
      if (verdict.shrinkTokens && current.maxTokens) {
        current = { ...current, maxTokens: Math.max(1, Math.floor(current.maxTokens * 0.85)) };
      }
      await sleep(delayMs, ctx.signal);
    }
  }
}
