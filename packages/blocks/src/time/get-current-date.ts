import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { textMatching } from '../shared/text-matching';
import { currentTime, formatTypeField } from './format-type';
import { isoDate, strftime } from './strftime';
import { addDays } from './zoned-time';

/** Python's `int()` of the offset; anything that isn't a whole number counts as 0 (catalogue §1.5). */
function offsetDays(offset: number | string): number {
  if (typeof offset === 'number') return Number.isInteger(offset) ? offset : 0;
  const text = offset.trim().replace(/_/g, '');
  return /^[+-]?\d+$/.test(text) ? Number(text) : 0;
}

/** Outputs today's date, moved back by an offset in days. */
export const getCurrentDateBlock = defineBlock({
  id: 'b29c1b50-5d0e-4d9f-8f9d-1b0e6fcbf0b1',
  name: 'GetCurrentDateBlock',
  description:
    'Outputs the current date, optionally offset by a number of days, in a chosen format and timezone.',
  categories: ['TEXT'],
  input: z.object({
    trigger: z.string().meta({ description: 'Any value; its arrival makes the block output the date.' }),
    offset: z.union([z.number().int(), z.string()]).default(0).meta({
      title: 'Days Offset',
      description: 'How many days before today; not a number counts as 0.',
      placeholder: '0',
    }),
    format_type: formatTypeField({ defaultFormat: '%Y-%m-%d', microseconds: false, what: 'date' }),
  }),
  output: { date: z.string().meta({ description: 'The date (default format YYYY-MM-DD).' }) },
  tests: [
    {
      name: 'outputs YYYY-MM-DD by default',
      input: { trigger: 'go' },
      output: [['date', textMatching(/^\d{4}-\d\d-\d\d$/)]],
    },
    {
      name: 'writes ISO 8601 and reads a text offset',
      input: { trigger: 'go', offset: '7', format_type: { discriminator: 'iso8601' } },
      output: [['date', textMatching(/^\d{4}-\d\d-\d\d$/)]],
    },
    {
      name: 'follows a pattern with names',
      input: {
        trigger: 'go',
        offset: 'soon',
        format_type: { discriminator: 'strftime', format: '%A %d %B %Y' },
      },
      output: [['date', textMatching(/^[A-Z][a-z]+day \d\d [A-Z][a-z]+ \d{4}$/)]],
    },
    { name: 'fails without a trigger', input: { offset: 1 }, output: [['error', textContaining('trigger')]] },
  ],
  async *run(input, ctx) {
    const format = input.format_type;
    // The catalogue notes AutoGPT subtracts the offset: an offset of 1 gives yesterday.
    const time = addDays(currentTime(format, ctx), -offsetDays(input.offset));
    yield ['date', format.discriminator === 'strftime' ? strftime(time, format.format) : isoDate(time)];
  },
});
