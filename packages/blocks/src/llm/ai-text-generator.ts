import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { retryField } from './ai-structured-response-generator';
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
import { toPlainMessage } from './messages';
import { generateStructured } from './structured';

/** The LLM block real agents use most: a prompt in, the model's text out. */
export const aiTextGeneratorBlock = defineBlock({
  id: '1f292d4a-41a4-4977-9684-7c8d560b9f91',
  name: 'AITextGeneratorBlock',
  description: 'Calls a large language model with a prompt and returns the text it writes.',
  categories: ['AI', 'TEXT'],
  input: z.object({
    prompt: z.string().meta({ description: 'The prompt sent to the model; may use {{NAME}} placeholders.' }),
    model: modelField(),
    credentials: llmCredentialsField(),
    sys_prompt: z
      .string()
      .default('')
      .meta({ description: 'The system prompt; may use {{NAME}} placeholders.' }),
    retry: retryField(),
    prompt_values: promptValuesField(),
    ollama_host: ollamaHostField(),
    max_tokens: maxTokensField(),
    api_key: legacyApiKeyField(),
  }),
  output: {
    response: z.string().meta({ description: 'The text the model wrote.' }),
    prompt: promptOutput(),
  },
  costs: llmCosts(),
  tests: [
    {
      name: 'fails clearly without credentials',
      input: { prompt: 'Hi', model: 'claude-sonnet-4-5-20250929' },
      output: [['error', textContaining('Missing credentials', 'anthropic')]],
    },
  ],
  async *run(input, ctx) {
    const target = modelTarget(input, ctx);
    const result = await generateStructured(ctx, {
      target,
      prompt: input.prompt,
      sysPrompt: input.sys_prompt,
      expectedFormat: {},
      listResult: false,
      forceJsonOutput: false,
      conversationHistory: [],
      retry: input.retry,
      promptValues: input.prompt_values,
      maxTokens: input.max_tokens,
      compressPromptToFit: true,
    });
    chargeUnlistedModel(ctx, target);
    const { response } = result.response as { response: string };
    yield ['response', response];
    yield ['prompt', result.prompt.map(toPlainMessage)];
  },
});
