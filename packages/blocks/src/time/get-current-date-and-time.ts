import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { textMatching } from '../shared/text-matching';
import { currentTime, formatTypeField } from './format-type';
import { isoDate, isoTime, strftime } from './strftime';

/** Outputs the current date and time, as a strftime pattern or ISO 8601 (RFC 3339) says. */
export const getCurrentDateAndTimeBlock = defineBlock({
  id: '716a67b3-6760-42e7-86dc-18645c6e00fc',
  name: 'GetCurrentDateAndTimeBlock',
  description: 'Outputs the current date and time, in a chosen format and timezone.',
  categories: ['TEXT'],
  input: z.object({
    trigger: z
      .string()
      .meta({ description: 'Any value; its arrival makes the block output the date and time.' }),
    format_type: formatTypeField({
      defaultFormat: '%Y-%m-%d %H:%M:%S',
      microseconds: true,
      what: 'date and time',
    }),
  }),
  output: {
    date_time: z
      .string()
      .meta({ description: 'The current date and time (default format YYYY-MM-DD HH:MM:SS).' }),
  },
  tests: [
    {
      name: 'outputs YYYY-MM-DD HH:MM:SS by default',
      input: { trigger: 'go' },
      output: [['date_time', textMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)]],
    },
    {
      name: 'writes ISO 8601 with the offset',
      input: { trigger: 'go', format_type: { discriminator: 'iso8601', timezone: 'America/St_Johns' } },
      output: [['date_time', textMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[23]:30$/)]],
    },
    {
      name: 'names the zone with %Z',
      input: { trigger: 'go', format_type: { discriminator: 'strftime', format: '%Z %z', timezone: 'UTC' } },
      output: [['date_time', 'UTC +0000']],
    },
    { name: 'fails without a trigger', input: {}, output: [['error', textContaining('trigger')]] },
  ],
  async *run(input, ctx) {
    const format = input.format_type;
    const time = currentTime(format, ctx);
    if (format.discriminator === 'strftime') {
      yield ['date_time', strftime(time, format.format)];
    } else {
      const micro = 'include_microseconds' in format && format.include_microseconds === true;
      yield ['date_time', `${isoDate(time)}T${isoTime(time, micro)}`];
    }
  },
});
