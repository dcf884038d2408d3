import { BlockError, NonRetriableError, RetryAfterError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { startFakeServer } from './fake-server';
import { providerFetch, providerHttpError, providerJson, retryAfterMs } from './http';

const signal = new AbortController().signal;

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, with a default for anything else', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('12', now)).toBe(12_000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBe(30_000);
  });
});

describe('providerHttpError', () => {
  const error = (status: number, body = '', keyless = false) =>
    providerHttpError({ provider: 'Acme', keyless }, { status, retryAfter: '3' }, body);

  it('classifies by status', () => {
    expect(error(401)).toBeInstanceOf(NonRetriableError);
    expect(error(403).message).toBe('Acme refused the API key (HTTP 403). Check the Acme credentials.');
    expect(error(403, '', true).message).toBe('Acme refused the request (HTTP 403)');
    expect(error(429)).toBeInstanceOf(RetryAfterError);
    expect((error(429) as RetryAfterError).retryAfterMs).toBe(3000);
    expect(error(422)).toBeInstanceOf(NonRetriableError);
    expect(error(502)).not.toBeInstanceOf(NonRetriableError);
    expect(error(502).code).toBe('BLOCK_ERROR');
  });

  it('quotes the useful part of the body, shortened', () => {
    expect(error(400, '{"detail":"bad prompt"}').message).toBe(
      'Acme rejected the request (HTTP 400): bad prompt',
    );
    expect(error(400, '{"error":{"code":1}}').message).toContain('{"code":1}');
    expect(error(500, 'x'.repeat(1000)).message.length).toBeLessThan(400);
  });
});

describe('providerFetch', () => {
  it('names the provider when it cannot be reached', async () => {
    const server = await startFakeServer(() => ({}));
    const url = server.url;
    await server.close();
    const failure = providerFetch({ provider: 'Acme', url, signal });
    await expect(failure).rejects.toBeInstanceOf(BlockError);
    await expect(failure).rejects.toThrow(/^Could not reach Acme: /);
  });

  it('gives up after its own timeout', async () => {
    const server = await startFakeServer(() => new Promise(() => undefined));
    try {
      await expect(
        providerFetch({ provider: 'Acme', url: server.url, signal, timeoutMs: 50 }),
      ).rejects.toThrow('Acme did not answer in time');
    } finally {
      await server.close();
    }
  });

  it('rethrows the run’s own cancellation unchanged', async () => {
    const server = await startFakeServer(() => new Promise(() => undefined));
    const controller = new AbortController();
    const reason = new Error('cancelled by user');
    try {
      const pending = providerFetch({ provider: 'Acme', url: server.url, signal: controller.signal });
      setTimeout(() => controller.abort(reason), 20);
      await expect(pending).rejects.toBe(reason);
    } finally {
      await server.close();
    }
  });

  it('refuses a malformed JSON answer', async () => {
    const server = await startFakeServer(() => ({ body: '<html>' }));
    try {
      await expect(providerJson({ provider: 'Acme', url: server.url, signal })).rejects.toThrow(
        'Acme sent a malformed response (not JSON)',
      );
    } finally {
      await server.close();
    }
  });
});
