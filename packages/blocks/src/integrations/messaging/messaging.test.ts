import { NonRetriableError, RetryAfterError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { useFakeProvider } from '../../providers/shared/fake-server';
import { apiKeyCredentials, runForTest } from '../../providers/shared/test-run';
import { sendDiscordWebhookMessageBlock } from './send-discord-webhook-message';
import { sendSlackWebhookMessageBlock } from './send-slack-webhook-message';
import { sendTelegramMessageBlock } from './send-telegram-message';
import { sendTelegramPhotoBlock } from './send-telegram-photo';

// Each test says which variables point at the fake (the webhook URL or the API base).
const start = useFakeProvider(() => ({}));
const allowLoopback = () => ({ BLOCKLOOM_HTTP_ALLOW_PRIVATE: '127.0.0.1' });

describe('SendSlackWebhookMessageBlock', () => {
  it('posts {text} as JSON to the webhook', async () => {
    const fake = await start(() => ({ body: 'ok' }), allowLoopback);
    const run = await runForTest(sendSlackWebhookMessageBlock, {
      webhook_url: `${fake.url}/services/T/B/secret`,
      text: 'Build *passed*',
    });
    expect(run.outputs).toEqual([['status', 'ok']]);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/services/T/B/secret');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.text ?? '')).toEqual({ text: 'Build *passed*' });
  });

  it('reports Slack’s error text without the secret URL', async () => {
    const fake = await start(() => ({ status: 404, body: 'no_service' }), allowLoopback);
    const run = await runForTest(sendSlackWebhookMessageBlock, {
      webhook_url: `${fake.url}/services/T/B/secret`,
      text: 'hi',
    });
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toBe('Slack rejected the request (HTTP 404): no_service');
  });

  it('does not follow a redirect, nor name the secret path', async () => {
    const fake = await start(
      () => ({ status: 302, headers: { location: 'http://127.0.0.1:1/x' } }),
      allowLoopback,
    );
    const run = await runForTest(sendSlackWebhookMessageBlock, {
      webhook_url: `${fake.url}/services/T/B/secret`,
      text: 'hi',
    });
    expect((run.error as Error).message).toContain('Too many redirects');
    expect((run.error as Error).message).not.toContain('secret');
  });

  it('goes through the SSRF guard', async () => {
    const fake = await start(
      () => ({ body: 'ok' }),
      () => ({ BLOCKLOOM_HTTP_ALLOW_PRIVATE: undefined }),
    );
    const run = await runForTest(sendSlackWebhookMessageBlock, {
      webhook_url: `${fake.url}/hook`,
      text: 'hi',
    });
    expect((run.error as Error).message).toContain('Refused to connect');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('SendDiscordWebhookMessageBlock', () => {
  it('posts with wait=true and returns the created message', async () => {
    const fake = await start(
      () => ({ body: { id: '111', channel_id: '222', content: 'hi' } }),
      allowLoopback,
    );
    const run = await runForTest(sendDiscordWebhookMessageBlock, {
      webhook_url: `${fake.url}/api/webhooks/1/tok`,
      content: 'hi @everyone',
      username: 'Blockloom',
    });
    expect(run.outputs).toEqual([
      ['message_id', '111'],
      ['channel_id', '222'],
    ]);
    expect(fake.requests[0]?.path).toBe('/api/webhooks/1/tok?wait=true');
    expect(JSON.parse(fake.requests[0]?.text ?? '')).toEqual({
      content: 'hi @everyone',
      username: 'Blockloom',
      allowed_mentions: { parse: [] },
    });
  });

  it('maps Discord’s 429 to a retry after its delay', async () => {
    const fake = await start(
      () => ({
        status: 429,
        headers: { 'retry-after': '2' },
        body: { message: 'You are being rate limited.' },
      }),
      allowLoopback,
    );
    const run = await runForTest(sendDiscordWebhookMessageBlock, {
      webhook_url: `${fake.url}/api/webhooks/1/tok`,
      content: 'hi',
    });
    expect(run.error).toBeInstanceOf(RetryAfterError);
    expect((run.error as RetryAfterError).retryAfterMs).toBe(2000);
  });
});

describe('SendTelegramMessageBlock', () => {
  const { ref, resolved } = apiKeyCredentials('telegram', '123:ABC');

  it('calls sendMessage with the token in the path', async () => {
    const fake = await start(
      () => ({ body: { ok: true, result: { message_id: 5, chat: { id: -100 }, date: 1 } } }),
      (url) => ({ TELEGRAM_BASE_URL: url }),
    );
    const run = await runForTest(
      sendTelegramMessageBlock,
      { credentials: ref, chat_id: '@news', text: '<b>hi</b>', parse_mode: 'HTML' },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['message_id', 5],
      ['chat_id', -100],
    ]);
    expect(fake.requests[0]?.path).toBe('/bot123%3AABC/sendMessage');
    expect(JSON.parse(fake.requests[0]?.text ?? '')).toEqual({
      chat_id: '@news',
      text: '<b>hi</b>',
      parse_mode: 'HTML',
      disable_notification: false,
    });
  });

  it('maps an unauthorized token to a non-retriable error', async () => {
    await start(
      () => ({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } }),
      (url) => ({ TELEGRAM_BASE_URL: url }),
    );
    const run = await runForTest(
      sendTelegramMessageBlock,
      { credentials: ref, chat_id: '1', text: 'hi' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toContain('Telegram refused the API key (HTTP 401)');
  });

  it('refuses an answer without ok', async () => {
    await start(
      () => ({ body: { ok: false } }),
      (url) => ({ TELEGRAM_BASE_URL: url }),
    );
    const run = await runForTest(
      sendTelegramMessageBlock,
      { credentials: ref, chat_id: '1', text: 'hi' },
      { credentials: resolved },
    );
    expect((run.error as Error).message).toBe('Telegram sent a malformed sendMessage answer');
  });
});

describe('SendTelegramPhotoBlock', () => {
  const { ref, resolved } = apiKeyCredentials('telegram', '123:ABC');

  it('calls sendPhoto with the URL and caption', async () => {
    const fake = await start(
      () => ({ body: { ok: true, result: { message_id: 9, chat: { id: 77 }, photo: [] } } }),
      (url) => ({ TELEGRAM_BASE_URL: url }),
    );
    const run = await runForTest(
      sendTelegramPhotoBlock,
      {
        credentials: ref,
        chat_id: '77',
        photo_url: 'https://replicate.delivery/a.png',
        caption: '*New*',
        parse_mode: 'MarkdownV2',
      },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['message_id', 9],
      ['chat_id', 77],
    ]);
    expect(fake.requests[0]?.path).toBe('/bot123%3AABC/sendPhoto');
    expect(JSON.parse(fake.requests[0]?.text ?? '')).toEqual({
      chat_id: '77',
      photo: 'https://replicate.delivery/a.png',
      caption: '*New*',
      parse_mode: 'MarkdownV2',
    });
  });

  it('quotes Telegram’s reason for a bad request', async () => {
    await start(
      () => ({
        status: 400,
        body: {
          ok: false,
          error_code: 400,
          description: 'Bad Request: wrong file identifier/HTTP URL specified',
        },
      }),
      (url) => ({ TELEGRAM_BASE_URL: url }),
    );
    const run = await runForTest(
      sendTelegramPhotoBlock,
      { credentials: ref, chat_id: '1', photo_url: 'https://example.com/missing.png' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toContain('wrong file identifier');
  });
});
