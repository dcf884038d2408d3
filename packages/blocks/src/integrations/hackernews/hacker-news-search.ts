import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { providerJson } from '../../providers/shared/http';
import { envBaseUrl } from '../shared/base-url';
import { asRecord, numberOf, stringOf } from '../shared/json';

const hit = z.object({
  id: z.number(),
  title: z.string(),
  url: z.string(),
  points: z.number(),
  author: z.string(),
  comments: z.number(),
  created_at: z.string(),
  hn_url: z.string(),
});
type Hit = z.infer<typeof hit>;

/** HN_SEARCH_BASE_URL points the block at another Algolia host or a test server. */
function baseUrl(): string {
  return `${envBaseUrl('HN_SEARCH_BASE_URL', 'https://hn.algolia.com')}/api/v1`;
}

function toHit(raw: unknown): Hit {
  const item = asRecord(raw);
  const id = Number(item.objectID);
  const hnUrl = `https://news.ycombinator.com/item?id=${id}`;
  return {
    id,
    title: stringOf(item.title),
    url: stringOf(item.url) || hnUrl,
    points: numberOf(item.points),
    author: stringOf(item.author),
    comments: numberOf(item.num_comments),
    created_at: stringOf(item.created_at),
    hn_url: hnUrl,
  };
}

/** Blockloom block: searches Hacker News stories with the public Algolia HN Search API (no key). */
export const hackerNewsSearchBlock = defineBlock({
  id: 'b2f7e37b-3e17-4474-bb0f-46c633486a96',
  name: 'HackerNewsSearchBlock',
  description:
    'Blockloom block: searches Hacker News stories by relevance or date (Algolia HN Search), yielding each story and the list.',
  categories: ['SEARCH', 'SOCIAL'],
  input: z.object({
    query: z.string().meta({ description: 'What to search for.', placeholder: 'rust async' }),
    sort_by: z
      .enum(['relevance', 'date'])
      .default('relevance')
      .meta({ description: 'Best matches first, or newest first.' }),
    limit: z.number().int().min(1).max(50).default(10).meta({ description: 'How many stories, at most 50.' }),
  }),
  output: {
    story: hit.meta({ description: 'One story (yielded once per story).' }),
    stories: z.array(hit).meta({ description: 'All stories found.' }),
  },
  tests: [
    {
      name: 'refuses an empty query before any request',
      input: { query: ' ' },
      output: [['error', 'The search query must not be empty']],
    },
  ],
  async *run(input, ctx) {
    const query = input.query.trim();
    if (!query) {
      yield ['error', 'The search query must not be empty'];
      return;
    }
    const endpoint = input.sort_by === 'date' ? 'search_by_date' : 'search';
    const params = new URLSearchParams({ query, tags: 'story', hitsPerPage: String(input.limit) });
    const answer = asRecord(
      await providerJson({
        provider: 'Hacker News Search',
        url: `${baseUrl()}/${endpoint}?${params}`,
        signal: ctx.signal,
        keyless: true,
      }),
    );
    if (!Array.isArray(answer.hits)) throw new BlockError('Hacker News Search sent a malformed answer');
    const stories = answer.hits
      .map(toHit)
      .filter((story) => Number.isInteger(story.id))
      .slice(0, input.limit);
    for (const story of stories) yield ['story', story];
    yield ['stories', stories];
  },
});
