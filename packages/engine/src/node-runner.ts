import {
  BlockTimeoutError,
  NonRetriableError,
  addStats,
  errorMessage,
  executeBlock,
  isRetriable,
  RetryAfterError,
  type AnyBlock,
  type BlockContext,
  type Credentials,
  type CredentialsMeta,
} from '@blockloom/sdk';
import type { CredentialVault } from './ports/vault';

export type NodeOutcome =
  { status: 'COMPLETED' } | { status: 'FAILED'; error: string } | { status: 'TERMINATED' };

/** Thrown inside a node when the run it belongs to is cancelled. */
class RunCancelled extends Error {
  constructor() {
    super('Execution was cancelled');
  }
}

function isCredentialsMeta(value: unknown): value is CredentialsMeta {
  return typeof value === 'object' && value !== null && typeof (value as CredentialsMeta).id === 'string';
}

/**
 * Resolves each credentials field of the input to the secret, for the run's user (internals §3.7 step 2).
 * Returns undefined for a field left empty.
 */
export async function resolveCredentials(
  block: AnyBlock,
  input: Record<string, unknown>,
  owner: { vault: CredentialVault; userId: string },
): Promise<Record<string, Credentials>> {
  const { vault, userId } = owner;
  const resolved: Record<string, Credentials> = {};
  for (const field of block.credentialsFields) {
    const ref = input[field];
    if (ref === undefined || ref === null) continue;
    if (!isCredentialsMeta(ref))
      throw new NonRetriableError(`Invalid credentials: ${field} is not a credentials reference`);
    const credentials = await vault.get(userId, ref.id);
    if (!credentials) throw new NonRetriableError(`Unknown credentials #${ref.id}`);
    if (credentials.provider !== ref.provider || credentials.type !== ref.type) {
      throw new NonRetriableError('Invalid credentials: type/provider mismatch');
    }
    resolved[field] = credentials;
  }
  return resolved;
}

/** Iterates a generator until done, or until `signal` aborts: then the generator is told to return. */
async function drain<T>(
  generator: AsyncGenerator<T, void, undefined>,
  signal: AbortSignal,
  onItem: (item: T) => Promise<void>,
): Promise<void> {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    for (;;) {
      const next = await Promise.race([generator.next(), aborted]);
      if (next.done) return;
      await onItem(next.value);
      if (signal.aborted) throw signal.reason;
    }
  } catch (error) {
    // Let the block clean up (finally blocks, open sockets) without waiting for it.
    generator.return(undefined).catch(() => undefined);
    throw error;
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const DEFAULT_BACKOFF_MS = 1000;
const RETRY_AFTER_ATTEMPTS = 3;

/**
 * Runs one block for one node execution: the wall-clock cap, cancellation, and retries (only while nothing was
 * yielded, so no output is delivered twice). Every outcome is data; the caller records it.
 */
export async function runNodeBlock(args: {
  block: AnyBlock;
  input: Record<string, unknown>;
  inputDefault: Record<string, unknown>;
  context: Omit<BlockContext, 'signal' | 'stats'>;
  runSignal: AbortSignal;
  timeoutSeconds: number | null;
  stats: Record<string, number>;
  emit: (pin: string, value: unknown) => Promise<void>;
}): Promise<NodeOutcome> {
  const { block, runSignal } = args;
  const budget = block.retry?.attempts ?? 0;
  for (let attempt = 0; ; attempt++) {
    if (runSignal.aborted) return { status: 'TERMINATED' };
    const controller = new AbortController();
    const onRunAbort = () => controller.abort(new RunCancelled());
    runSignal.addEventListener('abort', onRunAbort, { once: true });
    const timer =
      args.timeoutSeconds === null
        ? undefined
        : setTimeout(
            () => controller.abort(new BlockTimeoutError(args.timeoutSeconds as number)),
            args.timeoutSeconds * 1000,
          );
    let yielded = 0;
    try {
      const ctx: BlockContext = {
        ...args.context,
        signal: controller.signal,
        stats: { add: (delta) => addStats(args.stats, delta) },
      };
      await drain(
        executeBlock(block, { data: args.input, ctx, inputDefault: args.inputDefault }),
        controller.signal,
        async ([pin, value]) => {
          yielded++;
          await args.emit(pin, value);
        },
      );
      return { status: 'COMPLETED' };
    } catch (error) {
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : error;
      if (reason instanceof RunCancelled) return { status: 'TERMINATED' };
      if (reason instanceof BlockTimeoutError) return { status: 'FAILED', error: reason.message };
      const retryAfter = reason instanceof RetryAfterError;
      const canRetry =
        yielded === 0 && isRetriable(reason) && attempt < (retryAfter ? RETRY_AFTER_ATTEMPTS : budget);
      if (!canRetry) return { status: 'FAILED', error: errorMessage(reason) };
      addStats(args.stats, { retry_count: 1 });
      const delay = retryAfter
        ? reason.retryAfterMs
        : (block.retry?.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** attempt;
      try {
        await sleep(delay, runSignal);
      } catch {
        return { status: 'TERMINATED' };
      }
    } finally {
      if (timer) clearTimeout(timer);
      runSignal.removeEventListener('abort', onRunAbort);
    }
  }
}
