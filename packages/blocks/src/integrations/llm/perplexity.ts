import { credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { apiKeyOf } from '../../providers/shared/credentials';
import { callLlm } from '../../llm/call';
import { resolveModel } from '../../llm/models';
import { credentialsRef } from '../shared/refs';

const perplexityModels = [
  'perplexity/sonar',
  'perplexity/sonar-pro',
  'perplexity/sonar-deep-research',
] as const;

/** Asks a Perplexity Sonar model (web-grounded answers) through OpenRouter, with the shared LLM client. */
export const perplexityBlock = defineBlock({
  id: 'c8a5f2e9-8b3d-4a7e-9f6c-1d5e3c9b7a4f',
  name: 'PerplexityBlock',
  description: 'Asks a Perplexity Sonar model, which searches the web to answer, through OpenRouter.',
  categories: ['AI', 'SEARCH'],
  input: z.object({
    prompt: z
      .string()
      .meta({ description: 'The question or request.', placeholder: 'What changed in Node 22?' }),
    model: z.enum(perplexityModels).default('perplexity/sonar').meta({ description: 'The Sonar model.' }),
    credentials: credentialsField({
      providers: ['open_router'],
      types: ['api_key'],
      description: 'An OpenRouter API key (openrouter.ai → Keys).',
    }),
    system_prompt: z
      .string()
      .default('')
      .meta({ description: 'Instructions for the model.', advanced: true }),
    max_tokens: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .meta({ description: 'The most tokens the model may write.', advanced: true }),
  }),
  output: { response: z.string().meta({ description: 'The model’s answer.' }) },
  tests: [
    {
      name: 'refuses an empty prompt before calling OpenRouter',
      input: { prompt: '', credentials: credentialsRef('open_router') },
      output: [['error', 'The prompt must not be empty']],
    },
  ],
  async *run(input, ctx) {
    if (!input.prompt.trim()) {
      yield ['error', 'The prompt must not be empty'];
      return;
    }
    const system = input.system_prompt.trim();
    const response = await callLlm(ctx, {
      model: resolveModel(input.model),
      apiKey: apiKeyOf(ctx, 'OpenRouter'),
      messages: [
        ...(system ? [{ role: 'system' as const, content: system }] : []),
        { role: 'user' as const, content: input.prompt },
      ],
      ...(input.max_tokens ? { maxTokens: input.max_tokens } : {}),
    });
    yield ['response', response.text];
  },
});
