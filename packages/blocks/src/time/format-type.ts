import type { BlockContext } from '@blockloom/sdk';
import { z } from 'zod';
import { now } from './clock';
import { isKnownTimezone, timezones } from './timezones';
import { zonedTime, type ZonedTime } from './zoned-time';

const timezoneField = z.enum(timezones).default('UTC').meta({ description: 'The timezone to use.' });
const userTimezoneField = z.boolean().default(false).meta({
  description: "Whether to use the user's timezone from their profile instead of the one above.",
});

/**
 * The `format_type` input of the time blocks (catalogue §1.5): a union told apart by `discriminator`,
 * either a strftime pattern or ISO 8601. Each block has its own default pattern; the date block's ISO form
 * has no microseconds.
 */
export function formatTypeField(options: { defaultFormat: string; microseconds: boolean; what: string }) {
  const strftimeFormat = z.object({
    discriminator: z.literal('strftime'),
    format: z.string().default(options.defaultFormat).meta({ description: 'The strftime pattern.' }),
    timezone: timezoneField,
    use_user_timezone: userTimezoneField,
  });
  const isoFormat = z.object({
    discriminator: z.literal('iso8601'),
    timezone: timezoneField,
    use_user_timezone: userTimezoneField,
    ...(options.microseconds
      ? {
          include_microseconds: z
            .boolean()
            .default(false)
            .meta({ description: 'Whether to include microseconds.' }),
        }
      : {}),
  });
  return z
    .discriminatedUnion('discriminator', [strftimeFormat, isoFormat])
    .default({
      discriminator: 'strftime',
      format: options.defaultFormat,
      timezone: 'UTC',
      use_user_timezone: false,
    })
    .meta({ description: `How to format the ${options.what}: a strftime pattern or ISO 8601.` });
}

/** The current time in the chosen timezone; the user's profile timezone wins when asked for and valid. */
export function currentTime(
  format: { timezone: string; use_user_timezone: boolean },
  ctx: BlockContext,
): ZonedTime {
  const zone = format.use_user_timezone && isKnownTimezone(ctx.timezone) ? ctx.timezone : format.timezone;
  return zonedTime(now(), zone);
}
