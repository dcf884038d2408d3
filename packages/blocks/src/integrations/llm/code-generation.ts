import { createOpenAI } from '@ai-sdk/openai';
import {
  BlockError,
  credentialsField,
  defineBlock,
  RetryAfterError,
  type BlockContext,
} from '@blockloom/sdk';
import { generateText } from 'ai';
import { z } from 'zod';
import { judge } from '../../llm/retry';
import { providerBaseUrl } from '../../platform/providers';
import { apiKeyOf } from '../../providers/shared/credentials';
import { credentialsRef } from '../shared/refs';

const DEFAULT_SYSTEM_PROMPT =
  'You are an expert software engineer. Answer with working code and only the explanation it needs.';

interface CodexRequest {
  model: string;
  apiKey: string;
  system: string;
  prompt: string;
  reasoningEffort: 'low' | 'medium' | 'high';
  maxOutputTokens: number | null;
}

/**
 * One call to OpenAI's Responses API: Codex models are served there only, not by Chat Completions. A failure is
 * judged like the LLM blocks' (`llm/retry.ts`); a transient one is thrown as retriable so the engine's retry
 * budget (the block's `retry`) applies.
 */
async function callCodex(ctx: BlockContext, request: CodexRequest) {
  const openai = createOpenAI({
    apiKey: request.apiKey,
    baseURL: providerBaseUrl('openai', 'https://api.openai.com/v1'),
  });
  try {
    return await generateText({
      model: openai.responses(request.model),
      system: request.system,
      prompt: request.prompt,
      maxRetries: 0,
      abortSignal: ctx.signal,
      ...(request.maxOutputTokens ? { maxOutputTokens: request.maxOutputTokens } : {}),
      providerOptions: { openai: { reasoningEffort: request.reasoningEffort, reasoningSummary: 'auto' } },
    });
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    const verdict = judge(error, 'openai');
    if (!verdict.retry) throw verdict.error;
    const message = `OpenAI call failed: ${error instanceof Error ? error.message : String(error)}`;
    if (verdict.delayMs !== undefined) throw new RetryAfterError(message, { retryAfterMs: verdict.delayMs });
    throw new BlockError(message, { cause: error });
  }
}

/** Writes code with an OpenAI Codex model (AutoGPT's "Codex" block). */
export const codeGenerationBlock = defineBlock({
  id: '86a2a099-30df-47b4-b7e4-34ae5f83e0d5',
  name: 'CodeGenerationBlock',
  description: 'Generates or edits code with an OpenAI Codex model from a natural-language request.',
  categories: ['AI', 'DEVELOPER_TOOLS'],
  input: z.object({
    prompt: z
      .string()
      .meta({ description: 'What the code should do.', placeholder: 'A Python function that…' }),
    system_prompt: z
      .string()
      .default(DEFAULT_SYSTEM_PROMPT)
      .meta({ description: 'Instructions for the model.', advanced: true }),
    model: z.string().default('gpt-5.1-codex').meta({
      description: 'An OpenAI model served by the Responses API, e.g. gpt-5.1-codex or gpt-5.1-codex-mini.',
    }),
    reasoning_effort: z
      .enum(['low', 'medium', 'high'])
      .default('medium')
      .meta({ description: 'How much the model reasons before answering.' }),
    max_output_tokens: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .meta({ description: 'The most tokens the model may write, reasoning included.', advanced: true }),
    credentials: credentialsField({
      providers: ['openai'],
      types: ['api_key'],
      description: 'An OpenAI API key.',
    }),
  }),
  output: {
    response: z.string().meta({ description: 'The model’s answer, code included.' }),
    reasoning: z.string().meta({ description: 'A summary of the model’s reasoning (may be empty).' }),
    response_id: z.string().meta({ description: 'OpenAI’s id of the response.' }),
  },
  retry: { attempts: 2, backoffMs: 2_000 },
  tests: [
    {
      name: 'refuses an empty prompt before calling OpenAI',
      input: { prompt: ' ', credentials: credentialsRef('openai') },
      output: [['error', 'The prompt must not be empty']],
    },
  ],
  async *run(input, ctx) {
    if (!input.prompt.trim()) {
      yield ['error', 'The prompt must not be empty'];
      return;
    }
    const result = await callCodex(ctx, {
      model: input.model.trim(),
      apiKey: apiKeyOf(ctx, 'OpenAI'),
      system: input.system_prompt,
      prompt: input.prompt,
      reasoningEffort: input.reasoning_effort,
      maxOutputTokens: input.max_output_tokens,
    });
    ctx.stats.add({
      llm_call_count: 1,
      input_token_count: result.usage.inputTokens ?? 0,
      output_token_count: result.usage.outputTokens ?? 0,
    });
    yield ['response', result.text];
    yield ['reasoning', result.reasoningText ?? ''];
    yield ['response_id', result.response.id];
  },
});
