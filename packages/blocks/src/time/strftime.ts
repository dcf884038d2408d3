import { formatOffset, type ZonedTime } from './zoned-time';

const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function dayOfYear(time: ZonedTime): number {
  return (Date.UTC(time.year, time.month - 1, time.day) - Date.UTC(time.year, 0, 1)) / 86_400_000 + 1;
}

const directives: Record<string, (time: ZonedTime) => string> = {
  Y: (t) => pad(t.year, 4),
  y: (t) => pad(t.year % 100),
  m: (t) => pad(t.month),
  d: (t) => pad(t.day),
  H: (t) => pad(t.hour),
  I: (t) => pad(t.hour % 12 === 0 ? 12 : t.hour % 12),
  M: (t) => pad(t.minute),
  S: (t) => pad(t.second),
  f: (t) => pad(t.millisecond * 1000, 6),
  p: (t) => (t.hour < 12 ? 'AM' : 'PM'),
  a: (t) => (dayNames[t.weekday] ?? '').slice(0, 3),
  A: (t) => dayNames[t.weekday] ?? '',
  b: (t) => (monthNames[t.month - 1] ?? '').slice(0, 3),
  B: (t) => monthNames[t.month - 1] ?? '',
  j: (t) => pad(dayOfYear(t), 3),
  w: (t) => String((t.weekday + 1) % 7),
  u: (t) => String(t.weekday + 1),
  e: (t) => String(t.day).padStart(2, ' '),
  c: (t) => `${strftime(t, '%a %b')} ${String(t.day).padStart(2, ' ')} ${strftime(t, '%H:%M:%S %Y')}`,
  x: (t) => strftime(t, '%m/%d/%y'),
  X: (t) => strftime(t, '%H:%M:%S'),
  Z: (t) => t.abbreviation,
  z: (t) => formatOffset(t.offsetMinutes, ''),
  '%': () => '%',
};

/**
 * Python's `strftime` on Linux for the common directives (%Y %y %m %d %e %H %I %M %S %f %p %a %A %b %B %j
 * %w %u %Z %z %c %x %X %%, and the "-" no-padding flag), in English and the C locale. An unknown directive is
 * written out unchanged, as glibc does.
 */
export function strftime(time: ZonedTime, pattern: string): string {
  return pattern.replace(/%(-?)(.)/gs, (whole, flag: string, code: string) => {
    const text = directives[code]?.(time);
    if (text === undefined) return whole;
    // glibc's "-" flag (as in "%-d"), which Python passes through on Linux: no padding.
    return flag ? text.replace(/^[0 ]+(?=.)/, '') : text;
  });
}

/** ISO 8601 pieces as Python's `isoformat()` writes them for an aware time. */
export function isoDate(time: ZonedTime): string {
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
}

export function isoTime(time: ZonedTime, includeMicroseconds: boolean): string {
  const fraction = includeMicroseconds ? `.${pad(time.millisecond * 1000, 6)}` : '';
  return `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${fraction}${formatOffset(time.offsetMinutes)}`;
}
