import { BlockError, NonRetriableError, RetryAfterError } from '@blockloom/sdk';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { setEnv, type FakeHandler, useFakeProvider } from '../shared/fake-server';
import { runForTest } from '../shared/test-run';
import { transcribeYouTubeVideoBlock } from './transcribe-youtube-video';

const ID = 'dQw4w9WgXcQ';

const timedText =
  '<?xml version="1.0" encoding="utf-8" ?><transcript><text start="0" dur="2">Never gonna give you up</text>' +
  '<text start="2" dur="2">never gonna let you down &amp;amp; more</text></transcript>';

function playerWithTracks(base: string) {
  const url = (lang: string, kind: string) =>
    `${base}/api/timedtext?v=${ID}&lang=${lang}&kind=${kind}&fmt=srv3`;
  return {
    playabilityStatus: { status: 'OK' },
    captions: {
      playerCaptionsTracklistRenderer: {
        captionTracks: [
          { baseUrl: url('de', 'manual'), languageCode: 'de' },
          { baseUrl: url('en', 'asr'), languageCode: 'en', kind: 'asr' },
          { baseUrl: url('en', 'manual'), languageCode: 'en' },
        ],
      },
    },
  };
}

/** YouTube as transcript libraries see it: the watch page, the Innertube player API, the timedtext track. */
function youtube(
  options: { page?: (base: string) => string; player?: (base: string) => unknown } = {},
): FakeHandler {
  return (request, base) => {
    if (request.path.startsWith('/watch')) {
      return {
        headers: { 'content-type': 'text/html' },
        body: options.page?.(base) ?? '<script>ytcfg.set({"INNERTUBE_API_KEY": "KEY123"});</script>',
      };
    }
    if (request.path.startsWith('/youtubei/v1/player'))
      return { body: options.player?.(base) ?? playerWithTracks(base) };
    if (request.path.startsWith('/api/timedtext'))
      return { headers: { 'content-type': 'text/xml' }, body: timedText };
    return { status: 404, body: 'not found' };
  };
}

const startYouTube = useFakeProvider((url) => ({ YOUTUBE_BASE_URL: url }));

describe('TranscribeYouTubeVideoBlock', () => {
  it('reads the caption list through the player API and fetches the manual English track', async () => {
    const fake = await startYouTube(youtube());
    const run = await runForTest(transcribeYouTubeVideoBlock, {
      youtube_url: `https://youtu.be/${ID}?si=abc`,
    });
    expect(run.outputs).toEqual([
      ['video_id', ID],
      ['transcript', 'Never gonna give you up\nnever gonna let you down & more'],
    ]);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /watch?v=${ID}`,
      'POST /youtubei/v1/player?key=KEY123',
      `GET /api/timedtext?v=${ID}&lang=en&kind=manual`,
    ]);
    expect(fake.requests[0]?.headers['accept-language']).toMatch(/^en-US/);
    expect(JSON.parse(fake.requests[1]?.text ?? '')).toEqual({
      context: { client: { clientName: 'ANDROID', clientVersion: expect.any(String) } },
      videoId: ID,
    });
  });

  it('falls back to the player response embedded in the page', async () => {
    const fake = await startYouTube(
      youtube({
        page: (base) =>
          `<script>var ytInitialPlayerResponse = ${JSON.stringify(playerWithTracks(base))};var meta = {};</script>`,
      }),
    );
    const run = await runForTest(transcribeYouTubeVideoBlock, {
      youtube_url: `https://www.youtube.com/shorts/${ID}`,
    });
    expect(run.outputs.at(-1)?.[0]).toBe('transcript');
    expect(fake.requests.map((request) => request.path.split('?')[0])).toEqual(['/watch', '/api/timedtext']);
  });

  it('says when a video has no captions', async () => {
    await startYouTube(youtube({ player: () => ({ playabilityStatus: { status: 'OK' } }) }));
    const run = await runForTest(transcribeYouTubeVideoBlock, { youtube_url: ID });
    expect(run.outputs).toEqual([['video_id', ID]]);
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toBe(
      `No transcript is available for YouTube video ${ID} (captions are off)`,
    );
  });

  it('passes on why a video is unavailable', async () => {
    await startYouTube(
      youtube({
        player: () => ({ playabilityStatus: { status: 'ERROR', reason: 'This video is private' } }),
      }),
    );
    const run = await runForTest(transcribeYouTubeVideoBlock, { youtube_url: ID });
    expect((run.error as Error).message).toBe(
      `YouTube video ${ID} is unavailable (ERROR): This video is private`,
    );
  });

  it('recognises YouTube’s bot wall as a retriable block, suggesting the proxy', async () => {
    await startYouTube(youtube({ page: () => '<form><div class="g-recaptcha"></div></form>' }));
    const run = await runForTest(transcribeYouTubeVideoBlock, { youtube_url: ID });
    expect(run.error).toBeInstanceOf(BlockError);
    expect((run.error as BlockError).code).toBe('BLOCK_ERROR');
    expect((run.error as Error).message).toContain('Webshare proxy');
  });

  it('maps YouTube’s 429 to a retry after its delay', async () => {
    await startYouTube(() => ({ status: 429, headers: { 'retry-after': '5' }, body: 'Too Many Requests' }));
    const run = await runForTest(transcribeYouTubeVideoBlock, { youtube_url: ID });
    expect(run.error).toBeInstanceOf(RetryAfterError);
    expect((run.error as RetryAfterError).retryAfterMs).toBe(5000);
  });

  it('fails clearly on a malformed player answer', async () => {
    await startYouTube(youtube({ player: () => 'garbage' }));
    const run = await runForTest(transcribeYouTubeVideoBlock, { youtube_url: ID });
    expect((run.error as Error).message).toBe('YouTube sent a malformed player response (not JSON)');
  });
});

describe('Webshare proxy', () => {
  let proxy: Server | undefined;
  afterEach(async () => {
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
    proxy = undefined;
  });

  it('tunnels every request through the proxy with the rotating username', async () => {
    const fake = await startYouTube(youtube());
    const seen: { target: string; auth: string | undefined }[] = [];
    proxy = createServer((_req, res) => res.writeHead(405).end());
    // An HTTP CONNECT proxy, as Webshare's endpoint is: record, then splice the tunnel to the target.
    proxy.on('connect', (req, socket, head) => {
      seen.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] });
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy?.listen(0, '127.0.0.1', resolve));
    const proxyPort = (proxy.address() as AddressInfo).port;
    const restoreProxy = setEnv({ WEBSHARE_PROXY_URL: `http://127.0.0.1:${proxyPort}` });
    try {
      const credentials = {
        id: 'ws',
        provider: 'webshare_proxy',
        type: 'user_password' as const,
        username: 'alice',
        password: 'p@ss',
      };
      const run = await runForTest(
        transcribeYouTubeVideoBlock,
        { youtube_url: ID, credentials: { id: 'ws', provider: 'webshare_proxy', type: 'user_password' } },
        { credentials: { credentials } },
      );
      expect(run.error).toBeUndefined();
      expect(run.outputs.at(-1)?.[0]).toBe('transcript');
      expect(fake.requests).toHaveLength(3);
      expect(seen.length).toBeGreaterThan(0);
      const expectedAuth = `Basic ${Buffer.from('alice-rotate:p@ss').toString('base64')}`;
      for (const entry of seen) {
        expect(entry.target).toBe(new URL(fake.url).host);
        expect(entry.auth).toBe(expectedAuth);
      }
    } finally {
      restoreProxy();
    }
  });
});
