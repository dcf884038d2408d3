import { BlockError, credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { apiKeyOf } from '../../providers/shared/credentials';
import { providerJson } from '../../providers/shared/http';
import { envBaseUrl } from '../shared/base-url';
import { asRecord } from '../shared/json';
import { credentialsRef } from '../shared/refs';

/** UNREAL_SPEECH_BASE_URL points the block at another API version, a proxy or a test server. */
export function unrealSpeechBaseUrl(): string {
  return envBaseUrl('UNREAL_SPEECH_BASE_URL', 'https://api.v8.unrealspeech.com');
}

/** Turns text into an MP3 with Unreal Speech's `/speech` endpoint, which stores the file and returns its URL. */
export const unrealTextToSpeechBlock = defineBlock({
  id: '4ff1ff6d-cc40-4caa-ae69-011daa20c378',
  name: 'UnrealTextToSpeechBlock',
  description: 'Converts text to speech with the Unreal Speech API and returns the URL of the MP3 file.',
  categories: ['AI', 'MULTIMEDIA'],
  input: z.object({
    text: z.string().meta({ description: 'The text to speak.', placeholder: 'Hello from Blockloom' }),
    voice_id: z
      .string()
      .default('Scarlett')
      .meta({ description: 'The voice, e.g. Scarlett, Dan, Liv, Will, Amy.' }),
    credentials: credentialsField({
      providers: ['unreal_speech'],
      types: ['api_key'],
      description: 'An Unreal Speech API key (unrealspeech.com → Dashboard).',
    }),
  }),
  output: { mp3_url: z.string().meta({ description: 'The URL of the generated MP3.' }) },
  tests: [
    {
      name: 'refuses empty text before calling Unreal Speech',
      input: { text: '\n', credentials: credentialsRef('unreal_speech') },
      output: [['error', 'The text must not be empty']],
    },
  ],
  async *run(input, ctx) {
    if (!input.text.trim()) {
      yield ['error', 'The text must not be empty'];
      return;
    }
    const answer = asRecord(
      await providerJson({
        provider: 'Unreal Speech',
        url: `${unrealSpeechBaseUrl()}/speech`,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${apiKeyOf(ctx, 'Unreal Speech')}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          Text: input.text,
          VoiceId: input.voice_id,
          Bitrate: '192k',
          Speed: '0',
          Pitch: '1',
          TimestampType: 'sentence',
        }),
        signal: ctx.signal,
      }),
    );
    if (typeof answer.OutputUri !== 'string' || !answer.OutputUri) {
      throw new BlockError('Unreal Speech sent an answer without OutputUri');
    }
    yield ['mp3_url', answer.OutputUri];
  },
});
