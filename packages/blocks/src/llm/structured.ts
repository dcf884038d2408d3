import { BlockError } from '@blockloom/sdk';
import { callLlm, type LlmCallContext, type LlmMessage, type RetryPolicy } from './call';
import type { ModelTarget } from './client';
import {
  checkAnswer,
  correctionMessage,
  formatInstructions,
  newTagId,
  type AnswerFormat,
} from './json-answer';
import { fitPrompt, outputTokenLimit, renderPrompt } from './prompt';

/** What AIStructuredResponseGenerator (and the blocks built on it) asks for. */
export interface StructuredRequest {
  target: ModelTarget;
  prompt: string;
  sysPrompt: string;
  /** Expected keys -> descriptions; empty: the plain text comes back as `{response: text}`. */
  expectedFormat: Record<string, string>;
  listResult: boolean;
  forceJsonOutput: boolean;
  conversationHistory: readonly LlmMessage[];
  /** Calls allowed for one answer (bad answers are retried with a correction). */
  retry: number;
  promptValues: Record<string, unknown>;
  maxTokens: number | null;
  compressPromptToFit: boolean;
  /** Streams the answer (the same result; exercised by tests and long answers). */
  stream?: boolean;
  retryPolicy?: RetryPolicy;
  /** A further check of a well-formed answer; a message sends it back as a correction. */
  validate?: (value: unknown) => string | undefined;
}

export interface StructuredResult {
  response: unknown;
  /** The messages of the last call. */
  prompt: LlmMessage[];
}

/**
 * The prompt AutoGPT assembles: conversation history, the system prompt, the format instructions, then the
 * user prompt, with `prompt` and `sys_prompt` rendered from `prompt_values` first.
 */
function assemble(request: StructuredRequest, format: AnswerFormat | undefined): LlmMessage[] {
  const messages: LlmMessage[] = [...request.conversationHistory];
  const sysPrompt = renderPrompt(request.sysPrompt, request.promptValues, 'sys_prompt');
  if (sysPrompt.trim() !== '') messages.push({ role: 'system', content: sysPrompt });
  if (format) messages.push({ role: 'system', content: formatInstructions(format) });
  const prompt = renderPrompt(request.prompt, request.promptValues, 'prompt');
  // A conversation may carry the question already (AIConversation with an empty prompt).
  if (prompt.trim() !== '' || messages.length === 0) messages.push({ role: 'user', content: prompt });
  return messages;
}

/**
 * Asks the model until its answer fits the expected format: each bad answer is appended with a correction
 * message and asked again, up to `retry` calls; then a BlockError says what was wrong with the last one.
 */
export async function generateStructured(
  ctx: LlmCallContext,
  request: StructuredRequest,
): Promise<StructuredResult> {
  const info = request.target.model.info;
  const format: AnswerFormat | undefined =
    Object.keys(request.expectedFormat).length > 0
      ? {
          keys: request.expectedFormat,
          listResult: request.listResult,
          jsonMode: request.forceJsonOutput,
          tagId: newTagId(),
        }
      : undefined;
  let messages = assemble(request, format);
  if (request.compressPromptToFit) messages = fitPrompt(messages, Math.floor(info.contextWindow / 2));
  const attempts = Math.max(1, request.retry);
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const maxTokens = outputTokenLimit(info, messages, request.maxTokens);
    const answer = await callLlm(
      ctx,
      {
        ...request.target,
        messages,
        ...(maxTokens ? { maxTokens } : {}),
        ...(format?.jsonMode ? { jsonMode: true } : {}),
        ...(request.stream ? { stream: true } : {}),
      },
      request.retryPolicy,
    );
    if (!format) return { response: { response: answer.text }, prompt: messages };
    const checked = checkAnswer(answer.text, format);
    const problem = checked.ok ? request.validate?.(checked.value) : checked.error;
    if (checked.ok && problem === undefined) return { response: checked.value, prompt: messages };
    lastError = problem ?? 'the answer is invalid';
    if (attempt < attempts) {
      messages = [
        ...messages,
        { role: 'assistant', content: answer.text },
        { role: 'user', content: correctionMessage(lastError) },
      ];
    }
  }
  throw new BlockError(`The model gave no valid answer after ${attempts} attempts: ${lastError}`);
}
