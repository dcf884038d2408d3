/** One entry of a player response's caption track list. */
export interface CaptionTrack {
  baseUrl: string;
  languageCode: string;
  /** "asr" for auto-generated (speech recognition) tracks; absent for manual ones. */
  kind?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The caption tracks in a player response (`captions.playerCaptionsTracklistRenderer.captionTracks`). */
export function captionTracksOf(playerResponse: unknown): CaptionTrack[] {
  const captions = isRecord(playerResponse) ? playerResponse.captions : undefined;
  const renderer = isRecord(captions) ? captions.playerCaptionsTracklistRenderer : undefined;
  const tracks = isRecord(renderer) ? renderer.captionTracks : undefined;
  if (!Array.isArray(tracks)) return [];
  return tracks.flatMap((track): CaptionTrack[] => {
    if (!isRecord(track) || typeof track.baseUrl !== 'string') return [];
    return [
      {
        baseUrl: track.baseUrl,
        languageCode: typeof track.languageCode === 'string' ? track.languageCode : '',
        ...(typeof track.kind === 'string' ? { kind: track.kind } : {}),
      },
    ];
  });
}

/** English over other languages, then manual over auto-generated; otherwise YouTube's own order. */
export function pickTrack(tracks: readonly CaptionTrack[]): CaptionTrack | undefined {
  const isEnglish = (track: CaptionTrack) => track.languageCode.toLowerCase().startsWith('en');
  const isManual = (track: CaptionTrack) => track.kind !== 'asr';
  return (
    tracks.find((t) => isEnglish(t) && isManual(t)) ??
    tracks.find(isEnglish) ??
    tracks.find(isManual) ??
    tracks[0]
  );
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes XML/HTML character references; YouTube double-escapes some text, hence the second pass. */
function decodeEntities(text: string): string {
  const once = (value: string) =>
    value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return namedEntities[ref.toLowerCase()] ?? whole;
    });
  return once(once(text));
}

/**
 * The lines of a timedtext document: `<text start dur>…</text>` elements (format 1, the default) or
 * `<p t d>…</p>` elements (srv3). Inline markup such as `<font>` is dropped; empty lines are skipped.
 */
export function parseTimedText(xml: string): string[] {
  const elements = [...xml.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)];
  const found = elements.length > 0 ? elements : [...xml.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)];
  return found
    .map((match) => decodeEntities((match[1] ?? '').replace(/<[^>]*>/g, '')).trim())
    .filter((line) => line.length > 0);
}

/**
 * The JSON object assigned to `marker` in a page's script (`ytInitialPlayerResponse = {…};`), found by
 * matching braces outside strings, since the object is followed by more script on the same line.
 */
export function embeddedJson(html: string, marker: string): unknown {
  const at = html.indexOf(marker);
  if (at < 0) return undefined;
  const start = html.indexOf('{', at + marker.length);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < html.length; i++) {
    const char = html[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      try {
        return JSON.parse(html.slice(start, i + 1)) as unknown;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
