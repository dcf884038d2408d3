import { credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { apiKeyOf } from '../shared/credentials';
import { postForImage, upscaleImage } from './api';
import {
  aspectRatios,
  colorPalettes,
  ideogramModels,
  magicPromptOptions,
  styleTypes,
  supportsStyle,
  upscaleOptions,
  v3AspectRatio,
  v3StyleType,
} from './options';

const testCredentials = {
  id: 'ideogram-test',
  provider: 'ideogram',
  type: 'api_key',
  title: 'Ideogram',
} as const;

const input = z.object({
  credentials: credentialsField({
    providers: ['ideogram'],
    types: ['api_key'],
    description: 'An Ideogram API key (ideogram.ai → API).',
  }),
  prompt: z
    .string()
    .meta({ description: 'What the image should show.', placeholder: 'A neon sign saying "Open"' }),
  ideogram_model_name: z
    .enum(ideogramModels)
    .default('V_2')
    .meta({ description: 'The Ideogram model to use.' }),
  aspect_ratio: z
    .enum(aspectRatios)
    .default('ASPECT_1_1')
    .meta({ description: 'The aspect ratio of the image.' }),
  upscale: z
    .enum(upscaleOptions)
    .default('No Upscale')
    .meta({ description: 'Whether to upscale the generated image (a second, paid call).' }),
  magic_prompt_option: z
    .enum(magicPromptOptions)
    .default('AUTO')
    .meta({ description: 'Whether Ideogram may rewrite the prompt for better results.', advanced: true }),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2147483647)
    .nullish()
    .meta({ description: 'A seed, for reproducible images.', advanced: true }),
  style_type: z
    .enum(styleTypes)
    .default('AUTO')
    .meta({ description: 'The style of the image (V_2 and later).', advanced: true }),
  negative_prompt: z
    .string()
    .nullish()
    .meta({ description: 'What the image should not show.', advanced: true }),
  color_palette_name: z
    .enum(colorPalettes)
    .default('NONE')
    .meta({ description: 'A preset colour palette (V_2 and later).', advanced: true }),
});
type Input = z.output<typeof input>;

/** The legacy /generate JSON body (models V_1 … V_2_TURBO). */
function legacyBody(values: Input): string {
  const styled = supportsStyle(values.ideogram_model_name);
  return JSON.stringify({
    image_request: {
      prompt: values.prompt,
      model: values.ideogram_model_name,
      aspect_ratio: values.aspect_ratio,
      magic_prompt_option: values.magic_prompt_option,
      ...(values.seed == null ? {} : { seed: values.seed }),
      ...(styled ? { style_type: values.style_type } : {}),
      ...(values.negative_prompt ? { negative_prompt: values.negative_prompt } : {}),
      ...(styled && values.color_palette_name !== 'NONE'
        ? { color_palette: { name: values.color_palette_name } }
        : {}),
    },
  });
}

/** The Ideogram 3.0 endpoint takes multipart form fields with its own spellings. */
function v3Form(values: Input): FormData {
  const form = new FormData();
  form.append('prompt', values.prompt);
  form.append('aspect_ratio', v3AspectRatio(values.aspect_ratio));
  form.append('magic_prompt', values.magic_prompt_option);
  form.append('style_type', v3StyleType(values.style_type));
  if (values.seed != null) form.append('seed', String(values.seed));
  if (values.negative_prompt) form.append('negative_prompt', values.negative_prompt);
  if (values.color_palette_name !== 'NONE') {
    form.append('color_palette', JSON.stringify({ name: values.color_palette_name }));
  }
  return form;
}

/** Generates an image with Ideogram, optionally upscaled, and returns its (temporary) URL. */
export const ideogramModelBlock = defineBlock({
  id: '6ab085e2-20b3-4055-bc3e-08036e01eca6',
  name: 'IdeogramModelBlock',
  description:
    'Generates an image from a prompt with Ideogram, good at rendering text; returns the image URL. Ideogram image URLs expire, so store the image if you need it later.',
  categories: ['AI', 'MULTIMEDIA'],
  input,
  output: { result: z.string().meta({ description: 'The URL of the generated image.' }) },
  tests: [
    {
      name: 'refuses an empty prompt before calling Ideogram',
      input: { credentials: testCredentials, prompt: '' },
      credentials: { credentials: { ...testCredentials, api_key: 'unused' } },
      output: [['error', textContaining('prompt')]],
    },
  ],
  async *run(values, ctx) {
    if (!values.prompt.trim()) {
      yield ['error', 'The prompt must not be empty'];
      return;
    }
    const apiKey = apiKeyOf(ctx, 'Ideogram');
    const isV3 = values.ideogram_model_name === 'V_3';
    let url = await postForImage({
      apiKey,
      path: isV3 ? '/v1/ideogram-v3/generate' : '/generate',
      body: isV3 ? v3Form(values) : legacyBody(values),
      signal: ctx.signal,
    });
    if (values.upscale === 'AI Upscale') {
      url = await upscaleImage(
        { apiKey, imageUrl: url, prompt: values.prompt, seed: values.seed },
        ctx.signal,
      );
    }
    yield ['result', url];
  },
});
