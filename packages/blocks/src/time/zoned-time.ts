/** A moment as seen on the wall clock of one timezone. */
export interface ZonedTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Monday … 6 = Sunday, as Python's `weekday()`. */
  weekday: number;
  /** Minutes east of UTC. */
  offsetMinutes: number;
  /** The zone's short name at that moment ("EST", "UTC"), or the offset ("+0545") when it has none. */
  abbreviation: string;
}

const weekdayIndex: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "+05:45" style offset; with `separator` "" gives "+0545". */
export function formatOffset(minutes: number, separator = ':'): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${sign}${hours}${separator}${String(abs % 60).padStart(2, '0')}`;
}

function numericZoneName(minutes: number): string {
  const full = formatOffset(minutes, '');
  return full.endsWith('00') ? full.slice(0, 3) : full;
}

/** Breaks `date` into wall-clock fields in `timeZone` (an IANA name the runtime knows). */
export function zonedTime(date: Date, timeZone: string): ZonedTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  const field = (name: string) => Number(parts[name] ?? 0);
  const fields = {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
    millisecond: date.getUTCMilliseconds(),
  };
  const asUtc = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
  );
  const offsetMinutes = Math.round((asUtc - (date.getTime() - fields.millisecond)) / 60_000);
  // Intl names only some zones ("EST", "GMT"); others come out as "GMT+9" where tzdata (and so Python) has
  // a numeric name such as "+09" or "+0545".
  const name = parts.timeZoneName ?? '';
  const abbreviation = /^GMT[+-]/.test(name) ? numericZoneName(offsetMinutes) : name;
  return { ...fields, weekday: weekdayIndex[parts.weekday ?? ''] ?? 0, offsetMinutes, abbreviation };
}

/** The same wall-clock time `days` days later (earlier when negative), as Python's `datetime + timedelta`. */
export function addDays(time: ZonedTime, days: number): ZonedTime {
  const shifted = new Date(Date.UTC(time.year, time.month - 1, time.day + days));
  return {
    ...time,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: (shifted.getUTCDay() + 6) % 7,
  };
}
