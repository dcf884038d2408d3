import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { providerJson } from '../../providers/shared/http';
import { envBaseUrl } from '../shared/base-url';
import { asRecord } from '../shared/json';

/** Wikimedia asks API clients to name themselves (meta.wikimedia.org/wiki/User-Agent_policy). */
export const WIKIPEDIA_USER_AGENT = 'Blockloom/0.1 (self-hosted AutoGPT-compatible agent platform)';

/** WIKIPEDIA_BASE_URL picks another language edition (https://de.wikipedia.org), a mirror or a test server. */
export function wikipediaBaseUrl(): string {
  return envBaseUrl('WIKIPEDIA_BASE_URL', 'https://en.wikipedia.org');
}

/** The lead section of a Wikipedia article, from the REST API's page summary (no key needed). */
export const getWikipediaSummaryBlock = defineBlock({
  id: 'f5b0f5d0-1862-4d61-94be-3ad0fa772760',
  name: 'GetWikipediaSummaryBlock',
  description: 'Fetches the summary (lead section) of the Wikipedia article on a topic.',
  categories: ['SEARCH'],
  input: z.object({
    topic: z
      .string()
      .meta({ description: 'The article title to look up.', placeholder: 'Artificial intelligence' }),
  }),
  output: { summary: z.string().meta({ description: 'The article’s summary as plain text.' }) },
  tests: [
    {
      name: 'refuses an empty topic without calling Wikipedia',
      input: { topic: '  ' },
      output: [['error', 'The topic must not be empty']],
    },
  ],
  async *run(input, ctx) {
    const topic = input.topic.trim();
    if (!topic) {
      yield ['error', 'The topic must not be empty'];
      return;
    }
    // Titles use underscores for spaces; redirects ("AI" → "Artificial intelligence") are followed.
    const title = encodeURIComponent(topic.replace(/\s+/g, '_'));
    const page = asRecord(
      await providerJson({
        provider: 'Wikipedia',
        url: `${wikipediaBaseUrl()}/api/rest_v1/page/summary/${title}?redirect=true`,
        headers: { Accept: 'application/json', 'User-Agent': WIKIPEDIA_USER_AGENT },
        signal: ctx.signal,
        keyless: true,
      }),
    );
    if (typeof page.extract !== 'string') throw new BlockError('Wikipedia sent a summary without text');
    yield ['summary', page.extract];
  },
});
