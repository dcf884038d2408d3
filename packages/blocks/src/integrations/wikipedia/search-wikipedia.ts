import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { providerJson } from '../../providers/shared/http';
import { asRecord, stringOf } from '../shared/json';
import { WIKIPEDIA_USER_AGENT, wikipediaBaseUrl } from './get-wikipedia-summary';

const searchResult = z.object({
  title: z.string(),
  description: z.string(),
  excerpt: z.string(),
  url: z.string(),
});

/** Search excerpts are HTML (matches wrapped in <span class="searchmatch">): keep the words only. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&quot;', '"')
    .replaceAll('&#039;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Blockloom block: full-text search over Wikipedia titles and content (MediaWiki REST `search/page`). */
export const searchWikipediaBlock = defineBlock({
  id: 'ca486889-18b5-41f5-91c8-c5b1373bf289',
  name: 'SearchWikipediaBlock',
  description:
    'Blockloom block: searches Wikipedia and outputs the matching articles with a short description, an excerpt and the URL.',
  categories: ['SEARCH'],
  input: z.object({
    query: z.string().meta({ description: 'What to search for.', placeholder: 'solar sail' }),
    limit: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(5)
      .meta({ description: 'How many articles, at most 100.' }),
  }),
  output: {
    result: searchResult.meta({ description: 'One article (yielded once per article, best match first).' }),
    results: z.array(searchResult).meta({ description: 'All articles found.' }),
  },
  tests: [
    {
      name: 'refuses an empty query without calling Wikipedia',
      input: { query: '' },
      output: [['error', 'The search query must not be empty']],
    },
  ],
  async *run(input, ctx) {
    const query = input.query.trim();
    if (!query) {
      yield ['error', 'The search query must not be empty'];
      return;
    }
    const base = wikipediaBaseUrl();
    const params = new URLSearchParams({ q: query, limit: String(input.limit) });
    const answer = asRecord(
      await providerJson({
        provider: 'Wikipedia',
        url: `${base}/w/rest.php/v1/search/page?${params}`,
        headers: { Accept: 'application/json', 'User-Agent': WIKIPEDIA_USER_AGENT },
        signal: ctx.signal,
        keyless: true,
      }),
    );
    if (!Array.isArray(answer.pages)) throw new BlockError('Wikipedia sent a malformed search answer');
    const results = answer.pages.map((raw) => {
      const page = asRecord(raw);
      const key = stringOf(page.key, stringOf(page.title).replace(/ /g, '_'));
      return {
        title: stringOf(page.title),
        description: stringOf(page.description),
        excerpt: plainText(stringOf(page.excerpt)),
        url: `${base}/wiki/${encodeURIComponent(key)}`,
      };
    });
    for (const result of results) yield ['result', result];
    yield ['results', results];
  },
});
