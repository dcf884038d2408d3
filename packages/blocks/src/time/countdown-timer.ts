import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';

/** Limits from AutoGPT's documentation: 1-1000 repeats, at most 7 days of waiting in all. */
export const MAX_REPEAT = 1000;
export const MAX_TOTAL_SECONDS = 7 * 24 * 60 * 60;

const durationField = (unit: string) =>
  z
    .union([z.number().int(), z.string()])
    .default(0)
    .meta({ description: `How many ${unit} to wait.`, placeholder: '0' });

function wholeNumber(value: number | string, field: string): number {
  const text = String(value).trim();
  if (!/^[+-]?\d+$/.test(text)) throw new BlockError(`${field} must be a whole number, got '${text}'`);
  return Number(text);
}

/** Waits `ms`, ending early with a BlockError when `signal` aborts (a cancelled run must not keep sleeping). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new BlockError('Countdown cancelled'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new BlockError('Countdown cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits a duration, then outputs a message; `repeat` times in a row. */
export const countdownTimerBlock = defineBlock({
  id: 'd67a9c52-5e4e-11e2-bcfd-0800200c9a71',
  name: 'CountdownTimerBlock',
  description: 'Waits for a duration, then outputs a message; can repeat several times.',
  categories: ['TEXT'],
  // The wait is the block's purpose; the 7-day cap below bounds it instead of the engine's per-node cap.
  timeoutSeconds: null,
  input: z.object({
    input_message: z
      .unknown()
      .default('timer finished')
      .meta({ description: 'The message to output when the time is up.' }),
    seconds: durationField('seconds'),
    minutes: durationField('minutes'),
    hours: durationField('hours'),
    days: durationField('days'),
    repeat: z
      .number()
      .int()
      .default(1)
      .meta({ description: 'How many times to wait and output the message (1-1000).', placeholder: '1' }),
  }),
  output: { output_message: z.unknown().meta({ description: 'The message, once the time is up.' }) },
  tests: [
    { name: 'outputs the default message', input: {}, output: [['output_message', 'timer finished']] },
    {
      name: 'repeats the message',
      input: { input_message: { done: true }, seconds: '0', repeat: 2 },
      output: [
        ['output_message', { done: true }],
        ['output_message', { done: true }],
      ],
    },
    {
      name: 'fails on a duration that is not a number',
      input: { minutes: 'soon' },
      output: [['error', "minutes must be a whole number, got 'soon'"]],
    },
    {
      name: 'fails past the 7-day cap',
      input: { days: 4, repeat: 2 },
      output: [['error', textContaining('7 days')]],
    },
    {
      name: 'fails on a repeat of 0',
      input: { repeat: 0 },
      output: [['error', 'repeat must be between 1 and 1000, got 0']],
    },
  ],
  async *run(input, ctx) {
    const seconds =
      wholeNumber(input.seconds, 'seconds') +
      wholeNumber(input.minutes, 'minutes') * 60 +
      wholeNumber(input.hours, 'hours') * 3600 +
      wholeNumber(input.days, 'days') * 86_400;
    if (input.repeat < 1 || input.repeat > MAX_REPEAT) {
      throw new BlockError(`repeat must be between 1 and ${MAX_REPEAT}, got ${input.repeat}`);
    }
    if (seconds < 0) throw new BlockError(`The duration can't be negative, got ${seconds} seconds`);
    if (seconds * input.repeat > MAX_TOTAL_SECONDS) {
      throw new BlockError(`The total wait (${seconds * input.repeat} s) is longer than 7 days`);
    }
    for (let i = 0; i < input.repeat; i++) {
      if (seconds > 0) await sleep(seconds * 1000, ctx.signal);
      yield ['output_message', input.input_message];
    }
  },
});
