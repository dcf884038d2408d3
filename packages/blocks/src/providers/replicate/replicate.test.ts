import { BlockError, NonRetriableError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { type FakeHandler, useFakeProvider } from '../shared/fake-server';
import { apiKeyCredentials, runForTest } from '../shared/test-run';
import { replicateFluxAdvancedModelBlock } from './flux-advanced-model';
import { runPrediction } from './predictions';

const { ref, resolved } = apiKeyCredentials('replicate', 'r8_token');
const startReplicate = useFakeProvider((url) => ({ REPLICATE_BASE_URL: url }));

/** A Replicate that reports `statuses` in turn: the create call gets the first, each poll the next. */
function replicateWith(statuses: Array<{ status: string; output?: unknown; error?: string }>): FakeHandler {
  let step = 0;
  return (request) => {
    if (request.path.endsWith('/cancel')) return { body: { id: 'p1', status: 'canceled' } };
    const current = statuses[Math.min(step++, statuses.length - 1)];
    return { status: step === 1 ? 201 : 200, body: { id: 'p1', output: null, error: null, ...current } };
  };
}

const poll = { apiToken: 'r8_token', model: 'black-forest-labs/flux-schnell', input: { prompt: 'x' } };

describe('ReplicateFluxAdvancedModelBlock', () => {
  it('runs the flux agent’s node on the chosen model with Prefer: wait', async () => {
    const fake = await startReplicate(
      replicateWith([{ status: 'succeeded', output: 'https://replicate.delivery/out.png' }]),
    );
    const run = await runForTest(
      replicateFluxAdvancedModelBlock,
      {
        credentials: ref,
        prompt: 'dog',
        output_format: 'png',
        replicate_model_name: 'Flux Pro 1.1',
        seed: 3,
      },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([['result', 'https://replicate.delivery/out.png']]);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/models/black-forest-labs/flux-1.1-pro/predictions');
    expect(request?.headers.authorization).toBe('Bearer r8_token');
    expect(request?.headers.prefer).toBe('wait');
    expect(JSON.parse(request?.text ?? '')).toEqual({
      input: {
        prompt: 'dog',
        seed: 3,
        steps: 25,
        guidance: 3,
        interval: 2,
        aspect_ratio: '1:1',
        output_format: 'png',
        output_quality: 80,
        safety_tolerance: 2,
      },
    });
  });

  it('refuses a bad token without retrying', async () => {
    await startReplicate(() => ({ status: 401, body: { detail: 'Invalid token.' } }));
    const run = await runForTest(
      replicateFluxAdvancedModelBlock,
      { credentials: ref, prompt: 'x' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toContain(
      'Replicate refused the API key (HTTP 401): Invalid token.',
    );
  });
});

describe('runPrediction', () => {
  it('polls GET /v1/predictions/{id} until the prediction succeeds, taking the first of a list', async () => {
    const fake = await startReplicate(
      replicateWith([
        { status: 'starting' },
        { status: 'processing' },
        { status: 'succeeded', output: ['a.webp', 'b.webp'] },
      ]),
    );
    const output = await runPrediction({ ...poll, signal: new AbortController().signal, pollIntervalMs: 1 });
    expect(output).toEqual(['a.webp', 'b.webp']);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/models/black-forest-labs/flux-schnell/predictions',
      'GET /v1/predictions/p1',
      'GET /v1/predictions/p1',
    ]);
    expect(fake.requests[1]?.headers.authorization).toBe('Bearer r8_token');
  });

  it('fails with Replicate’s error text when the prediction fails', async () => {
    await startReplicate(
      replicateWith([{ status: 'processing' }, { status: 'failed', error: 'NSFW content detected' }]),
    );
    const failure = runPrediction({ ...poll, signal: new AbortController().signal, pollIntervalMs: 1 });
    await expect(failure).rejects.toThrow('Replicate prediction p1 failed: NSFW content detected');
  });

  it('cancels the prediction when the run is cancelled while polling', async () => {
    const fake = await startReplicate(replicateWith([{ status: 'processing' }]));
    const controller = new AbortController();
    const waiting = runPrediction({ ...poll, signal: controller.signal, pollIntervalMs: 5 });
    // Abort once a poll has gone out: only then does the client know the prediction's id to cancel.
    while (!fake.requests.some((request) => request.method === 'GET')) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    controller.abort(new Error('run cancelled'));
    await expect(waiting).rejects.toThrow('run cancelled');
    expect(fake.requests.map((request) => request.path)).toContain('/v1/predictions/p1/cancel');
  });

  it('gives up and cancels at the deadline', async () => {
    const fake = await startReplicate(replicateWith([{ status: 'processing' }]));
    const failure = runPrediction({
      ...poll,
      signal: new AbortController().signal,
      pollIntervalMs: 1,
      deadlineMs: 30,
    });
    await expect(failure).rejects.toBeInstanceOf(BlockError);
    await expect(failure).rejects.toThrow(/did not finish within 0s/);
    expect(fake.requests.at(-1)?.path).toBe('/v1/predictions/p1/cancel');
  });

  it('rejects a malformed prediction', async () => {
    await startReplicate(() => ({ status: 201, body: { hello: 'world' } }));
    await expect(runPrediction({ ...poll, signal: new AbortController().signal })).rejects.toThrow(
      'Replicate sent a malformed prediction (no id or status)',
    );
  });
});
