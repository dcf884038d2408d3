import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from './harness';

describe('rate limits', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('limits each user to the configured requests per sliding minute, with headers and 429', async () => {
    // A whole second, so the reset header is exact; near the real time, since tokens are checked against it.
    let now = Math.floor(Date.now() / 1000) * 1000;
    server = await createTestServer({ rateLimitPerMinute: 3 }, { now: () => new Date(now) });
    const a = await server.signup('a@x.io');
    const b = await server.signup('b@x.io');
    const list = (token: string) =>
      server.app.inject({ method: 'GET', url: '/api/graphs', headers: server.auth(token) });

    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const response = await list(a.token);
      expect(response.statusCode).toBe(200);
      remaining.push(response.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await list(a.token);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ detail: 'Rate limit exceeded. Please try again later.' });
    expect(limited.headers['x-ratelimit-limit']).toBe('3');
    expect(limited.headers['x-ratelimit-reset']).toBe(String(now / 1000 + 60));
    // Another user has a window of its own.
    expect((await list(b.token)).statusCode).toBe(200);
    // The window slides: a minute later the old requests no longer count.
    now += 61_000;
    expect((await list(a.token)).statusCode).toBe(200);
  });

  it('limits API keys separately from their user', async () => {
    server = await createTestServer({ rateLimitPerMinute: 2 });
    const a = await server.signup('a@x.io');
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: server.auth(a.token),
      payload: { name: 'k', permissions: ['IDENTITY'] },
    });
    const key = created.json<{ plain_text_key: string }>().plain_text_key;
    const me = () =>
      server.app.inject({ method: 'GET', url: '/external-api/v1/me', headers: { 'x-api-key': key } });
    expect((await me()).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(429);
  });
});
