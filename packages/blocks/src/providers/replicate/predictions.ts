import { BlockError } from '@blockloom/sdk';
import { providerBaseUrl } from '../../platform/providers';
import { field, providerFetch, providerJson } from '../shared/http';

const PROVIDER = 'Replicate';
/** Replicate holds a `Prefer: wait` request open up to 60 s; most image models finish inside it. */
const PREFER_WAIT = 'wait';
const POLL_INTERVAL_MS = 1_000;
/** Image models finish in seconds to a few minutes; past this the prediction is cancelled and the run fails. */
const DEFAULT_DEADLINE_MS = 10 * 60_000;

const CANCEL_TIMEOUT_MS = 5_000;

const finalStatuses = ['succeeded', 'failed', 'canceled', 'aborted'] as const;

export interface Prediction {
  id: string;
  status: string;
  output: unknown;
  error: unknown;
}

/** Waits `ms`, or rejects with the run's own abort reason (node's timers reject with a generic AbortError). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function asPrediction(body: unknown): Prediction {
  const id = field(body, 'id');
  const status = field(body, 'status');
  if (typeof id !== 'string' || typeof status !== 'string') {
    throw new BlockError('Replicate sent a malformed prediction (no id or status)');
  }
  return { id, status, output: field(body, 'output'), error: field(body, 'error') };
}

/** Best effort (POST /v1/predictions/{id}/cancel): a failed cancel must not hide why we stopped waiting. */
async function cancelPrediction(target: { base: string; headers: Record<string, string>; id: string }) {
  try {
    await providerFetch({
      provider: PROVIDER,
      url: `${target.base}/predictions/${encodeURIComponent(target.id)}/cancel`,
      method: 'POST',
      headers: target.headers,
      signal: new AbortController().signal,
      timeoutMs: CANCEL_TIMEOUT_MS,
    });
  } catch {
    // Ignored: the original failure is what the user needs to see.
  }
}

export interface RunPredictionOptions {
  apiToken: string;
  /** `owner/name` of an official model, run at its latest version. */
  model: string;
  input: Record<string, unknown>;
  signal: AbortSignal;
  deadlineMs?: number;
  pollIntervalMs?: number;
}

/**
 * Runs a model on Replicate to completion: creates the prediction with `Prefer: wait`, then polls
 * GET /v1/predictions/{id} until it succeeds, fails or is cancelled. Resolves with the output of a
 * successful prediction; a failed one is a BlockError carrying Replicate's error text.
 */
export async function runPrediction(options: RunPredictionOptions): Promise<unknown> {
  const { apiToken, signal } = options;
  const base = `${providerBaseUrl('replicate', 'https://api.replicate.com')}/v1`;
  const headers = { Authorization: `Bearer ${apiToken}` };
  const limitMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadline = Date.now() + limitMs;
  let prediction = asPrediction(
    await providerJson({
      provider: PROVIDER,
      url: `${base}/models/${options.model}/predictions`,
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', Prefer: PREFER_WAIT },
      body: JSON.stringify({ input: options.input }),
      signal,
    }),
  );
  try {
    while (!(finalStatuses as readonly string[]).includes(prediction.status)) {
      if (Date.now() >= deadline) {
        const seconds = Math.round(limitMs / 1000);
        throw new BlockError(`Replicate prediction ${prediction.id} did not finish within ${seconds}s`);
      }
      await sleep(options.pollIntervalMs ?? POLL_INTERVAL_MS, signal);
      prediction = asPrediction(
        await providerJson({
          provider: PROVIDER,
          url: `${base}/predictions/${encodeURIComponent(prediction.id)}`,
          headers,
          signal,
        }),
      );
    }
  } catch (error) {
    // A prediction left running keeps billing the user: stop it when we stop waiting for it.
    await cancelPrediction({ base, headers, id: prediction.id });
    throw error;
  }
  if (prediction.status !== 'succeeded') {
    const reason = typeof prediction.error === 'string' && prediction.error ? `: ${prediction.error}` : '';
    throw new BlockError(`Replicate prediction ${prediction.id} ${prediction.status}${reason}`);
  }
  return prediction.output;
}

/** Image models answer with one URL or a list of them; the block's `result` is the first. */
export function firstOutputUrl(output: unknown): string {
  const first: unknown = Array.isArray(output) ? output[0] : output;
  if (typeof first === 'string' && first) return first;
  throw new BlockError('Replicate sent a prediction without an output URL');
}
