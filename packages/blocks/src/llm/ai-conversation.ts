import { defineBlock, NonRetriableError } from '@blockloom/sdk';
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
} from './fields';
import { normaliseMessages, toPlainMessage } from './messages';
import { generateStructured } from './structured';

/** Continues a chat: the model answers the given messages (and an optional last prompt). */
export const aiConversationBlock = defineBlock({
  id: '32a87eab-381e-4dd4-bdb8-4c47151be35a',
  name: 'AIConversationBlock',
  description:
    'Sends a conversation (a list of chat messages) to a large language model and returns its reply.',
  categories: ['AI'],
  input: z.object({
    prompt: z.string().default('').meta({ description: 'A last user message added after the conversation.' }),
    messages: z.array(z.unknown()).meta({
      description: 'The conversation so far: chat messages such as {"role": "user", "content": "Hi"}.',
    }),
    model: modelField(),
    credentials: llmCredentialsField(),
    max_tokens: maxTokensField(),
    ollama_host: ollamaHostField(),
    api_key: legacyApiKeyField(),
  }),
  output: {
    response: z.string().meta({ description: 'The model’s reply.' }),
    prompt: promptOutput(),
  },
  costs: llmCosts(),
  tests: [
    {
      name: 'refuses an empty conversation',
      input: { messages: [{ role: 'user', content: '' }], prompt: '  ' },
      output: [['error', textContaining('no messages and no prompt')]],
    },
    {
      name: 'fails clearly without credentials',
      input: { messages: [{ role: 'user', content: 'Hi' }], model: 'llama-3.3-70b-versatile' },
      output: [['error', textContaining('Missing credentials', 'groq')]],
    },
  ],
  async *run(input, ctx) {
    const history = normaliseMessages(input.messages);
    if (history.length === 0 && input.prompt.trim() === '') {
      throw new NonRetriableError('The conversation has no messages and no prompt to answer');
    }
    const target = modelTarget(input, ctx);
    const result = await generateStructured(ctx, {
      target,
      prompt: input.prompt,
      sysPrompt: '',
      expectedFormat: {},
      listResult: false,
      forceJsonOutput: false,
      conversationHistory: history,
      retry: 1,
      promptValues: {},
      maxTokens: input.max_tokens,
      compressPromptToFit: true,
    });
    chargeUnlistedModel(ctx, target);
    yield ['response', (result.response as { response: string }).response];
    yield ['prompt', result.prompt.map(toPlainMessage)];
  },
});
