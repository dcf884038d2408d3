import { NonRetriableError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { setEnv, useFakeProvider } from '../../providers/shared/fake-server';
import { runForTest } from '../../providers/shared/test-run';
import { getWikipediaSummaryBlock, wikipediaBaseUrl } from './get-wikipedia-summary';
import { searchWikipediaBlock } from './search-wikipedia';

const startWikipedia = useFakeProvider((url) => ({ WIKIPEDIA_BASE_URL: url }));

describe('GetWikipediaSummaryBlock', () => {
  it('asks the REST summary endpoint and yields the extract', async () => {
    const fake = await startWikipedia(() => ({
      body: { type: 'standard', title: 'Ada Lovelace', extract: 'Augusta Ada King was a mathematician.' },
    }));
    const run = await runForTest(getWikipediaSummaryBlock, { topic: ' Ada Lovelace ' });
    expect(run.outputs).toEqual([['summary', 'Augusta Ada King was a mathematician.']]);
    expect(fake.requests[0]?.path).toBe('/api/rest_v1/page/summary/Ada_Lovelace?redirect=true');
    expect(fake.requests[0]?.headers['user-agent']).toMatch(/^Blockloom\//);
  });

  it('encodes titles with special characters', async () => {
    const fake = await startWikipedia(() => ({ body: { extract: 'x' } }));
    await runForTest(getWikipediaSummaryBlock, { topic: 'C++ / C#' });
    expect(fake.requests[0]?.path).toBe('/api/rest_v1/page/summary/C%2B%2B_%2F_C%23?redirect=true');
  });

  it('reports a missing article as non-retriable', async () => {
    await startWikipedia(() => ({
      status: 404,
      body: { title: 'Not found.', detail: 'Page or revision not found.' },
    }));
    const run = await runForTest(getWikipediaSummaryBlock, { topic: 'Nope' });
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toBe(
      'Wikipedia rejected the request (HTTP 404): Page or revision not found.',
    );
  });

  it('refuses an answer without an extract', async () => {
    await startWikipedia(() => ({ body: { title: 'x' } }));
    const run = await runForTest(getWikipediaSummaryBlock, { topic: 'x' });
    expect((run.error as Error).message).toBe('Wikipedia sent a summary without text');
  });

  it('defaults to English Wikipedia', () => {
    const restore = setEnv({ WIKIPEDIA_BASE_URL: undefined });
    try {
      expect(wikipediaBaseUrl()).toBe('https://en.wikipedia.org');
    } finally {
      restore();
    }
  });
});

describe('SearchWikipediaBlock', () => {
  it('searches pages and yields each result with plain-text excerpts', async () => {
    const fake = await startWikipedia(() => ({
      body: {
        pages: [
          {
            id: 1,
            key: 'Solar_sail',
            title: 'Solar sail',
            excerpt: 'A <span class="searchmatch">solar</span> sail uses &quot;light&quot;',
            description: 'Spacecraft propulsion',
          },
          { id: 2, key: 'IKAROS', title: 'IKAROS', excerpt: 'Japanese probe', description: null },
        ],
      },
    }));
    const run = await runForTest(searchWikipediaBlock, { query: 'solar sail', limit: 2 });
    const first = {
      title: 'Solar sail',
      description: 'Spacecraft propulsion',
      excerpt: 'A solar sail uses "light"',
      url: `${fake.url}/wiki/Solar_sail`,
    };
    const second = {
      title: 'IKAROS',
      description: '',
      excerpt: 'Japanese probe',
      url: `${fake.url}/wiki/IKAROS`,
    };
    expect(run.outputs).toEqual([
      ['result', first],
      ['result', second],
      ['results', [first, second]],
    ]);
    expect(fake.requests[0]?.path).toBe('/w/rest.php/v1/search/page?q=solar+sail&limit=2');
  });

  it('refuses a malformed answer', async () => {
    await startWikipedia(() => ({ body: { nope: true } }));
    const malformed = await runForTest(searchWikipediaBlock, { query: 'x' });
    expect((malformed.error as Error).message).toBe('Wikipedia sent a malformed search answer');
  });
});
