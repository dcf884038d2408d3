import { describe, expect, it } from 'vitest';
import { useFakeProvider } from '../../providers/shared/fake-server';
import { runForTest } from '../../providers/shared/test-run';
import { hackerNewsSearchBlock } from './hacker-news-search';
import { hackerNewsTopStoriesBlock } from './hacker-news-top-stories';

const startFake = useFakeProvider((url) => ({ HACKER_NEWS_BASE_URL: url }));

const items: Record<string, unknown> = {
  '/v0/item/1.json': {
    id: 1,
    type: 'story',
    title: 'One',
    url: 'https://a.example',
    score: 10,
    by: 'pg',
    time: 0,
    descendants: 4,
  },
  '/v0/item/2.json': { id: 2, type: 'story', deleted: true },
  '/v0/item/3.json': { id: 3, type: 'story', title: 'Ask HN: x?', score: 2, by: 'dang', time: 60 },
  '/v0/item/4.json': null,
};

function startHn(list: unknown, status = 200) {
  return startFake((request) => {
    if (status !== 200) return { status, body: { error: 'down' } };
    if (request.path.endsWith('stories.json')) return { body: list };
    return { body: items[request.path] ?? null };
  });
}

describe('HackerNewsTopStoriesBlock', () => {
  it('reads the list, then each item, skipping deleted and missing ones', async () => {
    const fake = await startHn([1, 2, 3, 4, 5]);
    const run = await runForTest(hackerNewsTopStoriesBlock, { story_type: 'ask', limit: 4 });
    const one = {
      id: 1,
      title: 'One',
      url: 'https://a.example',
      score: 10,
      by: 'pg',
      time: '1970-01-01T00:00:00.000Z',
      comments: 4,
      hn_url: 'https://news.ycombinator.com/item?id=1',
    };
    const three = {
      id: 3,
      title: 'Ask HN: x?',
      url: 'https://news.ycombinator.com/item?id=3',
      score: 2,
      by: 'dang',
      time: '1970-01-01T00:01:00.000Z',
      comments: 0,
      hn_url: 'https://news.ycombinator.com/item?id=3',
    };
    expect(run.outputs).toEqual([
      ['story', one],
      ['story', three],
      ['stories', [one, three]],
    ]);
    expect(fake.requests[0]?.path).toBe('/v0/askstories.json');
    expect(fake.requests.map((request) => request.path).sort()).not.toContain('/v0/item/5.json');
  });

  it('reports a server error as retriable', async () => {
    await startHn([], 503);
    const run = await runForTest(hackerNewsTopStoriesBlock, {});
    expect((run.error as Error).message).toContain('Hacker News server error (HTTP 503)');
  });

  it('refuses a list that is not a list', async () => {
    await startHn({ nope: true });
    const run = await runForTest(hackerNewsTopStoriesBlock, {});
    expect((run.error as Error).message).toBe('Hacker News sent a malformed story list');
  });
});

describe('HackerNewsSearchBlock', () => {
  const startFake = useFakeProvider((url) => ({ HN_SEARCH_BASE_URL: url }));
  const startAlgolia = (body: unknown, status = 200) => startFake(() => ({ status, body }));

  it('searches stories by date and maps each hit', async () => {
    const fake = await startAlgolia({
      hits: [
        {
          objectID: '42',
          title: 'Rust async',
          url: 'https://r.example',
          points: 99,
          author: 'ada',
          num_comments: 12,
          created_at: '2026-01-01T00:00:00Z',
        },
        { objectID: '43', title: 'Ask HN: tips?', url: null, points: 1, author: 'bob', created_at: 'x' },
        { objectID: 'not-a-number' },
      ],
    });
    const run = await runForTest(hackerNewsSearchBlock, { query: 'rust async', sort_by: 'date', limit: 5 });
    const first = {
      id: 42,
      title: 'Rust async',
      url: 'https://r.example',
      points: 99,
      author: 'ada',
      comments: 12,
      created_at: '2026-01-01T00:00:00Z',
      hn_url: 'https://news.ycombinator.com/item?id=42',
    };
    expect(run.outputs[0]).toEqual(['story', first]);
    expect(run.outputs[1]?.[1]).toMatchObject({ id: 43, url: 'https://news.ycombinator.com/item?id=43' });
    expect(run.outputs[2]?.[0]).toBe('stories');
    expect(run.outputs[2]?.[1]).toHaveLength(2);
    expect(fake.requests[0]?.path).toBe('/api/v1/search_by_date?query=rust+async&tags=story&hitsPerPage=5');
  });

  it('maps a rate limit and refuses a malformed answer', async () => {
    await startAlgolia({ message: 'slow down' }, 429);
    const limited = await runForTest(hackerNewsSearchBlock, { query: 'x' });
    expect((limited.error as Error).message).toContain('Hacker News Search rate limit reached (HTTP 429)');
    await startAlgolia({ nope: true });
    const malformed = await runForTest(hackerNewsSearchBlock, { query: 'x' });
    expect((malformed.error as Error).message).toBe('Hacker News Search sent a malformed answer');
  });
});
