import { credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { apiKeyOf } from '../shared/credentials';
import { firstOutputUrl, runPrediction } from './predictions';

/** Display name (the pin's values, as saved graphs hold them) → Replicate model. */
const fluxModels = {
  'Flux Schnell': 'black-forest-labs/flux-schnell',
  'Flux Pro': 'black-forest-labs/flux-pro',
  'Flux Pro 1.1': 'black-forest-labs/flux-1.1-pro',
} as const;
const fluxModelNames = Object.keys(fluxModels) as [keyof typeof fluxModels, ...(keyof typeof fluxModels)[]];
const outputFormats = ['webp', 'jpg', 'png'] as const;
const aspectRatios = ['1:1', '16:9', '2:3', '3:2', '4:5', '5:4', '9:16'] as const;

const testCredentials = {
  id: 'replicate-test',
  provider: 'replicate',
  type: 'api_key',
  title: 'Replicate',
} as const;

/** Generates an image with a Flux model on Replicate, exposing the models' tuning inputs. */
export const replicateFluxAdvancedModelBlock = defineBlock({
  id: '90f8c45e-e983-4644-aa0b-b4ebe2f531bc',
  name: 'ReplicateFluxAdvancedModelBlock',
  description: 'Generates an image from a prompt with a Flux model on Replicate, with advanced settings.',
  categories: ['AI', 'MULTIMEDIA'],
  input: z.object({
    credentials: credentialsField({
      providers: ['replicate'],
      types: ['api_key'],
      description: 'A Replicate API token (replicate.com → Account → API tokens).',
    }),
    prompt: z
      .string()
      .meta({ description: 'What the image should show.', placeholder: 'A futuristic cityscape' }),
    replicate_model_name: z
      .enum(fluxModelNames)
      .default('Flux Schnell')
      .meta({ description: 'The Flux model to run.' }),
    seed: z
      .number()
      .int()
      .nullish()
      .meta({ description: 'A seed, for reproducible images.', advanced: true }),
    steps: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(25)
      .meta({ description: 'Diffusion steps (Flux Pro models).', advanced: true }),
    guidance: z
      .number()
      .min(2)
      .max(5)
      .default(3)
      .meta({ description: 'How closely to follow the prompt (Flux Pro models).', advanced: true }),
    interval: z
      .number()
      .min(1)
      .max(4)
      .default(2)
      .meta({ description: 'Variance of outputs; higher is more varied (Flux Pro).', advanced: true }),
    aspect_ratio: z.enum(aspectRatios).default('1:1').meta({ description: 'The aspect ratio of the image.' }),
    output_format: z.enum(outputFormats).default('webp').meta({ description: 'The image file format.' }),
    output_quality: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(80)
      .meta({ description: 'Quality for jpg/webp, 0-100.', advanced: true }),
    safety_tolerance: z
      .number()
      .int()
      .min(1)
      .max(5)
      .default(2)
      .meta({ description: 'Safety filter tolerance: 1 strictest, 5 most permissive.', advanced: true }),
  }),
  output: { result: z.string().meta({ description: 'The URL of the generated image.' }) },
  tests: [
    {
      name: 'refuses an empty prompt before calling Replicate',
      input: { credentials: testCredentials, prompt: ' ', replicate_model_name: 'Flux Pro 1.1' },
      credentials: { credentials: { ...testCredentials, api_key: 'unused' } },
      output: [['error', textContaining('prompt')]],
    },
  ],
  async *run(input, ctx) {
    if (!input.prompt.trim()) {
      yield ['error', 'The prompt must not be empty'];
      return;
    }
    const output = await runPrediction({
      apiToken: apiKeyOf(ctx, 'Replicate'),
      model: fluxModels[input.replicate_model_name],
      input: {
        prompt: input.prompt,
        ...(input.seed == null ? {} : { seed: input.seed }),
        steps: input.steps,
        guidance: input.guidance,
        interval: input.interval,
        aspect_ratio: input.aspect_ratio,
        output_format: input.output_format,
        output_quality: input.output_quality,
        safety_tolerance: input.safety_tolerance,
      },
      signal: ctx.signal,
    });
    yield ['result', firstOutputUrl(output)];
  },
});
