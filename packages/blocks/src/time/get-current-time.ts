import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { rawInput } from '../shared/raw-input';
import { textMatching } from '../shared/text-matching';
import { currentTime, formatTypeField } from './format-type';
import { isoTime, strftime } from './strftime';

/** Outputs the current time of day, as a strftime pattern or ISO 8601 says. */
export const getCurrentTimeBlock = defineBlock({
  id: 'a892b8d9-3e4e-4e9c-9c1e-75f8efcf1bfa',
  name: 'GetCurrentTimeBlock',
  description: 'Outputs the current time, in a chosen format and timezone.',
  categories: ['TEXT'],
  input: z.object({
    trigger: z.string().meta({ description: 'Any value; its arrival makes the block output the time.' }),
    format_type: formatTypeField({ defaultFormat: '%H:%M:%S', microseconds: true, what: 'time' }),
  }),
  output: { time: z.string().meta({ description: 'The current time (default format HH:MM:SS).' }) },
  tests: [
    {
      name: 'outputs HH:MM:SS by default',
      input: { trigger: 'go' },
      output: [['time', textMatching(/^\d\d:\d\d:\d\d$/)]],
    },
    {
      name: 'follows a 12-hour pattern',
      input: rawInput({ trigger: 1, format_type: { discriminator: 'strftime', format: '%I:%M %p' } }),
      output: [['time', textMatching(/^(0\d|1[0-2]):\d\d [AP]M$/)]],
    },
    // Catalogue §1.5: the ISO form of a time is "T" + the time with its UTC offset.
    {
      name: "uses the user's timezone in ISO 8601",
      input: {
        trigger: 'go',
        format_type: { discriminator: 'iso8601', use_user_timezone: true, include_microseconds: true },
      },
      context: { timezone: 'Asia/Kathmandu' },
      output: [['time', textMatching(/^T\d\d:\d\d:\d\d\.\d{6}\+05:45$/)]],
    },
    {
      name: 'fails on an unknown timezone',
      input: rawInput({
        trigger: 'go',
        format_type: { discriminator: 'strftime', timezone: 'Mars/Olympus' },
      }),
      output: [['error', textContaining('format_type')]],
    },
  ],
  async *run(input, ctx) {
    const format = input.format_type;
    const time = currentTime(format, ctx);
    if (format.discriminator === 'strftime') yield ['time', strftime(time, format.format)];
    else
      yield [
        'time',
        `T${isoTime(time, 'include_microseconds' in format && format.include_microseconds === true)}`,
      ];
  },
});
