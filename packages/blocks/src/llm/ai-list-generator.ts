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
} from './fields';
import { toPlainMessage } from './messages';
import { generateStructured } from './structured';

const SYSTEM_PROMPT =
  'You turn requests and data into lists. Each item of the list is one short piece of text. ' +
  'Answer with a JSON object whose key "list" holds the items as an array of strings.';

const FROM_SOURCE = 'Take the items from the source data only. Do not invent fictional data.';
const INVENTED = 'There is no source data: invent plausible, varied items that fit the request.';

function userPrompt(focus: string | null, sourceData: string | null): string {
  const parts: string[] = [];
  parts.push(focus?.trim() ? `Make this list: ${focus.trim()}` : 'Make a list of the main items.');
  if (sourceData?.trim()) parts.push(FROM_SOURCE, `Source data:\n${sourceData}`);
  else parts.push(INVENTED);
  return parts.join('\n\n');
}

/** Items as text: strings stay, numbers and objects are written out. */
function asTextList(value: unknown): string[] {
  const list = (value as { list: unknown[] }).list;
  return list.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

/** Asks a model for a list of strings and sends them out one by one as well. */
export const aiListGeneratorBlock = defineBlock({
  id: '9c0b0450-d199-458b-a731-072189dd6593',
  name: 'AIListGeneratorBlock',
  description:
    'Uses a large language model to make a list of text items, from source data or from a description; ' +
    'outputs the whole list, then each item.',
  categories: ['AI', 'TEXT'],
  input: z.object({
    focus: z.string().nullable().default(null).meta({
      description: 'What the list should contain, e.g. "the ten largest cities".',
      placeholder: 'The top 5 most famous people in history',
    }),
    source_data: z.string().nullable().default(null).meta({
      description: 'Text to take the items from; when empty the model invents them.',
    }),
    model: modelField(true),
    credentials: llmCredentialsField(),
    max_retries: z.number().int().min(1).max(5).default(3).meta({
      description: 'How many times to ask for a well-formed list.',
    }),
    force_json_output: z.boolean().default(false).meta({
      description: 'Use the provider’s JSON mode instead of asking for tagged JSON.',
    }),
    max_tokens: maxTokensField(),
    ollama_host: ollamaHostField(),
    api_key: legacyApiKeyField(),
  }),
  output: {
    generated_list: z.array(z.string()).meta({ description: 'The whole list.' }),
    list_item: z.string().meta({ description: 'Each item of the list, one after another.' }),
    prompt: promptOutput(),
  },
  costs: llmCosts(),
  tests: [
    {
      name: 'fails clearly without credentials',
      input: { focus: 'Colours', model: 'gpt-4o-mini' },
      output: [['error', textContaining('Missing credentials', 'openai')]],
    },
  ],
  async *run(input, ctx) {
    const target = modelTarget(input, ctx);
    const result = await generateStructured(ctx, {
      target,
      prompt: userPrompt(input.focus, input.source_data),
      sysPrompt: SYSTEM_PROMPT,
      expectedFormat: { list: 'The items, as a JSON array of strings.' },
      listResult: false,
      forceJsonOutput: input.force_json_output,
      conversationHistory: [],
      retry: input.max_retries,
      promptValues: {},
      maxTokens: input.max_tokens,
      compressPromptToFit: true,
      validate: (value) =>
        Array.isArray((value as { list?: unknown }).list)
          ? undefined
          : 'the key "list" does not hold an array',
    });
    chargeUnlistedModel(ctx, target);
    const list = asTextList(result.response);
    yield ['generated_list', list];
    yield ['prompt', result.prompt.map(toPlainMessage)];
    for (const item of list) yield ['list_item', item];
  },
});
