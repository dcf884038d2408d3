import { z } from 'zod';
import { BlockError, defineBlock, RetryAfterError } from '@blockloom/sdk';

/** Test-only blocks for the conformance scenarios; ids are made up and never collide with real blocks. */

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

export const emitBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000001',
  name: 'TestEmitBlock',
  description: 'Yields the given [pin, value] pairs in order, waiting delayMs before each.',
  categories: ['BASIC'],
  input: z.object({
    emit: z.array(z.tuple([z.enum(['out', 'a', 'b']), z.unknown()])),
    delayMs: z.number().default(0),
    trigger: z.unknown().optional(),
  }),
  output: { out: z.unknown(), a: z.unknown(), b: z.unknown() },
  tests: [
    {
      input: {
        emit: [
          ['a', 1],
          ['out', 2],
        ],
      },
      output: [
        ['a', 1],
        ['out', 2],
      ],
    },
  ],
  async *run(input, ctx) {
    for (const [pin, value] of input.emit) {
      if (input.delayMs > 0) await sleep(input.delayMs, ctx.signal);
      yield [pin, value];
    }
  },
});

export const addBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000002',
  name: 'TestAddBlock',
  description: 'Adds a and b.',
  categories: ['LOGIC'],
  input: z.object({ a: z.number(), b: z.number(), c: z.number().optional() }),
  output: { sum: z.number() },
  tests: [{ input: { a: 1, b: 2 }, output: [['sum', 3]] }],
  async *run({ a, b, c }) {
    yield ['sum', a + b + (c ?? 0)];
  },
});

/** Sleeps, then echoes; counts how many run at once in `concurrency`. */
export const concurrency = {
  current: 0,
  max: 0,
  reset() {
    this.current = 0;
    this.max = 0;
  },
};
export const sleepBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000003',
  name: 'TestSleepBlock',
  description: 'Waits ms milliseconds (cancellable), then yields value.',
  categories: ['BASIC'],
  input: z.object({ ms: z.number(), value: z.unknown().default(null) }),
  output: { out: z.unknown() },
  tests: [{ input: { ms: 1, value: 'x' }, output: [['out', 'x']] }],
  async *run({ ms, value }, ctx) {
    concurrency.current++;
    concurrency.max = Math.max(concurrency.max, concurrency.current);
    try {
      await sleep(ms, ctx.signal);
    } finally {
      concurrency.current--;
    }
    yield ['out', value];
  },
});

export const failBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000004',
  name: 'TestFailBlock',
  description: 'Fails with message: by throwing, or by yielding error when viaYield.',
  categories: ['BASIC'],
  input: z.object({
    message: z.string(),
    viaYield: z.boolean().default(false),
    before: z.unknown().optional(),
  }),
  output: { out: z.unknown() },
  tests: [{ input: { message: 'boom' }, output: [['error', 'boom']] }],
  async *run({ message, viaYield, before }) {
    if (before !== undefined) yield ['out', before];
    if (viaYield) yield ['error', message];
    else throw new BlockError(message);
  },
});

/** Fails `failures` times with RetryAfterError per key, then succeeds. */
export const attempts = new Map<string, number>();
export const flakyBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000005',
  name: 'TestFlakyBlock',
  description: 'Fails with a retry-after error the first `failures` times for a key.',
  categories: ['BASIC'],
  input: z.object({ key: z.string(), failures: z.number(), plain: z.boolean().default(false) }),
  output: { out: z.number() },
  retry: { attempts: 2, backoffMs: 1 },
  tests: [{ input: { key: 'self-test', failures: 0 }, output: [['out', 1]] }],
  async *run({ key, failures, plain }) {
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    if (attempt <= failures) {
      if (plain) throw new BlockError(`plain failure ${attempt}`);
      throw new RetryAfterError(`busy ${attempt}`, { retryAfterMs: 5 });
    }
    yield ['out', attempt];
  },
});

export const staticValueBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000006',
  name: 'TestStaticValueBlock',
  description: 'Yields value after delayMs; its output links are static.',
  categories: ['BASIC'],
  staticOutput: true,
  input: z.object({ value: z.unknown(), delayMs: z.number().default(0) }),
  output: { out: z.unknown() },
  tests: [{ input: { value: 3 }, output: [['out', 3]] }],
  async *run({ value, delayMs }, ctx) {
    if (delayMs > 0) await sleep(delayMs, ctx.signal);
    yield ['out', value];
  },
});

export const echoBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000007',
  name: 'TestEchoBlock',
  description: 'Yields its whole merged input (values, items, obj, x) as `input`.',
  categories: ['BASIC'],
  input: z.object({
    values: z.record(z.string(), z.unknown()).optional(),
    items: z.array(z.unknown()).optional(),
    obj: z.record(z.string(), z.unknown()).optional(),
    x: z.unknown().optional(),
  }),
  output: { input: z.unknown() },
  tests: [{ input: { x: 1 }, output: [['input', { x: 1 }]] }],
  async *run(input) {
    yield ['input', input];
  },
});

export const timeoutBlock = defineBlock({
  id: 'e0000000-0000-4000-8000-000000000008',
  name: 'TestTimeoutBlock',
  description: 'Sleeps longer than its own 0.2 s cap.',
  categories: ['BASIC'],
  timeoutSeconds: 0.2,
  input: z.object({ ms: z.number() }),
  output: { out: z.unknown() },
  tests: [{ input: { ms: 1 }, output: [['out', 1]] }],
  async *run({ ms }, ctx) {
    await sleep(ms, ctx.signal);
    yield ['out', ms];
  },
});

export const testBlocks = [
  emitBlock,
  addBlock,
  sleepBlock,
  failBlock,
  flakyBlock,
  staticValueBlock,
  echoBlock,
  timeoutBlock,
];
