import { credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { apiKeyOf } from '../../providers/shared/credentials';
import { runPrediction } from '../../providers/replicate/predictions';
import { credentialsRef } from '../shared/refs';

export const replicateCredentialsField = () =>
  credentialsField({
    providers: ['replicate'],
    types: ['api_key'],
    description: 'A Replicate API token (replicate.com → Account → API tokens).',
  });

const officialModel = /^[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*$/i;

/** Runs any official model on Replicate with the inputs given, and passes on its output as is. */
export const replicateModelBlock = defineBlock({
  id: 'c40d75a2-d0ea-44c9-a4f6-634bb3bdab1a',
  name: 'ReplicateModelBlock',
  description:
    'Runs a Replicate model ("owner/name", at its latest version) with the given inputs and returns its output.',
  categories: ['AI'],
  input: z.object({
    credentials: replicateCredentialsField(),
    model_name: z
      .string()
      .meta({ description: 'The model as "owner/name".', placeholder: 'black-forest-labs/flux-schnell' }),
    model_inputs: z
      .record(z.string(), z.unknown())
      .default({})
      .meta({ description: 'The model’s inputs, as its API page on replicate.com lists them.' }),
  }),
  output: {
    result: z
      .unknown()
      .meta({ description: 'The model’s output (a URL, text, a list…, as the model returns it).' }),
    status: z.string().meta({ description: 'The prediction status ("succeeded").' }),
    model_name: z.string().meta({ description: 'The model that ran.' }),
  },
  tests: [
    {
      name: 'refuses a model pinned to a version',
      input: {
        credentials: credentialsRef('replicate'),
        model_name: 'owner/model:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa',
      },
      output: [
        ['error', 'Give the model as "owner/name": pinned versions ("owner/name:version") are not supported'],
      ],
    },
    {
      name: 'refuses a name that is no model',
      input: { credentials: credentialsRef('replicate'), model_name: 'flux' },
      output: [['error', 'Give the model as "owner/name", e.g. black-forest-labs/flux-schnell']],
    },
  ],
  async *run(input, ctx) {
    const model = input.model_name.trim();
    // Pinned versions are created through POST /v1/predictions, which the shared client doesn't speak.
    if (model.includes(':')) {
      yield [
        'error',
        'Give the model as "owner/name": pinned versions ("owner/name:version") are not supported',
      ];
      return;
    }
    if (!officialModel.test(model)) {
      yield ['error', 'Give the model as "owner/name", e.g. black-forest-labs/flux-schnell'];
      return;
    }
    const output = await runPrediction({
      apiToken: apiKeyOf(ctx, 'Replicate'),
      model,
      input: input.model_inputs,
      signal: ctx.signal,
    });
    yield ['result', output];
    yield ['status', 'succeeded'];
    yield ['model_name', model];
  },
});
