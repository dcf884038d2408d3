import { isDeepStrictEqual } from 'node:util';
import type { AnyBlock, BlockContext, BlockTestCase } from './block';
import type { Credentials } from './credentials';
import { createStandaloneContext } from './context';
import { errorMessage } from './errors';
import { executeBlock } from './execute';

export interface RunBlockOptions {
  credentials?: Record<string, Credentials>;
  context?: Partial<BlockContext>;
  /** The node's constant inputs, for blocks with dynamic pins. */
  inputDefault?: Record<string, unknown>;
}

export interface RunBlockResult {
  /** Every `[pin, value]` in yield order; a failure ends the list with `['error', message]`. */
  outputs: [string, unknown][];
  /** Values by pin. */
  byPin: Record<string, unknown[]>;
  error?: string;
  stats: Record<string, number>;
}

/**
 * Runs one block without the engine, the way a node would: dynamic-pin hooks applied, input validated, outputs
 * checked, a failure recorded as an `error` output. For tests and for `POST /api/blocks/{id}/execute`.
 */
export async function runBlock(
  block: AnyBlock,
  input: Record<string, unknown>,
  options: RunBlockOptions = {},
): Promise<RunBlockResult> {
  const { ctx, stats } = createStandaloneContext({
    credentials: options.credentials ?? {},
    ...options.context,
  });
  const inputDefault = options.inputDefault ?? {};
  const data = block.dynamic?.buildInput ? block.dynamic.buildInput(input, inputDefault) : input;
  const outputs: [string, unknown][] = [];
  let error: string | undefined;
  try {
    for await (const [pin, value] of executeBlock(block, { data, ctx, inputDefault }))
      outputs.push([pin, value]);
  } catch (failure) {
    error = errorMessage(failure);
    outputs.push(['error', error]);
  }
  const byPin: Record<string, unknown[]> = {};
  for (const [pin, value] of outputs) (byPin[pin] ??= []).push(value);
  return { outputs, byPin, stats, ...(error === undefined ? {} : { error }) };
}

function matches(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'function') return Boolean((expected as (value: unknown) => unknown)(actual));
  return isDeepStrictEqual(expected, actual);
}

/** Runs one declared test case; returns a description of each mismatch (empty when it passes). */
export async function checkBlockTestCase(block: AnyBlock, testCase: BlockTestCase): Promise<string[]> {
  const result = await runBlock(block, testCase.input, {
    credentials: testCase.credentials,
    context: testCase.context,
    inputDefault: testCase.inputDefault,
  });
  const problems: string[] = [];
  const expected = testCase.output;
  const show = (value: unknown) => (typeof value === 'function' ? '<predicate>' : JSON.stringify(value));
  for (let i = 0; i < Math.max(expected.length, result.outputs.length); i++) {
    const want = expected[i];
    const got = result.outputs[i];
    if (!want) problems.push(`unexpected output #${i}: ${got?.[0]} = ${show(got?.[1])}`);
    else if (!got) problems.push(`missing output #${i}: ${want[0]} = ${show(want[1])}`);
    else if (want[0] !== got[0] || !matches(want[1], got[1])) {
      problems.push(`output #${i}: expected ${want[0]} = ${show(want[1])}, got ${got[0]} = ${show(got[1])}`);
    }
  }
  return problems;
}
