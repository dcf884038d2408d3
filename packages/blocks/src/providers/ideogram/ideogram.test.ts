import { BlockError, RetryAfterError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { type FakeHandler, useFakeProvider } from '../shared/fake-server';
import { apiKeyCredentials, runForTest } from '../shared/test-run';
import { ideogramModelBlock } from './ideogram-model';

const { ref, resolved } = apiKeyCredentials('ideogram', 'ideo-key');
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

/** Ideogram's documented answer shape: `{created, data: [{url, prompt, resolution, seed, is_image_safe}]}`. */
function images(url: string) {
  return {
    created: '2025-01-01T00:00:00Z',
    data: [{ url, prompt: 'p', resolution: '1024x1024', seed: 1, is_image_safe: true }],
  };
}

const ideogram: FakeHandler = (request, base) => {
  if (request.path === '/generate' || request.path === '/v1/ideogram-v3/generate') {
    return { body: images(`${base}/ephemeral/generated.png`) };
  }
  if (request.path === '/ephemeral/generated.png')
    return { headers: { 'content-type': 'image/png' }, body: PNG_BYTES };
  if (request.path === '/upscale') return { body: images(`${base}/ephemeral/upscaled.png`) };
  return { status: 404, body: { detail: 'unknown path' } };
};

const startFake = useFakeProvider((url) => ({ IDEOGRAM_BASE_URL: url }));
const startIdeogram = (handler: FakeHandler = ideogram) => startFake(handler);

const run = (input: Record<string, unknown>) =>
  runForTest(ideogramModelBlock, { credentials: ref, ...input }, { credentials: resolved });

describe('IdeogramModelBlock', () => {
  it('generates with the legacy endpoint, sending every chosen option (the poster agent’s node)', async () => {
    const fake = await startIdeogram();
    const result = await run({
      prompt: 'A cat knocking over coffee',
      upscale: 'No Upscale',
      aspect_ratio: 'ASPECT_16_9',
      style_type: 'DESIGN',
      color_palette_name: 'EMBER',
      negative_prompt: 'dogs',
      seed: 42,
    });
    expect(result.outputs).toEqual([['result', `${fake.url}/ephemeral/generated.png`]]);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe('/generate');
    expect(request?.headers['api-key']).toBe('ideo-key');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.text ?? '')).toEqual({
      image_request: {
        prompt: 'A cat knocking over coffee',
        model: 'V_2',
        aspect_ratio: 'ASPECT_16_9',
        magic_prompt_option: 'AUTO',
        seed: 42,
        style_type: 'DESIGN',
        negative_prompt: 'dogs',
        color_palette: { name: 'EMBER' },
      },
    });
  });

  it('leaves out style and palette for V_1 models, which don’t take them', async () => {
    const fake = await startIdeogram();
    await run({
      prompt: 'x',
      ideogram_model_name: 'V_1_TURBO',
      style_type: 'ANIME',
      color_palette_name: 'JUNGLE',
    });
    const body = JSON.parse(fake.requests[0]?.text ?? '') as { image_request: Record<string, unknown> };
    expect(body.image_request).toEqual({
      prompt: 'x',
      model: 'V_1_TURBO',
      aspect_ratio: 'ASPECT_1_1',
      magic_prompt_option: 'AUTO',
    });
  });

  it('upscales by sending the generated image to /upscale as multipart', async () => {
    const fake = await startIdeogram();
    const result = await run({ prompt: 'poster', upscale: 'AI Upscale', seed: 7 });
    expect(result.outputs).toEqual([['result', `${fake.url}/ephemeral/upscaled.png`]]);
    expect(fake.requests.map((request) => request.path)).toEqual([
      '/generate',
      '/ephemeral/generated.png',
      '/upscale',
    ]);
    const upscale = fake.requests[2];
    expect(upscale?.headers['api-key']).toBe('ideo-key');
    expect(upscale?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(upscale?.body ?? []), {
      headers: { 'content-type': upscale?.headers['content-type'] ?? '' },
    }).formData();
    expect(JSON.parse(String(form.get('image_request')))).toEqual({ prompt: 'poster', seed: 7 });
    const file = form.get('image_file') as File;
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it('uses the 3.0 endpoint and its spellings for V_3', async () => {
    const fake = await startIdeogram();
    await run({
      prompt: 'sign',
      ideogram_model_name: 'V_3',
      aspect_ratio: 'ASPECT_16_9',
      style_type: 'ANIME',
    });
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/ideogram-v3/generate');
    const form = await new Response(new Uint8Array(request?.body ?? []), {
      headers: { 'content-type': request?.headers['content-type'] ?? '' },
    }).formData();
    expect(Object.fromEntries(form.entries())).toEqual({
      prompt: 'sign',
      aspect_ratio: '16x9',
      magic_prompt: 'AUTO',
      style_type: 'AUTO',
    });
  });

  it('turns a 429 into a retry after Ideogram’s delay', async () => {
    await startIdeogram(() => ({
      status: 429,
      headers: { 'retry-after': '2' },
      body: { message: 'slow down' },
    }));
    const result = await run({ prompt: 'x' });
    expect(result.error).toBeInstanceOf(RetryAfterError);
    expect((result.error as RetryAfterError).retryAfterMs).toBe(2000);
    expect((result.error as Error).message).toContain('slow down');
  });

  it('says so when Ideogram withheld an unsafe image', async () => {
    await startIdeogram(() => ({ body: { data: [{ url: '', is_image_safe: false }] } }));
    const result = await run({ prompt: 'x' });
    expect((result.error as Error).message).toContain('safety check');
  });

  it('fails clearly on a malformed answer', async () => {
    await startIdeogram(() => ({ body: 'not json' }));
    const result = await run({ prompt: 'x' });
    expect(result.error).toBeInstanceOf(BlockError);
    expect((result.error as Error).message).toBe('Ideogram sent a malformed response (not JSON)');
  });
});
