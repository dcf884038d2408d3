import { describe, expect, it } from 'vitest';
import { isoDate, isoTime, strftime } from './strftime';
import { addDays, zonedTime } from './zoned-time';

// 2024-03-10 07:05:09.123 UTC, a Sunday: hours before US daylight saving time starts.
const moment = new Date(Date.UTC(2024, 2, 10, 7, 5, 9, 123));

describe('strftime', () => {
  it.each([
    ['UTC', '%Y-%m-%d %H:%M:%S', '2024-03-10 07:05:09'],
    ['UTC', '%y %b %B %a %A %j', '24 Mar March Sun Sunday 070'],
    ['UTC', '%I:%M %p|%f|%%|%Z %z', '07:05 AM|123000|%|UTC +0000'],
    ['America/New_York', '%d %H:%M %Z %z', '10 03:05 EDT -0400'],
    ['America/Los_Angeles', '%d %I %p %Z', '09 11 PM PST'],
    ['Asia/Kathmandu', '%H:%M %Z %z', '12:50 +0545 +0545'],
    ['Asia/Tokyo', '%H %Z', '16 +09'],
    ['Etc/GMT+12', '%Y-%m-%d %H %z', '2024-03-09 19 -1200'],
    ['Europe/London', '%Z', 'GMT'],
    ['UTC', '%-d/%-m %-I%p %e|%u %w', '10/3 7AM 10|7 0'],
    ['UTC', '%c|%x|%X', 'Sun Mar 10 07:05:09 2024|03/10/24|07:05:09'],
  ])('formats in %s with "%s"', (zone, format, expected) => {
    expect(strftime(zonedTime(moment, zone), format)).toBe(expected);
  });

  it('writes an unknown directive unchanged', () => {
    expect(strftime(zonedTime(moment, 'UTC'), '%Q %Y')).toBe('%Q 2024');
  });

  it('writes ISO 8601 pieces as Python isoformat', () => {
    const time = zonedTime(moment, 'America/St_Johns');
    expect(isoDate(time)).toBe('2024-03-10');
    expect(isoTime(time, false)).toBe('04:35:09-02:30'); // daylight time began at 02:00 that day
    expect(isoTime(zonedTime(moment, 'UTC'), true)).toBe('07:05:09.123000+00:00');
  });

  it('moves whole days on the wall clock', () => {
    const time = addDays(zonedTime(moment, 'UTC'), -10);
    expect(strftime(time, '%Y-%m-%d %a %H:%M')).toBe('2024-02-29 Thu 07:05');
  });
});
