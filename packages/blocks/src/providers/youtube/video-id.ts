/** YouTube video ids are 11 characters of the URL-safe base64 alphabet. */
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = /(^|\.)(youtube\.com|youtube-nocookie\.com)$/i;
/** Path forms that carry the id as their second segment: /shorts/ID, /embed/ID, /v/ID, /live/ID, /e/ID. */
const ID_PATH_PREFIXES = new Set(['shorts', 'embed', 'v', 'live', 'e']);

function idOrUndefined(candidate: string | null | undefined): string | undefined {
  return candidate && VIDEO_ID.test(candidate) ? candidate : undefined;
}

/**
 * The video id in a YouTube URL: watch?v=ID, youtu.be/ID, /shorts/ID, /embed/ID, /v/ID, /live/ID, on any
 * youtube host (www., m., music., youtube-nocookie.com), with or without a scheme and extra parameters.
 * A bare 11-character id is accepted as is. Undefined when no id can be found.
 */
export function extractVideoId(input: string): string | undefined {
  const text = input.trim();
  if (VIDEO_ID.test(text)) return text;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  if (host === 'youtu.be' || host === 'www.youtu.be') return idOrUndefined(segments[0]);
  if (!YOUTUBE_HOSTS.test(host)) return undefined;
  const fromQuery = idOrUndefined(url.searchParams.get('v'));
  if (fromQuery) return fromQuery;
  const [first, second] = segments;
  if (first && ID_PATH_PREFIXES.has(first.toLowerCase())) return idOrUndefined(second);
  return undefined;
}
