import { createStandaloneContext } from '@blockloom/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countdownTimerBlock } from './countdown-timer';

afterEach(() => {
  vi.useRealTimers();
});

const defaults = {
  input_message: 'done',
  seconds: 0,
  minutes: 0,
  hours: 0,
  days: 0,
  repeat: 1,
};

describe('CountdownTimerBlock', () => {
  it('waits the whole duration before each message', async () => {
    vi.useFakeTimers();
    const { ctx } = createStandaloneContext();
    const run = countdownTimerBlock.run({ ...defaults, seconds: 30, minutes: 1, repeat: 2 }, ctx);
    const first = run.next();
    await vi.advanceTimersByTimeAsync(89_000);
    let settled = false;
    void first.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await first).toEqual({ done: false, value: ['output_message', 'done'] });
    const second = run.next();
    await vi.advanceTimersByTimeAsync(90_000);
    expect(await second).toEqual({ done: false, value: ['output_message', 'done'] });
    expect(await run.next()).toEqual({ done: true, value: undefined });
  });

  it('stops waiting when the run is cancelled', async () => {
    const controller = new AbortController();
    const { ctx } = createStandaloneContext({ signal: controller.signal });
    const pending = countdownTimerBlock.run({ ...defaults, hours: 1 }, ctx).next();
    controller.abort();
    await expect(pending).rejects.toThrow('Countdown cancelled');
  });
});
