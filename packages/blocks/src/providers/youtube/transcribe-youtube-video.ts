import { credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { userPasswordOf } from '../shared/credentials';
import { fetchTranscript } from './transcript';
import { extractVideoId } from './video-id';
import { webshareProxyUrl } from './webshare';

/** Fetches the captions of a YouTube video as plain text, from YouTube's public caption tracks. */
export const transcribeYouTubeVideoBlock = defineBlock({
  id: 'f3a8f7e1-4b1d-4e5f-9f2a-7c3d5a2e6b4c',
  name: 'TranscribeYouTubeVideoBlock',
  description:
    'Gets the transcript of a YouTube video (English captions preferred, manual over auto-generated), one caption per line.',
  categories: ['SOCIAL'],
  input: z.object({
    youtube_url: z.string().meta({
      description: 'The URL of the video (watch, youtu.be, shorts or embed link).',
      placeholder: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    }),
    // Optional: YouTube often blocks data-centre IPs, and a rotating proxy is the usual way around it.
    credentials: credentialsField({
      providers: ['webshare_proxy'],
      types: ['user_password'],
      description: 'Webshare proxy username and password, to route requests through rotating IPs.',
    }).optional(),
  }),
  output: {
    video_id: z.string().meta({ description: 'The id of the video.' }),
    transcript: z.string().meta({ description: 'The transcript, one caption per line.' }),
  },
  tests: [
    {
      name: 'rejects a URL that is not a YouTube video link',
      input: { youtube_url: 'https://example.com/watch?v=dQw4w9WgXcQ' },
      output: [['error', textContaining('Invalid YouTube URL')]],
    },
    {
      name: 'rejects a YouTube URL without a video id',
      input: { youtube_url: 'https://www.youtube.com/feed/subscriptions' },
      output: [['error', textContaining('Invalid YouTube URL')]],
    },
  ],
  async *run(input, ctx) {
    const videoId = extractVideoId(input.youtube_url);
    if (!videoId) {
      yield ['error', `Invalid YouTube URL: ${input.youtube_url}`];
      return;
    }
    yield ['video_id', videoId];
    const proxy = userPasswordOf(ctx, 'credentials');
    const transcript = await fetchTranscript(videoId, {
      signal: ctx.signal,
      ...(proxy ? { proxyUrl: webshareProxyUrl(proxy) } : {}),
    });
    yield ['transcript', transcript];
  },
});
