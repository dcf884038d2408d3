import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { apiKeyOf } from '../../providers/shared/credentials';
import { firstOutputUrl, runPrediction } from '../../providers/replicate/predictions';
import { credentialsRef, resolvedCredentials } from '../shared/refs';
import { replicateCredentialsField } from './replicate-model';

/** Display name → Replicate model; Recraft takes a pixel size and a style, the others an aspect ratio. */
const models = {
  'Flux 1.1 Pro': 'black-forest-labs/flux-1.1-pro',
  'Flux 1.1 Pro Ultra': 'black-forest-labs/flux-1.1-pro-ultra',
  'Recraft v3': 'recraft-ai/recraft-v3',
  'Stable Diffusion 3.5 Medium': 'stability-ai/stable-diffusion-3.5-medium',
} as const;
type ModelName = keyof typeof models;
const modelNames = Object.keys(models) as [ModelName, ...ModelName[]];

const sizes = {
  square: { aspect_ratio: '1:1', size: '1024x1024' },
  landscape: { aspect_ratio: '4:3', size: '1365x1024' },
  portrait: { aspect_ratio: '3:4', size: '1024x1365' },
  wide: { aspect_ratio: '16:9', size: '1820x1024' },
  tall: { aspect_ratio: '9:16', size: '1024x1820' },
} as const;
type SizeName = keyof typeof sizes;
const sizeNames = Object.keys(sizes) as [SizeName, ...SizeName[]];

/** Recraft's own style names; other models get the style as words in the prompt. */
const styles = [
  'any',
  'realistic_image',
  'realistic_image/b_and_w',
  'realistic_image/hdr',
  'realistic_image/natural_light',
  'realistic_image/studio_portrait',
  'digital_illustration',
  'digital_illustration/pixel_art',
  'digital_illustration/hand_drawn',
  'digital_illustration/grain',
  'digital_illustration/2d_art_poster',
  'vector_illustration',
] as const;

function styleWords(style: (typeof styles)[number]): string {
  return style.replace('/', ', ').replaceAll('_', ' ').replace('b and w', 'black and white');
}

/** The model's inputs for the prompt, size and style. */
export interface ImageRequest {
  model: ModelName;
  prompt: string;
  size: SizeName;
  style: (typeof styles)[number];
}

export function imageInputs({ model, prompt, size, style }: ImageRequest) {
  if (model === 'Recraft v3') return { prompt, size: sizes[size].size, style };
  const styled = style === 'any' ? prompt : `${styleWords(style)} style: ${prompt}`;
  const format = model === 'Stable Diffusion 3.5 Medium' ? 'webp' : 'png';
  return { prompt: styled, aspect_ratio: sizes[size].aspect_ratio, output_format: format };
}

/** Generates an image from a prompt with one of several image models hosted on Replicate. */
export const aiImageGeneratorBlock = defineBlock({
  id: 'ed1ae7a0-b770-4089-b520-1f0005fad19a',
  name: 'AIImageGeneratorBlock',
  description:
    'Generates an image from a text prompt with Flux, Recraft or Stable Diffusion on Replicate, in a chosen size and style.',
  categories: ['AI', 'MULTIMEDIA'],
  input: z.object({
    credentials: replicateCredentialsField(),
    prompt: z
      .string()
      .meta({ description: 'What the image should show.', placeholder: 'A lighthouse at dawn' }),
    model: z.enum(modelNames).default('Flux 1.1 Pro').meta({ description: 'The image model.' }),
    size: z.enum(sizeNames).default('square').meta({ description: 'The image’s shape.' }),
    style: z.enum(styles).default('any').meta({ description: 'A visual style.' }),
  }),
  output: { image_url: z.string().meta({ description: 'The URL of the generated image.' }) },
  tests: [
    {
      name: 'refuses an empty prompt before calling Replicate',
      input: { credentials: credentialsRef('replicate'), prompt: ' ' },
      credentials: resolvedCredentials('replicate'),
      output: [['error', 'The prompt must not be empty']],
    },
  ],
  async *run(input, ctx) {
    if (!input.prompt.trim()) {
      yield ['error', 'The prompt must not be empty'];
      return;
    }
    const output = await runPrediction({
      apiToken: apiKeyOf(ctx, 'Replicate'),
      model: models[input.model],
      input: imageInputs(input),
      signal: ctx.signal,
    });
    yield ['image_url', firstOutputUrl(output)];
  },
});
