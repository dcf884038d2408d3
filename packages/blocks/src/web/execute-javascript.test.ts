import { runBlock } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { executeJavaScriptBlock, scriptTimeoutMs } from './execute-javascript';
import { runInSandbox, type SandboxLimits } from './js-sandbox';

const run = (input: Record<string, unknown>) => runBlock(executeJavaScriptBlock, input);

async function expectHealthy(): Promise<void> {
  const after = await run({ code: 'inputs.n * 2', inputs: { n: 21 } });
  expect(after.outputs).toEqual([
    ['result', 42],
    ['stdout', ''],
  ]);
}

describe('ExecuteJavaScriptBlock', () => {
  it('computes with inputs, working on a copy', async () => {
    const inputs = { items: [1, 2, 3], factor: 10 };
    const result = await run({
      code: 'inputs.items.push(4); inputs.items.map((x) => x * inputs.factor)',
      inputs,
    });
    expect(result.byPin.result).toEqual([[10, 20, 30, 40]]);
    expect(inputs.items).toEqual([1, 2, 3]);
  });

  it('captures console output from every console method, one line per call', async () => {
    const result = await run({
      code: 'console.log("a", 1, {k: [true]}); console.error(new Error("e")); console.info(null)',
    });
    expect(result.byPin.stdout).toEqual(['a 1 {"k":[true]}\nError: e\nnull']);
    expect(result.byPin.result).toEqual([null]);
  });

  it('turns a thrown error into the error output and keeps going', async () => {
    const result = await run({ code: 'console.log("step 1"); null.boom' });
    expect(result.outputs[0]).toEqual(['stdout', 'step 1']);
    expect(result.error).toContain('TypeError');
    await expectHealthy();
  });

  it('stops an endless loop at the time limit', async () => {
    const started = Date.now();
    const result = await run({ code: 'for (;;) {}', timeout_seconds: 0.3 });
    expect(result.error).toBe('The script ran longer than 0.3 s and was stopped');
    expect(Date.now() - started).toBeLessThan(3000);
    await expectHealthy();
  });

  it.each([
    ['buffers', 'const kept = []; for (;;) kept.push(new ArrayBuffer(1024 * 1024))'],
    ['objects', 'const kept = []; for (;;) kept.push({ n: kept.length, s: "item " + kept.length })'],
    ['one huge string', '"x".repeat(200 * 1024 * 1024)'],
  ])('stops a memory bomb (%s) at the memory limit', async (_kind, code) => {
    const result = await run({ code, timeout_seconds: 20 });
    expect(result.error).toBe('The script ran out of memory (limit 64 MiB)');
    await expectHealthy();
  });

  it('stops runaway recursion at the stack limit', async () => {
    const result = await run({ code: 'function down(n) { return down(n + 1) + 1 } down(0)' });
    expect(result.error).toContain('stack');
    await expectHealthy();
  });

  it('awaits a promise result and reports one that never settles', async () => {
    expect((await run({ code: '(async () => inputs.x + 1)()', inputs: { x: 1 } })).byPin.result).toEqual([2]);
    expect((await run({ code: 'Promise.reject(new Error("nope"))' })).error).toBe('Error: nope');
    expect((await run({ code: 'new Promise(() => {})' })).error).toContain('never settled');
  });

  it('copies the result out through JSON', async () => {
    expect((await run({ code: '({ a: undefined, b: new Date(0), c: [NaN] })' })).byPin.result).toEqual([
      { b: '1970-01-01T00:00:00.000Z', c: [null] },
    ]);
    expect((await run({ code: '10n' })).error).toContain('BigInt');
  });

  it('gives every run a fresh global scope', async () => {
    await run({ code: 'globalThis.leftover = 1' });
    expect((await run({ code: 'typeof leftover' })).byPin.result).toEqual(['undefined']);
  });

  it('caps the timeout at 60 s', () => {
    expect(scriptTimeoutMs(2)).toBe(2000);
    expect(scriptTimeoutMs(3600)).toBe(60_000);
  });
});

describe('runInSandbox', () => {
  const limits: SandboxLimits = {
    timeoutMs: 2000,
    memoryBytes: 32 * 1024 * 1024,
    stackBytes: 256 * 1024,
    maxStdoutChars: 10,
  };

  it('cuts console output at its cap', async () => {
    const outcome = await runInSandbox({
      code: 'for (let i = 0; i < 5; i++) console.log("12345")',
      inputs: {},
      limits,
    });
    expect(outcome.stdout).toBe('12345\n1234\n[output truncated]');
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await runInSandbox({
      code: 'for (;;) {}',
      inputs: {},
      limits,
      signal: controller.signal,
    });
    expect(outcome).toMatchObject({ ok: false, error: 'The script was cancelled' });
  });
});
