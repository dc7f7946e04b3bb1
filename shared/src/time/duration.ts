import { Temporal } from 'temporal-polyfill';

/** An ISO-8601 duration such as `P2D`, `PT1H30M` or `P1M`, parsed; months and years follow the calendar. */
export type Duration = Temporal.Duration;

export type DurationParse = { ok: true; duration: Duration } | { ok: false; message: string };

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** The longest wait a journey may ask for: beyond it a timer would be a customer stuck for good. */
export const LONGEST_JOURNEY_DURATION = 'P10Y';

/** Parses a duration a journey waits for: positive and at most {@link LONGEST_JOURNEY_DURATION}; never throws. */
export function parseJourneyDuration(text: unknown): DurationParse {
  const parsed = parseDuration(text);
  if (parsed.ok && approximateMs(parsed.duration) > approximateMs(Temporal.Duration.from(LONGEST_JOURNEY_DURATION))) {
    return { ok: false, message: `"${String(text)}" is longer than a journey may wait (at most 10 years, P10Y)` };
  }
  return parsed;
}

/** Parses a positive ISO-8601 duration; never throws. */
export function parseDuration(text: unknown): DurationParse {
  if (typeof text !== 'string' || !ISO_DURATION.test(text)) {
    return {
      ok: false,
      message: `"${String(text)}" is not an ISO-8601 duration such as P2D, PT12H or P1W`,
    };
  }
  const duration = Temporal.Duration.from(text);
  if (duration.sign <= 0) return { ok: false, message: `"${text}" must be longer than zero` };
  return { ok: true, duration };
}

/** The instant `duration` after `fromMs`, counted on the wall clock of `timeZone` (so P1D across a DST change is one calendar day). */
export function addDuration(fromMs: number, duration: Duration | string, timeZone: string): number {
  const parsed = typeof duration === 'string' ? durationFrom(duration) : duration;
  // Hours and smaller are exact time: no calendar, no time zone, and this runs for every timer and window check.
  if (parsed.years === 0 && parsed.months === 0 && parsed.weeks === 0 && parsed.days === 0) {
    return fromMs + ((parsed.hours * 60 + parsed.minutes) * 60 + parsed.seconds) * 1000 + parsed.milliseconds;
  }
  return Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(timeZone).add(parsed).toInstant()
    .epochMilliseconds;
}

/** Journeys name a handful of durations thousands of times; parse each text once (bounded, texts are small). */
const parsedDurations = new Map<string, Duration>();
function durationFrom(text: string): Duration {
  let parsed = parsedDurations.get(text);
  if (!parsed) {
    parsed = Temporal.Duration.from(text);
    if (parsedDurations.size >= 1_000) parsedDurations.clear();
    parsedDurations.set(text, parsed);
  }
  return parsed;
}

/** Rough length in milliseconds (a month counts 30 days); only for display and sorting, never for scheduling. */
export function approximateMs(duration: Duration): number {
  const days = duration.years * 365 + duration.months * 30 + duration.weeks * 7 + duration.days;
  return (
    ((days * 24 + duration.hours) * 60 + duration.minutes) * 60_000 + duration.seconds * 1000 + duration.milliseconds
  );
}

const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
export type DurationUnit = (typeof UNITS)[number];

/** Splits a duration into its non-zero units, largest first, for human-readable summaries. */
export function durationParts(duration: Duration): Array<{ unit: DurationUnit; amount: number }> {
  return UNITS.filter((unit) => duration[unit] !== 0).map((unit) => ({
    unit,
    amount: duration[unit],
  }));
}
