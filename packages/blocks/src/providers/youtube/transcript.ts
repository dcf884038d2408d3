import { BlockError, NonRetriableError } from '@blockloom/sdk';
import { field, providerFetch, type ProviderRequest } from '../shared/http';
import { captionTracksOf, embeddedJson, parseTimedText, pickTrack } from './captions';

const PROVIDER = 'YouTube';
/**
 * The player endpoint answers the Android app with caption URLs that work without the web player's
 * proof-of-origin token (public transcript libraries do the same). The version must be one YouTube still
 * accepts; when it stops, the page's own player response is the fallback.
 */
const INNERTUBE_CLIENT = { clientName: 'ANDROID', clientVersion: '20.10.38' } as const;
const BROWSER_HEADERS = {
  'Accept-Language': 'en-US,en;q=0.9',
  'User-Agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  // Skips the EU cookie-consent interstitial, which has no player data.
  Cookie: 'CONSENT=YES+cb',
} as const;

/** `YOUTUBE_BASE_URL` points the block at a mirror or a test server; default https://www.youtube.com. */
export function youtubeBaseUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return (env.YOUTUBE_BASE_URL?.trim() || 'https://www.youtube.com').replace(/\/+$/, '');
}

export interface TranscriptOptions {
  signal: AbortSignal;
  /** An HTTP proxy URL (with credentials) to send every request through. */
  proxyUrl?: string;
}

type Call = Omit<ProviderRequest, 'provider' | 'signal' | 'keyless' | 'proxyUrl'>;

const blockedMessage =
  'YouTube is blocking transcript requests from this server (bot check). Try again later, or use a Webshare proxy.';

/** The player response: from the Innertube API when the page names its key, else embedded in the page. */
async function playerResponse(videoId: string, send: (call: Call) => Promise<Response>): Promise<unknown> {
  const base = youtubeBaseUrl();
  const page = await (await send({ url: `${base}/watch?v=${videoId}`, headers: BROWSER_HEADERS })).text();
  if (page.includes('class="g-recaptcha"')) throw new BlockError(blockedMessage);
  const apiKey = /"INNERTUBE_API_KEY":\s*"([^"]+)"/.exec(page)?.[1];
  if (!apiKey) return embeddedJson(page, 'ytInitialPlayerResponse');
  const response = await send({
    url: `${base}/youtubei/v1/player?key=${encodeURIComponent(apiKey)}`,
    method: 'POST',
    headers: { ...BROWSER_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify({ context: { client: INNERTUBE_CLIENT }, videoId }),
  });
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch (error) {
    throw new BlockError('YouTube sent a malformed player response (not JSON)', { cause: error });
  }
}

/** Why a video has no caption tracks, from its playability status. */
function noTracksError(videoId: string, player: unknown): BlockError {
  const playability = field(player, 'playabilityStatus');
  const status = field(playability, 'status');
  const reason = field(playability, 'reason');
  const because = typeof reason === 'string' && reason ? `: ${reason}` : '';
  if (status === 'LOGIN_REQUIRED' && typeof reason === 'string' && /bot/i.test(reason)) {
    return new BlockError(blockedMessage);
  }
  if (typeof status === 'string' && status !== 'OK') {
    return new NonRetriableError(`YouTube video ${videoId} is unavailable (${status})${because}`);
  }
  if (player === undefined) return new BlockError(`YouTube sent no player data for video ${videoId}`);
  return new NonRetriableError(`No transcript is available for YouTube video ${videoId} (captions are off)`);
}

/**
 * The transcript of a video as text, one caption per line: (1) the watch page, (2) its player response's
 * caption track list, (3) the preferred track (English, manual over auto-generated) as timedtext XML.
 */
export async function fetchTranscript(videoId: string, options: TranscriptOptions): Promise<string> {
  const send = (call: Call) =>
    providerFetch({
      provider: PROVIDER,
      keyless: true,
      signal: options.signal,
      ...(options.proxyUrl ? { proxyUrl: options.proxyUrl } : {}),
      ...call,
    });
  const player = await playerResponse(videoId, send);
  const track = pickTrack(captionTracksOf(player));
  if (!track) throw noTracksError(videoId, player);
  const url = new URL(track.baseUrl, `${youtubeBaseUrl()}/`);
  // Without `fmt` YouTube serves the plain <text> format that parseTimedText reads best.
  url.searchParams.delete('fmt');
  const xml = await (await send({ url: url.toString(), headers: BROWSER_HEADERS })).text();
  const lines = parseTimedText(xml);
  if (lines.length === 0) throw new BlockError(`YouTube returned an empty transcript for video ${videoId}`);
  return lines.join('\n');
}
