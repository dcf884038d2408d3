import { runBlock } from '@blockloom/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setClock } from './clock';
import { getCurrentDateBlock } from './get-current-date';
import { getCurrentDateAndTimeBlock } from './get-current-date-and-time';
import { getCurrentTimeBlock } from './get-current-time';

let restore: () => void;
beforeEach(() => {
  restore = setClock(() => new Date(Date.UTC(2025, 0, 1, 23, 30, 15, 250)));
});
afterEach(() => restore());

describe('time blocks on a pinned clock', () => {
  it('outputs the time in the chosen zone', async () => {
    const result = await runBlock(getCurrentTimeBlock, {
      trigger: 'go',
      format_type: { discriminator: 'strftime', format: '%H:%M:%S', timezone: 'Asia/Tokyo' },
    });
    expect(result.outputs).toEqual([['time', '08:30:15']]);
  });

  it("prefers the user's timezone when asked", async () => {
    const result = await runBlock(
      getCurrentTimeBlock,
      { trigger: 'go', format_type: { discriminator: 'iso8601', timezone: 'UTC', use_user_timezone: true } },
      { context: { timezone: 'America/New_York' } },
    );
    expect(result.outputs).toEqual([['time', 'T18:30:15-05:00']]);
  });

  it('ignores an unknown user timezone', async () => {
    const result = await runBlock(
      getCurrentTimeBlock,
      { trigger: 'go', format_type: { discriminator: 'strftime', use_user_timezone: true } },
      { context: { timezone: 'Nowhere/Land' } },
    );
    expect(result.outputs).toEqual([['time', '23:30:15']]);
  });

  it('subtracts the offset in days, as AutoGPT does', async () => {
    const result = await runBlock(getCurrentDateBlock, { trigger: 'go', offset: 2 });
    expect(result.outputs).toEqual([['date', '2024-12-30']]);
  });

  it('takes the date in the chosen zone, before the offset', async () => {
    const result = await runBlock(getCurrentDateBlock, {
      trigger: 'go',
      offset: -1,
      format_type: { discriminator: 'iso8601', timezone: 'Pacific/Kiritimati' },
    });
    expect(result.outputs).toEqual([['date', '2025-01-03']]);
  });

  it('writes the date and time in ISO 8601 with microseconds', async () => {
    const result = await runBlock(getCurrentDateAndTimeBlock, {
      trigger: 'go',
      format_type: { discriminator: 'iso8601', timezone: 'Europe/Paris', include_microseconds: true },
    });
    expect(result.outputs).toEqual([['date_time', '2025-01-02T00:30:15.250000+01:00']]);
  });

  it('uses the default pattern of each block', async () => {
    const result = await runBlock(getCurrentDateAndTimeBlock, { trigger: 'x' });
    expect(result.outputs).toEqual([['date_time', '2025-01-01 23:30:15']]);
  });
});
