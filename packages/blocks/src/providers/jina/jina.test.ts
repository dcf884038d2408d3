import { BlockError, NonRetriableError, RetryAfterError } from '@blockloom/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setEnv, startFakeServer, type FakeServer, useFakeProvider } from '../shared/fake-server';
import { apiKeyCredentials, runForTest } from '../shared/test-run';
import { jinaReaderBaseUrl, jinaSearchBaseUrl } from './base-urls';
import { extractWebsiteContentBlock } from './extract-website-content';
import { searchTheWebBlock } from './search-the-web';

const { ref, resolved } = apiKeyCredentials('jina', 'jina-key');
let server: FakeServer;
const startFake = useFakeProvider((url) => ({
  JINA_BASE_URL: url,
  JINA_SEARCH_BASE_URL: undefined,
  JINA_READER_BASE_URL: undefined,
}));

/** Plays both Jina hosts on one address, told apart by path exactly as JINA_BASE_URL promises. */
async function startJina(status = 200, headers: Record<string, string> = {}) {
  server = await startFake((request) => {
    if (status !== 200) return { status, headers, body: { detail: 'nope' } };
    if (request.path.startsWith('/?q=')) return { body: '[1] Title: Result\nURL Source: https://a.example' };
    return { body: `Markdown of ${decodeURIComponent(request.path.slice(1))}` };
  });
}

describe('SearchTheWebBlock', () => {
  beforeEach(() => startJina());

  it('asks Jina Search with the query and the key, and returns its text', async () => {
    const run = await runForTest(
      searchTheWebBlock,
      { credentials: ref, query: 'AI news & more' },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([['results', '[1] Title: Result\nURL Source: https://a.example']]);
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/?q=AI%20news%20%26%20more');
    expect(request?.headers.authorization).toBe('Bearer jina-key');
  });

  it('fails clearly when the node has no resolved credentials', async () => {
    const run = await runForTest(searchTheWebBlock, { credentials: ref, query: 'x' });
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect(String(run.error)).toContain('No Jina credentials');
    expect(server.requests).toHaveLength(0);
  });
});

describe('Jina errors', () => {
  it('maps 401 to a non-retriable "key refused"', async () => {
    await startJina(401);
    const run = await runForTest(
      searchTheWebBlock,
      { credentials: ref, query: 'x' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toMatch(/Jina refused the API key \(HTTP 401\): nope/);
  });

  it('maps 429 to a retry after the Retry-After delay', async () => {
    await startJina(429, { 'retry-after': '7' });
    const run = await runForTest(
      searchTheWebBlock,
      { credentials: ref, query: 'x' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(RetryAfterError);
    expect((run.error as RetryAfterError).retryAfterMs).toBe(7000);
  });

  it('maps 5xx to a plain (retriable) block error', async () => {
    await startJina(503);
    const run = await runForTest(
      extractWebsiteContentBlock,
      { credentials: ref, url: 'https://example.com' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(BlockError);
    expect((run.error as BlockError).code).toBe('BLOCK_ERROR');
    expect((run.error as Error).message).toContain('Jina server error (HTTP 503)');
  });
});

describe('ExtractWebsiteContentBlock', () => {
  it('reads the page through Jina Reader, adding https:// to a bare address', async () => {
    await startJina();
    const run = await runForTest(
      extractWebsiteContentBlock,
      { credentials: ref, url: 'example.com/page?x=1' },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([['content', 'Markdown of https://example.com/page?x=1']]);
    expect(server.requests[0]?.path).toBe('/https://example.com/page?x=1');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer jina-key');
  });

  describe('raw_content', () => {
    let site: FakeServer;
    let restoreAllow: () => void;
    beforeEach(async () => {
      await startJina();
      site = await startFakeServer((request) =>
        request.path === '/missing'
          ? { status: 404, body: 'gone' }
          : { headers: { 'content-type': 'text/html' }, body: '<h1>Raw</h1>' },
      );
      restoreAllow = setEnv({ BLOCKLOOM_HTTP_ALLOW_PRIVATE: '127.0.0.1' });
    });
    afterEach(async () => {
      restoreAllow();
      await site.close();
    });

    it('fetches the page itself, without calling Jina', async () => {
      const run = await runForTest(
        extractWebsiteContentBlock,
        { credentials: ref, url: `${site.url}/page`, raw_content: true },
        { credentials: resolved },
      );
      expect(run.outputs).toEqual([['content', '<h1>Raw</h1>']]);
      expect(server.requests).toHaveLength(0);
    });

    it('reports an HTTP error of the page as non-retriable', async () => {
      const run = await runForTest(
        extractWebsiteContentBlock,
        { credentials: ref, url: `${site.url}/missing`, raw_content: true },
        { credentials: resolved },
      );
      expect(run.error).toBeInstanceOf(NonRetriableError);
      expect((run.error as Error).message).toContain('HTTP 404');
    });

    it('goes through the SSRF guard: a private address is refused unless allowed', async () => {
      restoreAllow();
      restoreAllow = setEnv({ BLOCKLOOM_HTTP_ALLOW_PRIVATE: undefined });
      const run = await runForTest(
        extractWebsiteContentBlock,
        { credentials: ref, url: `${site.url}/page`, raw_content: true },
        { credentials: resolved },
      );
      expect((run.error as Error).message).toContain('Refused to connect');
      expect(site.requests).toHaveLength(0);
    });
  });
});

describe('Jina base URLs', () => {
  it('defaults to the public hosts', () => {
    expect(jinaSearchBaseUrl({})).toBe('https://s.jina.ai');
    expect(jinaReaderBaseUrl({})).toBe('https://r.jina.ai');
  });

  it('lets the per-service variables win over JINA_BASE_URL', () => {
    const env = {
      JINA_BASE_URL: 'http://both/',
      JINA_SEARCH_BASE_URL: 'http://search/',
      JINA_READER_BASE_URL: 'http://reader',
    };
    expect(jinaSearchBaseUrl(env)).toBe('http://search');
    expect(jinaReaderBaseUrl(env)).toBe('http://reader');
    expect(jinaReaderBaseUrl({ JINA_BASE_URL: 'http://both/' })).toBe('http://both');
  });
});
