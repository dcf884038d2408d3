import {
  newQuickJSWASMModule,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';

/**
 * Runs untrusted JavaScript in QuickJS compiled to WebAssembly. The guest sees only the language itself plus
 * what is set up here (`inputs`, `console`): no `require`, no network, no file system, no timers. Limits:
 * a deadline enforced by QuickJS's interrupt handler, a heap cap (`setMemoryLimit`) and a stack cap, so a
 * runaway script ends in an error and the host process carries on.
 *
 * The interpreter runs synchronously on the calling thread: the event loop waits for the script, at most
 * `timeoutMs`.
 */

export interface SandboxLimits {
  timeoutMs: number;
  memoryBytes: number;
  stackBytes: number;
  /** Characters of console output kept; more is cut off with a note. */
  maxStdoutChars: number;
}

export interface SandboxRun {
  code: string;
  /** Exposed to the script as the global `inputs`, copied through JSON. */
  inputs: unknown;
  limits: SandboxLimits;
  /** Aborting stops the script at its next interrupt check. */
  signal?: AbortSignal;
}

export type SandboxResult =
  { ok: true; result: unknown; stdout: string } | { ok: false; error: string; stdout: string };

// Sets up the guest's globals and returns the function that serialises the result. Built-ins are captured
// first, so a script that replaces JSON or String can only spoil its own result.
const prelude = `(() => {
  const print = globalThis.__print;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const asText = String;
  delete globalThis.__print;
  const format = (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return asText(value);
    try {
      const json = stringify(value);
      return json === undefined ? asText(value) : json;
    } catch {
      return asText(value);
    }
  };
  const log = (...args) => print(args.map(format).join(' '));
  globalThis.console = { log, info: log, warn: log, error: log, debug: log };
  globalThis.inputs = parse(globalThis.__inputs);
  delete globalThis.__inputs;
  return (value) => stringify(value === undefined ? null : value);
})()`;

let moduleLoading: Promise<QuickJSWASMModule> | undefined;

/** One WebAssembly instance for all runs; replaced if a run breaks it (a host-level failure). */
function quickjs(): Promise<QuickJSWASMModule> {
  return (moduleLoading ??= newQuickJSWASMModule());
}

function errorText(vm: QuickJSContext, handle: QuickJSHandle): string {
  try {
    const dumped: unknown = vm.dump(handle);
    if (dumped && typeof dumped === 'object' && 'message' in dumped) {
      const { name, message } = dumped as { name?: unknown; message?: unknown };
      return `${typeof name === 'string' ? name : 'Error'}: ${String(message)}`;
    }
    return typeof dumped === 'string' ? dumped : JSON.stringify(dumped);
  } catch {
    // Reading the error can itself fail when the heap is exhausted.
    return 'InternalError: out of memory';
  } finally {
    handle.dispose();
  }
}

class OutputBuffer {
  private lines: string[] = [];
  private size = 0;
  private isFull = false;
  constructor(private readonly maxChars: number) {}

  add(line: string): void {
    if (this.isFull) return;
    if (this.size + line.length > this.maxChars) {
      this.lines.push(`${line.slice(0, Math.max(0, this.maxChars - this.size))}\n[output truncated]`);
      this.isFull = true;
      return;
    }
    this.lines.push(line);
    this.size += line.length + 1;
  }

  text(): string {
    return this.lines.join('\n');
  }
}

function setGlobal(vm: QuickJSContext, name: string, handle: QuickJSHandle): void {
  vm.setProp(vm.global, name, handle);
  handle.dispose();
}

/** Evaluates the script, settles a promise result, and serialises it; returns the JSON text or the error. */
function evaluate(
  vm: QuickJSContext,
  run: SandboxRun,
  stdout: OutputBuffer,
): { json: string } | { error: string } {
  setGlobal(
    vm,
    '__print',
    vm.newFunction('print', (line) => {
      stdout.add(vm.getString(line));
    }),
  );
  setGlobal(vm, '__inputs', vm.newString(JSON.stringify(run.inputs ?? null)));
  const setup = vm.evalCode(prelude, 'prelude.js', { type: 'global' });
  if (setup.error) return { error: errorText(vm, setup.error) };
  const serialize = setup.value;
  try {
    const evaluated = vm.evalCode(run.code, 'script.js', { type: 'global' });
    if (evaluated.error) return { error: errorText(vm, evaluated.error) };
    let value = evaluated.value;
    // An async script's promise settles once its jobs run; nothing else can resolve it (there are no timers).
    vm.runtime.executePendingJobs();
    const state = vm.getPromiseState(value);
    if (state.type === 'pending') {
      value.dispose();
      return { error: 'Error: the script returned a promise that never settled' };
    }
    if (state.type === 'rejected') {
      value.dispose();
      return { error: errorText(vm, state.error) };
    }
    if (!state.notAPromise) {
      value.dispose();
      value = state.value;
    }
    const serialized = vm.callFunction(serialize, vm.undefined, value);
    value.dispose();
    if (serialized.error) return { error: errorText(vm, serialized.error) };
    const json = vm.typeof(serialized.value) === 'string' ? vm.getString(serialized.value) : 'null';
    serialized.value.dispose();
    return { json };
  } finally {
    serialize.dispose();
  }
}

function explain(error: string, run: SandboxRun, stop: 'time' | 'cancel' | undefined): string {
  if (stop === 'time') return `The script ran longer than ${run.limits.timeoutMs / 1000} s and was stopped`;
  if (stop === 'cancel') return 'The script was cancelled';
  if (/out of memory/i.test(error)) {
    return `The script ran out of memory (limit ${Math.round(run.limits.memoryBytes / 1024 / 1024)} MiB)`;
  }
  return error;
}

/** Runs a script in a fresh QuickJS runtime (nothing survives between runs) and reports its result. */
export async function runInSandbox(run: SandboxRun): Promise<SandboxResult> {
  const module = await quickjs();
  const stdout = new OutputBuffer(run.limits.maxStdoutChars);
  let stop: 'time' | 'cancel' | undefined;
  const deadline = Date.now() + run.limits.timeoutMs;
  let runtime;
  try {
    runtime = module.newRuntime();
    runtime.setMemoryLimit(run.limits.memoryBytes);
    runtime.setMaxStackSize(run.limits.stackBytes);
    runtime.setInterruptHandler(() => {
      if (run.signal?.aborted) stop = 'cancel';
      else if (Date.now() > deadline) stop = 'time';
      return stop !== undefined;
    });
    const vm = runtime.newContext();
    let outcome: { json: string } | { error: string };
    try {
      outcome = evaluate(vm, run, stdout);
    } finally {
      vm.dispose();
    }
    if ('error' in outcome)
      return { ok: false, error: explain(outcome.error, run, stop), stdout: stdout.text() };
    return { ok: true, result: JSON.parse(outcome.json) as unknown, stdout: stdout.text() };
  } catch (failure) {
    // A failure outside the guest (the WebAssembly instance itself) may leave it broken: start afresh next time.
    moduleLoading = undefined;
    const message = failure instanceof Error ? failure.message : String(failure);
    return { ok: false, error: explain(`InternalError: ${message}`, run, stop), stdout: stdout.text() };
  } finally {
    try {
      runtime?.dispose();
    } catch {
      moduleLoading = undefined;
    }
  }
}
