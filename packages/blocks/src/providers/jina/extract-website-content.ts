import { credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { safeFetch } from '../../web/safe-fetch';
import { apiKeyOf } from '../shared/credentials';
import { providerFetch, providerHttpError } from '../shared/http';
import { jinaCredentialsDescription, jinaReaderBaseUrl } from './base-urls';

const testCredentials = { id: 'jina-test', provider: 'jina', type: 'api_key', title: 'Jina' } as const;

/** Adds `https://` to a scheme-less address ("example.com/page"), as people type them. */
function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
}

/** The page's raw body, fetched directly through the SSRF-safe client (the URL is user input). */
async function fetchRaw(url: string, signal: AbortSignal): Promise<string> {
  const response = await safeFetch(url, { signal });
  if (response.status >= 400) {
    const site = new URL(response.url).host;
    throw providerHttpError(
      { provider: site, keyless: true },
      { status: response.status, retryAfter: response.headers['retry-after'] },
      '',
    );
  }
  return response.text();
}

/** Reads a web page as clean text with Jina Reader (r.jina.ai), or fetches its raw body. */
export const extractWebsiteContentBlock = defineBlock({
  id: '436c3984-57fd-4b85-8e9a-459b356883bd',
  name: 'ExtractWebsiteContentBlock',
  description:
    'Extracts the content of a web page as LLM-friendly text with Jina Reader, or fetches the raw page when raw_content is set.',
  categories: ['SEARCH'],
  input: z.object({
    credentials: credentialsField({
      providers: ['jina'],
      types: ['api_key'],
      description: jinaCredentialsDescription,
    }),
    url: z.string().meta({ description: 'The URL of the page to read.', placeholder: 'https://example.com' }),
    raw_content: z
      .boolean()
      .default(false)
      .meta({ description: 'Fetch the raw page (HTML) instead of Jina’s cleaned-up text.', advanced: true }),
  }),
  output: { content: z.string().meta({ description: 'The content of the page.' }) },
  tests: [
    {
      name: 'refuses an empty URL before any request',
      input: { credentials: testCredentials, url: ' ' },
      output: [['error', textContaining('URL')]],
    },
    {
      name: 'refuses to fetch a private address raw',
      input: { credentials: testCredentials, url: 'http://127.0.0.1:9/', raw_content: true },
      output: [['error', textContaining('Refused')]],
    },
  ],
  async *run(input, ctx) {
    const url = input.url.trim();
    if (!url) {
      yield ['error', 'The URL must not be empty'];
      return;
    }
    if (input.raw_content) {
      yield ['content', await fetchRaw(withScheme(url), ctx.signal)];
      return;
    }
    const response = await providerFetch({
      provider: 'Jina',
      // Jina Reader takes the target URL verbatim as its path.
      url: `${jinaReaderBaseUrl()}/${withScheme(url)}`,
      headers: { Authorization: `Bearer ${apiKeyOf(ctx, 'Jina')}` },
      signal: ctx.signal,
    });
    yield ['content', await response.text()];
  },
});
