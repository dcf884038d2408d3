import { NonRetriableError, RetryAfterError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { setEnv, useFakeProvider } from '../../providers/shared/fake-server';
import { apiKeyCredentials, runForTest } from '../../providers/shared/test-run';
import { unrealSpeechBaseUrl, unrealTextToSpeechBlock } from './unreal-text-to-speech';

const { ref, resolved } = apiKeyCredentials('unreal_speech', 'us-key');
const startUnreal = useFakeProvider((url) => ({ UNREAL_SPEECH_BASE_URL: url }));

describe('UnrealTextToSpeechBlock', () => {
  it('posts the text and voice and yields the MP3 URL', async () => {
    const fake = await startUnreal(() => ({
      body: { OutputUri: 'https://unreal-tts-live-demo.s3.amazonaws.com/abc.mp3', TaskStatus: 'completed' },
    }));
    const run = await runForTest(
      unrealTextToSpeechBlock,
      { text: 'Hello', voice_id: 'Dan', credentials: ref },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([['mp3_url', 'https://unreal-tts-live-demo.s3.amazonaws.com/abc.mp3']]);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/speech');
    expect(request?.headers.authorization).toBe('Bearer us-key');
    expect(JSON.parse(request?.text ?? '')).toEqual({
      Text: 'Hello',
      VoiceId: 'Dan',
      Bitrate: '192k',
      Speed: '0',
      Pitch: '1',
      TimestampType: 'sentence',
    });
  });

  it('maps a refused key and a rate limit', async () => {
    await startUnreal(() => ({ status: 401, body: { message: 'Unauthorized' } }));
    const refused = await runForTest(
      unrealTextToSpeechBlock,
      { text: 'x', credentials: ref },
      { credentials: resolved },
    );
    expect(refused.error).toBeInstanceOf(NonRetriableError);
    expect((refused.error as Error).message).toContain('Unreal Speech refused the API key (HTTP 401)');
    await startUnreal(() => ({ status: 429, headers: { 'retry-after': '5' }, body: {} }));
    const limited = await runForTest(
      unrealTextToSpeechBlock,
      { text: 'x', credentials: ref },
      { credentials: resolved },
    );
    expect(limited.error).toBeInstanceOf(RetryAfterError);
  });

  it('refuses an answer without a file', async () => {
    await startUnreal(() => ({ body: { TaskStatus: 'failed' } }));
    const run = await runForTest(
      unrealTextToSpeechBlock,
      { text: 'x', credentials: ref },
      { credentials: resolved },
    );
    expect((run.error as Error).message).toBe('Unreal Speech sent an answer without OutputUri');
  });

  it('defaults to the public v8 API', () => {
    const restore = setEnv({ UNREAL_SPEECH_BASE_URL: undefined });
    try {
      expect(unrealSpeechBaseUrl()).toBe('https://api.v8.unrealspeech.com');
    } finally {
      restore();
    }
  });
});
