import { BlockError } from '@blockloom/sdk';
import { providerBaseUrl } from '../../platform/providers';
import { field, providerFetch, providerJson } from '../shared/http';

const PROVIDER = 'Ideogram';

export function ideogramBaseUrl(): string {
  return providerBaseUrl('ideogram', 'https://api.ideogram.ai');
}

/**
 * The first image URL of a generate/upscale answer (`{created, data: [{url, …}]}`). Ideogram leaves `url`
 * empty for an image its safety check withheld, which deserves its own message.
 */
export function firstImageUrl(body: unknown): string {
  const data = field(body, 'data');
  if (!Array.isArray(data) || data.length === 0) {
    throw new BlockError('Ideogram sent a malformed response (no images in data)');
  }
  const url = field(data[0], 'url');
  if (typeof url === 'string' && url) return url;
  if (field(data[0], 'is_image_safe') === false) {
    throw new BlockError('Ideogram withheld the image: it failed Ideogram’s safety check');
  }
  throw new BlockError('Ideogram sent a malformed response (image without url)');
}

interface IdeogramCall {
  apiKey: string;
  path: string;
  body: string | FormData;
  signal: AbortSignal;
}

/** POSTs to an Ideogram endpoint (JSON or multipart) and returns the first image URL. */
export async function postForImage(call: IdeogramCall): Promise<string> {
  const isJson = typeof call.body === 'string';
  const body = await providerJson({
    provider: PROVIDER,
    url: `${ideogramBaseUrl()}${call.path}`,
    method: 'POST',
    // FormData sets its own multipart Content-Type with the boundary.
    headers: { 'Api-Key': call.apiKey, ...(isJson ? { 'Content-Type': 'application/json' } : {}) },
    body: call.body,
    signal: call.signal,
  });
  return firstImageUrl(body);
}

/**
 * Upscales a generated image: Ideogram's /upscale takes the image bytes, so the image is downloaded from the
 * URL Ideogram itself just returned (a provider URL, not user input).
 */
export async function upscaleImage(
  options: { apiKey: string; imageUrl: string; prompt: string; seed: number | null | undefined },
  signal: AbortSignal,
): Promise<string> {
  // Keyless: the image host takes no API key, so a 403 there is not a refused key.
  const image = await providerFetch({ provider: PROVIDER, url: options.imageUrl, signal, keyless: true });
  const form = new FormData();
  form.append(
    'image_request',
    JSON.stringify({ prompt: options.prompt, ...(options.seed == null ? {} : { seed: options.seed }) }),
  );
  form.append('image_file', new Blob([await image.arrayBuffer()], { type: 'image/png' }), 'image.png');
  return postForImage({ apiKey: options.apiKey, path: '/upscale', body: form, signal });
}
