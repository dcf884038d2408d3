import { defineBlock, NonRetriableError } from '@blockloom/sdk';
import { z } from 'zod';
import { providerHttpError } from '../../providers/shared/http';
import { textContaining } from '../../shared/matchers';
import { safeFetch } from '../../web/safe-fetch';
import { FeedParseError, parseFeed, type FeedEntry } from './feed-parser';

const entry = z.object({
  title: z.string(),
  link: z.string(),
  description: z.string(),
  pub_date: z.string().nullable(),
  author: z.string(),
  categories: z.array(z.string()),
});

/**
 * Reads an RSS or Atom feed once and passes on the entries published within `time_period` minutes. AutoGPT's
 * block can keep polling every `polling_rate` seconds while `run_continuously` is set; Blockloom nodes run to
 * completion, so this block always makes one pass (a scheduled agent run does the polling instead) and
 * accepts the two fields only so saved graphs load unchanged.
 */
export const readRssFeedBlock = defineBlock({
  id: '5ebe6768-8e5d-41e3-9134-1c7bd89a8d52',
  name: 'ReadRSSFeedBlock',
  description:
    'Reads an RSS or Atom feed and outputs the entries published within the chosen time period, one by one and as a list.',
  categories: ['INPUT'],
  input: z.object({
    rss_url: z.string().meta({ description: 'The feed’s URL.', placeholder: 'https://example.com/feed.xml' }),
    time_period: z.number().int().min(1).default(1440).meta({
      description: 'Only entries published within this many minutes before now (undated ones always pass).',
    }),
    polling_rate: z.number().int().default(300).meta({
      description: 'Seconds between polls in AutoGPT; unused here (one pass per run).',
      advanced: true,
    }),
    run_continuously: z.boolean().default(false).meta({
      description: 'AutoGPT keeps polling when set; Blockloom reads the feed once per run either way.',
      advanced: true,
    }),
  }),
  output: {
    entry: entry.meta({ description: 'One entry (yielded once per entry, in feed order).' }),
    entries: z.array(entry).meta({ description: 'All entries within the time period.' }),
  },
  tests: [
    {
      name: 'refuses a private address',
      input: { rss_url: 'http://127.0.0.1:9/feed' },
      output: [['error', textContaining('Refused')]],
    },
    {
      name: 'refuses a non-http URL',
      input: { rss_url: 'file:///etc/passwd' },
      output: [['error', textContaining('Only http and https')]],
    },
  ],
  async *run(input, ctx) {
    if (input.run_continuously) {
      ctx.logger.warn('ReadRSSFeedBlock reads the feed once per run; run_continuously is ignored');
    }
    const response = await safeFetch(input.rss_url.trim(), {
      signal: ctx.signal,
      headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8' },
    });
    if (response.status >= 400) {
      const status = { status: response.status, retryAfter: response.headers['retry-after'] ?? null };
      throw providerHttpError({ provider: new URL(response.url).host, keyless: true }, status, '');
    }
    let entries: FeedEntry[];
    try {
      entries = parseFeed(response.text());
    } catch (error) {
      if (error instanceof FeedParseError) throw new NonRetriableError(error.message);
      throw error;
    }
    const since = Date.now() - input.time_period * 60_000;
    const recent = entries.filter((item) => item.pub_date === null || Date.parse(item.pub_date) >= since);
    for (const item of recent) yield ['entry', item];
    yield ['entries', recent];
  },
});
