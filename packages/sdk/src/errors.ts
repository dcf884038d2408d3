/**
 * Errors a block may throw, each with a stable code and a retry meaning (style guide §5-6).
 *
 * - `BlockError`: the block failed for this input. The node fails; the engine retries it only when the block
 *   declares `retry` and nothing was yielded yet.
 * - `NonRetriableError`: the block failed and a retry can't help (bad credentials, a 4xx). Never retried.
 * - `RetryAfterError`: a transient failure (a 429, a 503): the engine retries after `retryAfterMs` while the
 *   block's retry budget lasts.
 *
 * Whatever a block throws becomes data: the node ends FAILED with an `error` output carrying the message.
 */
export const blockErrorCodes = [
  'BLOCK_ERROR',
  'BLOCK_NON_RETRIABLE',
  'BLOCK_RETRY_AFTER',
  'BLOCK_INPUT_INVALID',
  'BLOCK_OUTPUT_INVALID',
  'BLOCK_TIMEOUT',
  'BLOCK_UNKNOWN_ERROR',
] as const;
export type BlockErrorCode = (typeof blockErrorCodes)[number];

export class BlockError extends Error {
  readonly code: BlockErrorCode;
  constructor(message: string, options?: { cause?: unknown; code?: BlockErrorCode }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BlockError';
    this.code = options?.code ?? 'BLOCK_ERROR';
  }
}

export class NonRetriableError extends BlockError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { ...options, code: 'BLOCK_NON_RETRIABLE' });
    this.name = 'NonRetriableError';
  }
}

export class RetryAfterError extends BlockError {
  readonly retryAfterMs: number;
  constructor(message: string, options: { retryAfterMs: number; cause?: unknown }) {
    super(message, { cause: options.cause, code: 'BLOCK_RETRY_AFTER' });
    this.name = 'RetryAfterError';
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The input did not satisfy the block's schema (AutoGPT's `BlockInputError`). */
export class BlockInputError extends BlockError {
  readonly issues: readonly { field: string; message: string }[];
  constructor(message: string, issues: readonly { field: string; message: string }[]) {
    super(message, { code: 'BLOCK_INPUT_INVALID' });
    this.name = 'BlockInputError';
    this.issues = issues;
  }
}

/** The block yielded a pin it does not declare, or a value its schema refuses (AutoGPT's `BlockOutputError`). */
export class BlockOutputError extends BlockError {
  constructor(message: string) {
    super(message, { code: 'BLOCK_OUTPUT_INVALID' });
    this.name = 'BlockOutputError';
  }
}

/** The block's wall-clock cap ran out. */
export class BlockTimeoutError extends BlockError {
  constructor(seconds: number) {
    super(`Node execution exceeded ${seconds}s wall-clock cap`, { code: 'BLOCK_TIMEOUT' });
    this.name = 'BlockTimeoutError';
  }
}

/** Thrown by `defineBlock` when a definition breaks a rule; a programming error, caught at import time. */
export class BlockDefinitionError extends Error {
  constructor(blockName: string, message: string) {
    super(`Block ${blockName}: ${message}`);
    this.name = 'BlockDefinitionError';
  }
}

/** Whether the engine may run the block again after this failure. */
export function isRetriable(error: unknown): boolean {
  return error instanceof RetryAfterError || (error instanceof BlockError && error.code === 'BLOCK_ERROR');
}

/** The message stored in a failed node's `error` output. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
