import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import {
  chargeUnlistedModel,
  legacyApiKeyField,
  llmCosts,
  llmCredentialsField,
  maxTokensField,
  modelField,
  modelTarget,
  ollamaHostField,
  promptOutput,
  promptValuesField,
} from './fields';
import { normaliseMessages, toPlainMessage } from './messages';
import { generateStructured } from './structured';

export const conversationHistoryField = () =>
  z.array(z.record(z.string(), z.unknown())).default([]).meta({
    description: 'Earlier chat messages ({role, content}) sent before the prompt.',
  });

export const retryField = () =>
  z.number().int().min(0).default(3).meta({
    description: 'How many times to ask the model for an answer in the right format.',
  });

/** Asks a model for JSON with the given keys; the answer is checked and asked for again until it fits. */
export const aiStructuredResponseGeneratorBlock = defineBlock({
  id: 'ed55ac19-356e-4243-a6cb-bc599e9b716f',
  name: 'AIStructuredResponseGeneratorBlock',
  description:
    'Calls a large language model and returns its answer as structured data: a JSON object (or a list of ' +
    'them) with the keys of the expected format.',
  categories: ['AI', 'TEXT'],
  input: z.object({
    prompt: z.string().meta({ description: 'The prompt sent to the model; may use {{NAME}} placeholders.' }),
    expected_format: z.record(z.string(), z.string()).meta({
      description:
        'The keys the answer must have, each with a description of what it holds. Leave empty for the plain ' +
        'text answer under "response".',
    }),
    list_result: z.boolean().default(false).meta({
      description: 'Whether the answer is a list of objects rather than one object.',
    }),
    model: modelField(),
    force_json_output: z.boolean().default(false).meta({
      description:
        'Use the provider’s JSON mode instead of asking for tagged JSON (fewer tokens; the model may think less).',
    }),
    credentials: llmCredentialsField(),
    sys_prompt: z
      .string()
      .default('')
      .meta({ description: 'The system prompt; may use {{NAME}} placeholders.' }),
    conversation_history: conversationHistoryField(),
    retry: retryField(),
    prompt_values: promptValuesField(),
    max_tokens: maxTokensField(),
    compress_prompt_to_fit: z.boolean().default(true).meta({
      description: 'Shorten a prompt longer than half the model’s context window instead of failing.',
      advanced: true,
    }),
    ollama_host: ollamaHostField(),
    api_key: legacyApiKeyField(),
  }),
  output: {
    response: z
      .union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))])
      .meta({ description: 'The answer: an object with the expected keys, or a list of them.' }),
    prompt: promptOutput(),
  },
  costs: llmCosts(),
  tests: [
    {
      name: 'fails clearly without credentials',
      input: { prompt: 'Hi', expected_format: { greeting: 'a greeting' }, model: 'gpt-4o' },
      output: [['error', textContaining('Missing credentials', 'gpt-4o', 'openai')]],
    },
    {
      name: 'names a model it cannot place',
      input: { prompt: 'Hi', expected_format: {}, model: 'mystery-model' },
      output: [['error', textContaining('Unknown LLM model "mystery-model"')]],
    },
  ],
  async *run(input, ctx) {
    const target = modelTarget(input, ctx);
    const result = await generateStructured(ctx, {
      target,
      prompt: input.prompt,
      sysPrompt: input.sys_prompt,
      expectedFormat: input.expected_format,
      listResult: input.list_result,
      forceJsonOutput: input.force_json_output,
      conversationHistory: normaliseMessages(input.conversation_history),
      retry: input.retry,
      promptValues: input.prompt_values,
      maxTokens: input.max_tokens,
      compressPromptToFit: input.compress_prompt_to_fit,
    });
    chargeUnlistedModel(ctx, target);
    yield ['response', result.response as Record<string, unknown>];
    yield ['prompt', result.prompt.map(toPlainMessage)];
  },
});
