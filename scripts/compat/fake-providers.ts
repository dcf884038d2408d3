import type { FakeHandler } from '../../packages/blocks/src/providers/shared/fake-server';

/**
 * Loopback stand-ins for the HTTP providers the 16 agents call, answering in each provider's documented
 * shape (the same shapes the provider blocks' own tests use).
 */

/** Words every fake transcript contains, so tests can tell an output was derived from one. */
export const TRANSCRIPT_MARK = 'agents are graphs of blocks';

/** Eleven-character ids, as YouTube's are: the search page lists these, the LLM picks the first N. */
export const FAKE_VIDEO_IDS = ['aaaaaaaaaa1', 'bbbbbbbbbb2', 'cccccccccc3', 'dddddddddd4', 'eeeeeeeeee5'];

const jinaSearchResults = [
  '[1] Title: Contact us | Example Corp',
  'URL Source: https://example.com/contact',
  'Description: Write to contact@example.com for any enquiry.',
  '',
  '[2] Title: The July 2024 IT outage explained',
  'URL Source: https://news.example/outage',
  'Description: A faulty update took down millions of Windows machines worldwide.',
].join('\n');

/** Jina on one address, told apart by path as JINA_BASE_URL promises: search `/?q=…`, reader `/<url>`. */
export const jina: FakeHandler = (request) => {
  if (request.path.startsWith('/?q=')) return { body: jinaSearchResults };
  const target = decodeURIComponent(request.path.slice(1));
  if (target.includes('youtube.com/results')) {
    const lines = FAKE_VIDEO_IDS.map(
      (id, i) => `${i + 1}. [Video ${i + 1}](https://www.youtube.com/watch?v=${id})`,
    );
    return { body: `Title: YouTube search\n\nURL Source: ${target}\n\n${lines.join('\n')}` };
  }
  return {
    body: `Title: Home\n\nURL Source: ${target}\n\nMarkdown Content:\n# Build agents\nAutomate tasks with AI.`,
  };
};

/** YouTube as the transcript block sees it: watch page, Innertube player, timedtext track. */
export const youtube: FakeHandler = (request, base) => {
  const videoId = /[?&]v=([\w-]{11})/.exec(request.path)?.[1] ?? 'unknown';
  if (request.path.startsWith('/watch')) {
    return {
      headers: { 'content-type': 'text/html' },
      body: '<script>ytcfg.set({"INNERTUBE_API_KEY": "FAKEKEY"});</script>',
    };
  }
  if (request.path.startsWith('/youtubei/v1/player')) {
    const id = String((JSON.parse(request.text) as { videoId?: unknown }).videoId);
    return {
      body: {
        playabilityStatus: { status: 'OK' },
        captions: {
          playerCaptionsTracklistRenderer: {
            captionTracks: [{ baseUrl: `${base}/api/timedtext?v=${id}&lang=en`, languageCode: 'en' }],
          },
        },
      },
    };
  }
  if (request.path.startsWith('/api/timedtext')) {
    return {
      headers: { 'content-type': 'text/xml' },
      body:
        '<?xml version="1.0" encoding="utf-8" ?><transcript>' +
        `<text start="0" dur="2">Video ${videoId}: ${TRANSCRIPT_MARK}</text>` +
        '<text start="2" dur="2">and the engine runs them &amp;amp; stores every output</text></transcript>',
    };
  }
  return { status: 404, body: 'not found' };
};

/** Ideogram: every generate call answers with a new image URL on this server. */
export function ideogram(): FakeHandler {
  let count = 0;
  return (request, base) => {
    if (request.path !== '/generate') return { status: 404, body: { detail: 'unknown path' } };
    count += 1;
    const url = `${base}/ephemeral/image-${count}.png`;
    return { body: { created: '2025-01-01T00:00:00Z', data: [{ url, seed: count, is_image_safe: true }] } };
  };
}

/** Replicate: a prediction that has already succeeded when created (`Prefer: wait`). */
export const replicate: FakeHandler = (request, base) => {
  if (request.method !== 'POST' || !request.path.endsWith('/predictions')) {
    return { status: 404, body: { detail: 'unknown path' } };
  }
  return {
    status: 201,
    body: { id: 'pred-1', status: 'succeeded', output: `${base}/delivery/flux.png`, error: null },
  };
};

/** Medium: GET /v1/me, POST /v1/users/{id}/posts, each wrapped in `data`. */
export const medium: FakeHandler = (request) => {
  if (request.path === '/v1/me') return { body: { data: { id: 'author-1', username: 'writer' } } };
  if (request.method === 'POST' && /^\/v1\/users\/[^/]+\/posts$/.test(request.path)) {
    return {
      status: 201,
      body: { data: { id: 'post-1', url: 'https://medium.com/@writer/post-1', publishedAt: 1721347200000 } },
    };
  }
  return { status: 404, body: { errors: [{ message: 'unknown path' }] } };
};
