import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { runInSandbox } from './js-sandbox';

const DEFAULT_TIMEOUT_SECONDS = 5;
const MAX_TIMEOUT_SECONDS = 60;
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;
const STACK_LIMIT_BYTES = 512 * 1024;
const MAX_STDOUT_CHARS = 1024 * 1024;

/** The script's time limit: the requested seconds, capped at 60 so one node can't hold a worker for long. */
export function scriptTimeoutMs(seconds: number): number {
  return Math.min(seconds, MAX_TIMEOUT_SECONDS) * 1000;
}

/**
 * Blockloom's own block (not in AutoGPT): runs a JavaScript snippet in a QuickJS sandbox (`js-sandbox.ts`).
 * The code is evaluated as a script and `result` is the value of its last expression statement, as `eval`
 * gives it (`inputs.a + inputs.b` yields the sum; a top-level `return` is a syntax error). A promise result
 * is awaited, `undefined` becomes null, and the result is copied out through JSON.
 */
export const executeJavaScriptBlock = defineBlock({
  id: '641dba3a-a281-4c58-bec2-313ea9ddac1f',
  name: 'ExecuteJavaScriptBlock',
  description:
    'Runs JavaScript in a sandbox (no network, no files) with the global `inputs`; outputs the value of the last expression and the console output.',
  categories: ['DEVELOPER_TOOLS'],
  input: z.object({
    code: z.string().meta({
      description:
        'JavaScript evaluated as a script; the value of the last expression is the result (e.g. `inputs.a + inputs.b`).',
    }),
    inputs: z
      .record(z.string(), z.unknown())
      .default({})
      .meta({ description: 'Values the code reads as the global `inputs` (a JSON copy).' }),
    timeout_seconds: z
      .number()
      .positive()
      .default(DEFAULT_TIMEOUT_SECONDS)
      .meta({
        advanced: true,
        description: `Seconds the code may run before it is stopped (at most ${MAX_TIMEOUT_SECONDS}).`,
      }),
  }),
  output: {
    result: z.unknown().meta({ description: 'The value of the last expression (null for undefined).' }),
    stdout: z.string().meta({ description: 'Lines written with console.log (and its siblings), joined.' }),
  },
  tests: [
    {
      name: 'computes with inputs',
      input: { code: 'console.log("sum"); inputs.a * inputs.b', inputs: { a: 6, b: 7 } },
      output: [
        ['result', 42],
        ['stdout', 'sum'],
      ],
    },
    {
      name: 'reports a thrown error after the output so far',
      input: { code: 'console.log("before"); throw new RangeError("bad")' },
      output: [
        ['stdout', 'before'],
        ['error', 'RangeError: bad'],
      ],
    },
    {
      name: 'has no access to the host',
      input: { code: 'typeof require + typeof process + typeof fetch' },
      output: [
        ['result', 'undefinedundefinedundefined'],
        ['stdout', ''],
      ],
    },
    {
      name: 'reports a syntax error',
      input: { code: 'return 1' },
      output: [
        ['stdout', ''],
        ['error', textContaining('SyntaxError')],
      ],
    },
  ],
  async *run(input, ctx) {
    const outcome = await runInSandbox({
      code: input.code,
      inputs: input.inputs,
      signal: ctx.signal,
      limits: {
        timeoutMs: scriptTimeoutMs(input.timeout_seconds),
        memoryBytes: MEMORY_LIMIT_BYTES,
        stackBytes: STACK_LIMIT_BYTES,
        maxStdoutChars: MAX_STDOUT_CHARS,
      },
    });
    if (outcome.ok) {
      yield ['result', outcome.result];
      yield ['stdout', outcome.stdout];
    } else {
      yield ['stdout', outcome.stdout];
      yield ['error', outcome.error];
    }
  },
});
