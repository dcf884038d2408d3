import { defineBlock, NonRetriableError } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import type { LlmCallContext } from './call';
import type { ModelTarget } from './client';
import {
  chargeUnlistedModel,
  legacyApiKeyField,
  llmCosts,
  llmCredentialsField,
  modelField,
  modelTarget,
  ollamaHostField,
  promptOutput,
} from './fields';
import { toPlainMessage, type LlmMessage } from './messages';
import { generateStructured } from './structured';

export const summaryStyles = ['concise', 'detailed', 'bullet points', 'numbered list'] as const;

const MAX_TEXT_BYTES = 1_000_000;
const MAX_CHUNKS = 100;
/** Summaries of summaries: deep enough for 100 chunks of any size, and a stop for a model that won't shorten. */
const MAX_DEPTH = 4;

/** Word chunks of at most `size` words, each starting `size - overlap` words after the previous one. */
export function chunkWords(text: string, size: number, overlap: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const stride = Math.max(1, size - Math.min(overlap, size - 1));
  const chunks: string[] = [];
  for (let start = 0; start < words.length && chunks.length < MAX_CHUNKS; start += stride) {
    chunks.push(words.slice(start, start + size).join(' '));
    if (start + size >= words.length) break;
  }
  return chunks;
}

interface Job {
  ctx: LlmCallContext;
  target: ModelTarget;
  focus: string;
  style: (typeof summaryStyles)[number];
  maxTokens: number;
  overlap: number;
}

async function ask(job: Job, prompt: string, key: string) {
  const result = await generateStructured(job.ctx, {
    target: job.target,
    prompt,
    sysPrompt: '',
    expectedFormat: { [key]: `The summary, in the style "${job.style}".` },
    listResult: false,
    forceJsonOutput: false,
    conversationHistory: [],
    retry: 3,
    promptValues: {},
    maxTokens: job.maxTokens,
    compressPromptToFit: true,
    validate: (value) =>
      typeof (value as Record<string, unknown>)[key] === 'string' ? undefined : `"${key}" is not text`,
  });
  return { text: (result.response as Record<string, string>)[key] ?? '', prompt: result.prompt };
}

/** Summarises each chunk, then combines the summaries, summarising again while they are too long. */
async function summarise(
  job: Job,
  text: string,
  depth: number,
): Promise<{ text: string; prompt: LlmMessage[] }> {
  const chunks = chunkWords(text, job.maxTokens, job.overlap);
  const focus = `focusing on ${job.focus}`;
  const summaries: string[] = [];
  let last: LlmMessage[] = [];
  for (const chunk of chunks) {
    const answer = await ask(
      job,
      `Summarise the following text ${focus}, in a ${job.style} style:\n\n${chunk}`,
      'summary',
    );
    summaries.push(answer.text);
    last = answer.prompt;
  }
  if (summaries.length === 1) return { text: summaries[0] ?? '', prompt: last };
  const combined = summaries.join('\n\n');
  if (combined.split(/\s+/).length > job.maxTokens && depth < MAX_DEPTH)
    return summarise(job, combined, depth + 1);
  const final = await ask(
    job,
    `Combine these summaries of consecutive parts of one text into one summary ${focus}, in a ${job.style} style:\n\n${combined}`,
    'final_summary',
  );
  return final;
}

/** Summarises text of any length by parts. */
export const aiTextSummarizerBlock = defineBlock({
  id: 'a0a69be1-4528-491c-a85a-a4ab6873e3f0',
  name: 'AITextSummarizerBlock',
  description:
    'Uses a large language model to summarise a text; long texts are summarised in parts and the parts combined.',
  categories: ['AI', 'TEXT'],
  input: z.object({
    text: z.string().meta({ description: 'The text to summarise.' }),
    model: modelField(),
    focus: z
      .string()
      .default('general information')
      .meta({ description: 'What the summary should focus on.' }),
    style: z.enum(summaryStyles).default('concise').meta({ description: 'How the summary is written.' }),
    credentials: llmCredentialsField(),
    max_tokens: z.number().int().min(50).default(4096).meta({
      description: 'The size of a part in words, and the most tokens the model may write per call.',
      advanced: true,
    }),
    chunk_overlap: z.number().int().min(0).default(100).meta({
      description: 'Words each part shares with the previous one.',
      advanced: true,
    }),
    ollama_host: ollamaHostField(),
    api_key: legacyApiKeyField(),
  }),
  output: {
    summary: z.string().meta({ description: 'The summary.' }),
    prompt: promptOutput(),
  },
  costs: llmCosts(),
  tests: [
    {
      name: 'fails clearly without credentials',
      input: { text: 'Some long text', model: 'gpt-4o' },
      output: [['error', textContaining('Missing credentials', 'openai')]],
    },
  ],
  async *run(input, ctx) {
    if (Buffer.byteLength(input.text, 'utf8') > MAX_TEXT_BYTES) {
      throw new NonRetriableError(`The text is longer than ${MAX_TEXT_BYTES} bytes`);
    }
    const target = modelTarget(input, ctx);
    const job: Job = {
      ctx,
      target,
      focus: input.focus,
      style: input.style,
      maxTokens: input.max_tokens,
      overlap: input.chunk_overlap,
    };
    const result = await summarise(job, input.text, 0);
    chargeUnlistedModel(ctx, target);
    yield ['summary', result.text];
    yield ['prompt', result.prompt.map(toPlainMessage)];
  },
});
