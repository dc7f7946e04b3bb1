import { Temporal } from 'temporal-polyfill';

export type TimeOfDayParse = { ok: true; hour: number; minute: number } | { ok: false; message: string };

/** Parses `HH:mm` (24-hour clock). */
export function parseTimeOfDay(text: unknown): TimeOfDayParse {
  const match = typeof text === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text) : null;
  if (!match) return { ok: false, message: `"${String(text)}" is not a time of day such as 09:00` };
  return { ok: true, hour: Number(match[1]), minute: Number(match[2]) };
}

/** True when `timeZone` is an IANA time zone the runtime can compute with. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

function zoned(ms: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
}

/**
 * The first instant at or after `fromMs` whose wall-clock time in `timeZone` is `time`
 * on one of `weekdays` (ISO numbering: 1 = Monday … 7 = Sunday; all days when omitted).
 */
export function nextTimeOfDay(fromMs: number, time: string, timeZone: string, weekdays?: readonly number[]): number {
  const parsed = parseTimeOfDay(time);
  if (!parsed.ok) throw new RangeError(parsed.message);
  const start = zoned(fromMs, timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const day = start.add({ days: offset });
    if (weekdays && weekdays.length > 0 && !weekdays.includes(day.dayOfWeek)) continue;
    const candidate = day.with({
      hour: parsed.hour,
      minute: parsed.minute,
      second: 0,
      millisecond: 0,
      microsecond: 0,
      nanosecond: 0,
    });
    if (candidate.epochMilliseconds >= fromMs) return candidate.epochMilliseconds;
  }
  throw new RangeError('weekdays must contain numbers from 1 (Monday) to 7 (Sunday)');
}

export type CalendarWindow = 'rolling' | 'naturalWeek' | 'naturalMonth';

/**
 * A key naming the calendar period that contains `ms` in `timeZone`: ISO week
 * (`2026-W48`, weeks start on Monday) or month (`2026-11`). Rolling windows have one key.
 */
export function windowKey(ms: number, window: CalendarWindow, timeZone: string): string {
  if (window === 'rolling') return 'rolling';
  const date = zoned(ms, timeZone);
  if (window === 'naturalMonth') return `${date.year}-${String(date.month).padStart(2, '0')}`;
  return `${date.yearOfWeek}-W${String(date.weekOfYear).padStart(2, '0')}`;
}

/** Whether `ms` falls inside quiet hours `start`–`end` (wall clock in `timeZone`; may span midnight). */
export function isInQuietHours(ms: number, quiet: { start: string; end: string }, timeZone: string): boolean {
  const start = parseTimeOfDay(quiet.start);
  const end = parseTimeOfDay(quiet.end);
  if (!start.ok || !end.ok) return false;
  const date = zoned(ms, timeZone);
  const minute = date.hour * 60 + date.minute;
  const from = start.hour * 60 + start.minute;
  const to = end.hour * 60 + end.minute;
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** The first instant at or after `ms` outside quiet hours. */
export function endOfQuietHours(ms: number, quiet: { start: string; end: string }, timeZone: string): number {
  return isInQuietHours(ms, quiet, timeZone) ? nextTimeOfDay(ms, quiet.end, timeZone) : ms;
}

export type CalendarPeriod = 'day' | 'week' | 'month';

/** The first instant of the calendar day, ISO week (from Monday) or month containing `ms` in `timeZone`. */
export function periodStart(ms: number, period: CalendarPeriod, timeZone: string): number {
  const date = zoned(ms, timeZone).startOfDay();
  if (period === 'day') return date.epochMilliseconds;
  if (period === 'week') return date.subtract({ days: date.dayOfWeek - 1 }).startOfDay().epochMilliseconds;
  return date.with({ day: 1 }).startOfDay().epochMilliseconds;
}
