import { NonRetriableError } from '@blockloom/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setEnv, startFakeServer, type FakeServer } from '../../providers/shared/fake-server';
import { runForTest } from '../../providers/shared/test-run';
import { parseFeed } from './feed-parser';
import { readRssFeedBlock } from './read-rss-feed';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Feed title (not an entry)</title>
    <!-- <item><title>commented out</title></item> -->
    <item>
      <title>Fresh &amp; new</title>
      <link>https://example.com/fresh</link>
      <description><![CDATA[<p>Hello <b>world</b></p>]]></description>
      <pubDate>${hoursAgo(1).toUTCString()}</pubDate>
      <dc:creator>Ada</dc:creator>
      <category>AI</category>
      <category>News</category>
    </item>
    <item>
      <title>Old</title>
      <link>https://example.com/old</link>
      <pubDate>${hoursAgo(48).toUTCString()}</pubDate>
    </item>
    <item>
      <title>Undated</title>
      <guid>https://example.com/undated</guid>
    </item>
  </channel>
</rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom feed</title>
  <link href="https://example.org/"/>
  <entry>
    <title type="html">Atom &lt;entry&gt;</title>
    <link rel="self" href="https://example.org/self.xml"/>
    <link rel="alternate" href="https://example.org/post"/>
    <published>2026-01-02T03:04:05Z</published>
    <summary>Short</summary>
    <author><name>Grace</name></author>
    <category term="tech"/>
  </entry>
</feed>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items', () => {
    const [fresh, , undated] = parseFeed(rss);
    expect(fresh).toMatchObject({
      title: 'Fresh & new',
      link: 'https://example.com/fresh',
      description: '<p>Hello <b>world</b></p>',
      author: 'Ada',
      categories: ['AI', 'News'],
    });
    expect(undated).toEqual({
      title: 'Undated',
      link: 'https://example.com/undated',
      description: '',
      pub_date: null,
      author: '',
      categories: [],
    });
    expect(parseFeed(rss)).toHaveLength(3);
  });

  it('reads Atom entries, preferring the alternate link', () => {
    expect(parseFeed(atom)).toEqual([
      {
        title: 'Atom <entry>',
        link: 'https://example.org/post',
        description: 'Short',
        pub_date: '2026-01-02T03:04:05.000Z',
        author: 'Grace',
        categories: ['tech'],
      },
    ]);
  });

  it('refuses a document that is no feed', () => {
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow('neither an RSS nor an Atom feed');
  });
});

describe('ReadRSSFeedBlock', () => {
  let site: FakeServer;
  let restoreEnv: () => void;
  beforeEach(async () => {
    site = await startFakeServer((request) => {
      if (request.path === '/rss') return { headers: { 'content-type': 'application/rss+xml' }, body: rss };
      if (request.path === '/page')
        return { headers: { 'content-type': 'text/html' }, body: '<html></html>' };
      return { status: 404, body: 'missing' };
    });
    restoreEnv = setEnv({ BLOCKLOOM_HTTP_ALLOW_PRIVATE: '127.0.0.1' });
  });
  afterEach(async () => {
    restoreEnv();
    await site.close();
  });

  it('yields the entries within the time period, each and as a list', async () => {
    const run = await runForTest(readRssFeedBlock, { rss_url: `${site.url}/rss`, time_period: 120 });
    expect(
      run.outputs.map(([pin, value]) => [
        pin,
        pin === 'entry' ? (value as { title: string }).title : (value as unknown[]).length,
      ]),
    ).toEqual([
      ['entry', 'Fresh & new'],
      ['entry', 'Undated'],
      ['entries', 2],
    ]);
  });

  it('keeps older entries with a longer period, and runs once even when asked to run continuously', async () => {
    const run = await runForTest(readRssFeedBlock, {
      rss_url: `${site.url}/rss`,
      time_period: 7 * 24 * 60,
      run_continuously: true,
    });
    expect(run.outputs.at(-1)?.[1]).toHaveLength(3);
  });

  it('reports an HTTP error and a non-feed as non-retriable', async () => {
    const missing = await runForTest(readRssFeedBlock, { rss_url: `${site.url}/gone` });
    expect(missing.error).toBeInstanceOf(NonRetriableError);
    expect((missing.error as Error).message).toContain('HTTP 404');
    const page = await runForTest(readRssFeedBlock, { rss_url: `${site.url}/page` });
    expect((page.error as Error).message).toBe('The document is neither an RSS nor an Atom feed');
  });

  it('fetches through the SSRF guard', async () => {
    restoreEnv();
    restoreEnv = setEnv({ BLOCKLOOM_HTTP_ALLOW_PRIVATE: undefined });
    const run = await runForTest(readRssFeedBlock, { rss_url: `${site.url}/rss` });
    expect((run.error as Error).message).toContain('Refused to connect');
    expect(site.requests).toHaveLength(0);
  });
});
