import { NonRetriableError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { type FakeHandler, useFakeProvider } from '../../providers/shared/fake-server';
import { apiKeyCredentials, runForTest } from '../../providers/shared/test-run';
import { aiImageGeneratorBlock, imageInputs } from './ai-image-generator';
import { replicateModelBlock } from './replicate-model';

const { ref, resolved } = apiKeyCredentials('replicate', 'r8_token');
const startReplicate = useFakeProvider((url) => ({ REPLICATE_BASE_URL: url }));

const succeeded =
  (output: unknown): FakeHandler =>
  () => ({
    status: 201,
    body: { id: 'p1', status: 'succeeded', output, error: null },
  });

describe('ReplicateModelBlock', () => {
  it('runs the model with the inputs as given and passes the output on', async () => {
    const fake = await startReplicate(succeeded(['Hello', ' world']));
    const run = await runForTest(
      replicateModelBlock,
      {
        credentials: ref,
        model_name: 'meta/meta-llama-3-8b-instruct',
        model_inputs: { prompt: 'Hi', max_tokens: 9 },
      },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['result', ['Hello', ' world']],
      ['status', 'succeeded'],
      ['model_name', 'meta/meta-llama-3-8b-instruct'],
    ]);
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/models/meta/meta-llama-3-8b-instruct/predictions');
    expect(request?.headers.authorization).toBe('Bearer r8_token');
    expect(JSON.parse(request?.text ?? '')).toEqual({ input: { prompt: 'Hi', max_tokens: 9 } });
  });

  it('reports a failed prediction with Replicate’s reason', async () => {
    await startReplicate(() => ({
      status: 201,
      body: { id: 'p1', status: 'failed', output: null, error: 'CUDA OOM' },
    }));
    const run = await runForTest(
      replicateModelBlock,
      { credentials: ref, model_name: 'a/b' },
      { credentials: resolved },
    );
    expect((run.error as Error).message).toBe('Replicate prediction p1 failed: CUDA OOM');
  });

  it('maps a 404 for an unknown model', async () => {
    await startReplicate(() => ({
      status: 404,
      body: { detail: 'The requested resource could not be found.' },
    }));
    const run = await runForTest(
      replicateModelBlock,
      { credentials: ref, model_name: 'a/b' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
  });
});

describe('AIImageGeneratorBlock', () => {
  it('runs Flux with an aspect ratio and the style in the prompt', async () => {
    const fake = await startReplicate(succeeded('https://replicate.delivery/a.png'));
    const run = await runForTest(
      aiImageGeneratorBlock,
      { credentials: ref, prompt: 'a cat', size: 'wide', style: 'digital_illustration/pixel_art' },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([['image_url', 'https://replicate.delivery/a.png']]);
    expect(fake.requests[0]?.path).toBe('/v1/models/black-forest-labs/flux-1.1-pro/predictions');
    expect(JSON.parse(fake.requests[0]?.text ?? '')).toEqual({
      input: {
        prompt: 'digital illustration, pixel art style: a cat',
        aspect_ratio: '16:9',
        output_format: 'png',
      },
    });
  });

  it('gives Recraft its pixel size and style', async () => {
    const fake = await startReplicate(succeeded(['https://replicate.delivery/r.webp']));
    const run = await runForTest(
      aiImageGeneratorBlock,
      {
        credentials: ref,
        prompt: 'logo',
        model: 'Recraft v3',
        size: 'portrait',
        style: 'realistic_image/b_and_w',
      },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([['image_url', 'https://replicate.delivery/r.webp']]);
    expect(JSON.parse(fake.requests[0]?.text ?? '')).toEqual({
      input: { prompt: 'logo', size: '1024x1365', style: 'realistic_image/b_and_w' },
    });
  });

  it('describes black-and-white in words for other models', () => {
    expect(
      imageInputs({
        model: 'Stable Diffusion 3.5 Medium',
        prompt: 'x',
        size: 'square',
        style: 'realistic_image/b_and_w',
      }),
    ).toEqual({
      prompt: 'realistic image, black and white style: x',
      aspect_ratio: '1:1',
      output_format: 'webp',
    });
  });

  it('fails when the prediction has no image', async () => {
    await startReplicate(succeeded(null));
    const run = await runForTest(
      aiImageGeneratorBlock,
      { credentials: ref, prompt: 'x' },
      { credentials: resolved },
    );
    expect((run.error as Error).message).toBe('Replicate sent a prediction without an output URL');
  });
});
