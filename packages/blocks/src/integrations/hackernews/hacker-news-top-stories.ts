import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { providerJson } from '../../providers/shared/http';
import { envBaseUrl } from '../shared/base-url';
import { asRecord, numberOf, stringOf } from '../shared/json';

/** Items are fetched this many at a time: quick, without opening 50 connections at once. */
const PARALLEL_ITEMS = 10;

const story = z.object({
  id: z.number(),
  title: z.string(),
  url: z.string(),
  score: z.number(),
  by: z.string(),
  time: z.string(),
  comments: z.number(),
  hn_url: z.string(),
});
type Story = z.infer<typeof story>;

const lists = {
  top: 'topstories',
  new: 'newstories',
  best: 'beststories',
  ask: 'askstories',
  show: 'showstories',
};

/** HACKER_NEWS_BASE_URL points the block at a mirror or a test server. */
function baseUrl(): string {
  return `${envBaseUrl('HACKER_NEWS_BASE_URL', 'https://hacker-news.firebaseio.com')}/v0`;
}

function toStory(raw: unknown): Story | undefined {
  const item = asRecord(raw);
  if (typeof item.id !== 'number' || item.deleted === true || item.dead === true) return undefined;
  const hnUrl = `https://news.ycombinator.com/item?id=${item.id}`;
  return {
    id: item.id,
    title: stringOf(item.title),
    // Ask HN and other text posts have no link: their discussion page is the story.
    url: stringOf(item.url, hnUrl),
    score: numberOf(item.score),
    by: stringOf(item.by),
    time: new Date(numberOf(item.time) * 1000).toISOString(),
    comments: numberOf(item.descendants),
    hn_url: hnUrl,
  };
}

/** Blockloom block: reads a Hacker News story list and its items from the official Firebase API. */
export const hackerNewsTopStoriesBlock = defineBlock({
  id: '1a34539d-9db3-45f6-a1fa-1655a0b30ae6',
  name: 'HackerNewsTopStoriesBlock',
  description:
    'Blockloom block: fetches the current top (or new, best, Ask HN, Show HN) stories from Hacker News, yielding each story and the list.',
  categories: ['SEARCH', 'SOCIAL'],
  input: z.object({
    story_type: z
      .enum(['top', 'new', 'best', 'ask', 'show'])
      .default('top')
      .meta({ description: 'Which list.' }),
    limit: z.number().int().min(1).max(50).default(10).meta({ description: 'How many stories, at most 50.' }),
  }),
  output: {
    story: story.meta({ description: 'One story (yielded once per story, in ranking order).' }),
    stories: z.array(story).meta({ description: 'All stories fetched.' }),
  },
  tests: [
    {
      name: 'refuses a limit over 50 before any request',
      input: { limit: 51 },
      output: [['error', (value: unknown) => typeof value === 'string' && value.includes('limit')]],
    },
  ],
  async *run(input, ctx) {
    const base = baseUrl();
    const get = (path: string) =>
      providerJson({
        provider: 'Hacker News',
        url: `${base}/${path}.json`,
        signal: ctx.signal,
        keyless: true,
      });
    const ids = await get(lists[input.story_type]);
    if (!Array.isArray(ids)) throw new BlockError('Hacker News sent a malformed story list');
    const wanted = ids.filter((id): id is number => typeof id === 'number').slice(0, input.limit);
    const stories: Story[] = [];
    for (let start = 0; start < wanted.length; start += PARALLEL_ITEMS) {
      const batch = await Promise.all(
        wanted.slice(start, start + PARALLEL_ITEMS).map((id) => get(`item/${id}`)),
      );
      for (const item of batch) {
        const parsed = toStory(item);
        if (parsed) stories.push(parsed);
      }
    }
    for (const item of stories) yield ['story', item];
    yield ['stories', stories];
  },
});
