import { BlockError, NonRetriableError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { type FakeHandler, useFakeProvider } from '../shared/fake-server';
import { apiKeyCredentials, runForTest } from '../shared/test-run';
import { publishToMediumBlock } from './publish-to-medium';

const { ref, resolved } = apiKeyCredentials('medium', 'medium-token');
const post = {
  title: 'Worldwide IT Blackout',
  content: '# Hello',
  content_format: 'markdown',
  tags: ['AI', 'LLM'],
  publish_status: 'public',
  license: 'all-rights-reserved',
  notify_followers: false,
};

/** Medium's documented answers: GET /v1/me and POST /v1/users/{id}/posts, each wrapped in `data`. */
const medium: FakeHandler = (request) => {
  if (request.path === '/v1/me') return { body: { data: { id: 'me-123', username: 'writer' } } };
  const created = JSON.parse(request.text) as Record<string, unknown>;
  const published = created.publishStatus === 'public' ? { publishedAt: 1442286338435 } : {};
  return {
    status: 201,
    body: {
      data: { id: 'post-9', url: 'https://medium.com/@writer/post-9', ...published, title: created.title },
    },
  };
};

const startFake = useFakeProvider((url) => ({ MEDIUM_BASE_URL: url }));
const startMedium = (handler: FakeHandler = medium) => startFake(handler);

describe('PublishToMediumBlock', () => {
  it('creates the post for the given author with Medium’s field names', async () => {
    const fake = await startMedium();
    const run = await runForTest(
      publishToMediumBlock,
      { ...post, credentials: ref, author_id: 'abc', canonical_url: 'https://blog.example/p' },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['post_id', 'post-9'],
      ['post_url', 'https://medium.com/@writer/post-9'],
      ['published_at', 1442286338435],
    ]);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/users/abc/posts');
    expect(request?.headers.authorization).toBe('Bearer medium-token');
    expect(JSON.parse(request?.text ?? '')).toEqual({
      title: 'Worldwide IT Blackout',
      contentFormat: 'markdown',
      content: '# Hello',
      tags: ['AI', 'LLM'],
      canonicalUrl: 'https://blog.example/p',
      publishStatus: 'public',
      license: 'all-rights-reserved',
      notifyFollowers: false,
    });
  });

  it('looks the author up with GET /v1/me when author_id is empty (the 2024 template)', async () => {
    const fake = await startMedium();
    const run = await runForTest(
      publishToMediumBlock,
      { ...post, author_id: '', publish_status: 'draft', credentials: ref },
      { credentials: resolved },
    );
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v1/me',
      'POST /v1/users/me-123/posts',
    ]);
    // A draft has no publication time.
    expect(run.outputs.at(-1)).toEqual(['published_at', 0]);
  });

  it('accepts the legacy api_key input when no credentials are given', async () => {
    const fake = await startMedium();
    const run = await runForTest(publishToMediumBlock, {
      ...post,
      author_id: 'abc',
      api_key: 'legacy-token',
    });
    expect(run.error).toBeUndefined();
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer legacy-token');
  });

  it('reports a refused token with Medium’s own message, without retry', async () => {
    await startMedium(() => ({
      status: 401,
      body: { errors: [{ message: 'Token was invalid.', code: 6003 }] },
    }));
    const run = await runForTest(
      publishToMediumBlock,
      { ...post, author_id: 'abc', credentials: ref },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toBe(
      'Medium refused the API key (HTTP 401): Token was invalid. Check the Medium credentials.',
    );
  });

  it('fails clearly on a malformed answer', async () => {
    await startMedium(() => ({ status: 201, body: { unexpected: true } }));
    const run = await runForTest(
      publishToMediumBlock,
      { ...post, author_id: 'abc', credentials: ref },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(BlockError);
    expect((run.error as Error).message).toContain('Medium sent a malformed post response');
  });
});
