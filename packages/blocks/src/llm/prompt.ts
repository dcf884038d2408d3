import { NonRetriableError } from '@blockloom/sdk';
import { renderTemplate } from '../jinja/render';
import { withoutOrphanResults, type LlmMessage } from './messages';
import type { ModelInfo } from './models';

/**
 * Fills `{{NAME}}` placeholders from `prompt_values` with the shared Jinja renderer. Without values the text
 * is sent as written, so prompts that merely contain braces (code, JSON examples) are left alone.
 */
export function renderPrompt(template: string, values: Record<string, unknown>, field: string): string {
  if (Object.keys(values).length === 0 || template === '') return template;
  try {
    return renderTemplate(template, values);
  } catch (error) {
    throw new NonRetriableError(
      `Template error in ${field}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A cheap token estimate (about four characters a token, plus framing per message). */
export function estimateTokens(messages: readonly LlmMessage[]): number {
  return messages.reduce((sum, m) => sum + Math.ceil(m.content.length / 4) + 4, 0);
}

const MIN_OUTPUT_TOKENS = 16;

/**
 * The output-token cap of a call: the smallest of the model's own cap, what the context window leaves after
 * the prompt, and the user's `max_tokens`. Undefined when nothing limits it.
 */
export function outputTokenLimit(
  info: ModelInfo,
  messages: readonly LlmMessage[],
  userMax: number | null | undefined,
): number | undefined {
  const left = Math.max(MIN_OUTPUT_TOKENS, info.contextWindow - estimateTokens(messages));
  const limit = Math.min(info.maxOutputTokens ?? Infinity, left, userMax ?? Infinity);
  return Number.isFinite(limit) ? limit : undefined;
}

const TRUNCATION_MARK = '\n…[truncated]…\n';

function cutMiddle(text: string, keepChars: number): string {
  if (text.length <= keepChars) return text;
  const half = Math.max(0, Math.floor((keepChars - TRUNCATION_MARK.length) / 2));
  return text.slice(0, half) + TRUNCATION_MARK + text.slice(text.length - half);
}

/**
 * Shrinks a prompt to about `budget` tokens (AutoGPT's compress_prompt_to_fit): the oldest conversation
 * messages go first (system messages and the last message stay), then the longest message loses its middle.
 */
export function fitPrompt(messages: readonly LlmMessage[], budget: number): LlmMessage[] {
  let out = [...messages];
  while (estimateTokens(out) > budget) {
    const oldest = out.findIndex((m, i) => m.role !== 'system' && i < out.length - 1);
    if (oldest < 0) break;
    out.splice(oldest, 1);
    out = withoutOrphanResults(out);
  }
  while (estimateTokens(out) > budget) {
    const longest = out.reduce(
      (best, m, i) => (m.content.length > (out[best]?.content.length ?? 0) ? i : best),
      0,
    );
    const message = out[longest];
    if (!message) break;
    const excessChars = (estimateTokens(out) - budget) * 4;
    const keep = Math.max(0, message.content.length - excessChars - TRUNCATION_MARK.length);
    if (keep === 0 || keep >= message.content.length) {
      out[longest] = { ...message, content: cutMiddle(message.content, 0) };
      break;
    }
    out[longest] = { ...message, content: cutMiddle(message.content, keep) };
  }
  return out;
}
