import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { callLlm } from './call';
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

const SYSTEM_PROMPT =
  'You decide whether a condition holds for a value. Answer with one word only: true or false.';

/** A few tokens are enough for "true"/"false"; the cap keeps a chatty model cheap. */
const ANSWER_TOKENS = 16;

const describeValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** "true"/"yes"/"1" and "false"/"no"/"0", ignoring case, spaces and trailing punctuation. */
export function parseVerdict(answer: string): boolean | undefined {
  const word = answer
    .trim()
    .toLowerCase()
    .replace(/[.!"'`*]+/g, '');
  if (['true', 'yes', '1'].includes(word)) return true;
  if (['false', 'no', '0'].includes(word)) return false;
  return undefined;
}

/** Routes a value to the yes or the no branch by a condition in plain English, judged by a model. */
export const aiConditionBlock = defineBlock({
  id: '553ec5b8-6c45-4299-8d75-b394d05f72ff',
  name: 'AIConditionBlock',
  description:
    'Uses a large language model to decide whether a value meets a condition written in plain English, and ' +
    'outputs to the yes or the no branch.',
  categories: ['AI', 'LOGIC'],
  input: z.object({
    input_value: z.unknown().meta({ description: 'The value to judge.' }),
    condition: z.string().meta({
      description: 'The condition, in plain English.',
      placeholder: 'the text is a valid email address',
    }),
    yes_value: z
      .unknown()
      .default(null)
      .meta({ description: 'Output when the condition holds; the input value when empty.' }),
    no_value: z
      .unknown()
      .default(null)
      .meta({ description: 'Output when it does not; the input value when empty.' }),
    model: modelField(),
    credentials: llmCredentialsField(),
    ollama_host: ollamaHostField(),
    api_key: legacyApiKeyField(),
  }),
  output: {
    result: z.boolean().meta({ description: 'Whether the condition holds.' }),
    yes_output: z.unknown().meta({ description: 'The yes value, when the condition holds.' }),
    no_output: z.unknown().meta({ description: 'The no value, when it does not.' }),
    prompt: promptOutput(),
  },
  costs: llmCosts(),
  tests: [
    {
      name: 'fails clearly without credentials',
      input: { input_value: 'a@b.c', condition: 'is an email', model: 'gpt-4o' },
      output: [['error', textContaining('Missing credentials', 'openai')]],
    },
  ],
  async *run(input, ctx) {
    const target = modelTarget(input, ctx);
    const messages: LlmMessage[] = [
      { role: 'system', content: SYSTEM_PROMPT },
      {
        role: 'user',
        content: `Value: ${describeValue(input.input_value)}\nCondition: ${input.condition}\nDoes the value meet the condition?`,
      },
    ];
    const answer = await callLlm(ctx, { ...target, messages, maxTokens: ANSWER_TOKENS });
    chargeUnlistedModel(ctx, target);
    const verdict = parseVerdict(answer.text);
    if (verdict === undefined) {
      throw new BlockError(`The model's answer "${answer.text.trim()}" is neither true nor false`);
    }
    yield ['result', verdict];
    if (verdict) yield ['yes_output', input.yes_value ?? input.input_value];
    else yield ['no_output', input.no_value ?? input.input_value];
    yield ['prompt', messages.map(toPlainMessage)];
  },
});
