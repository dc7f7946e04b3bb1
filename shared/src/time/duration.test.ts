import { describe, expect, it } from 'vitest';
import { addDuration, parseDuration, parseJourneyDuration } from './duration';

const HOUR = 3_600_000;
// 2026-03-08 is the day New York moves its clocks forward (02:00 → 03:00).
const BEFORE_DST_NEW_YORK = Date.parse('2026-03-08T05:00:00Z'); // 00:00 local

describe('durations', () => {
  it('parses ISO-8601 durations and explains what it refuses', () => {
    expect(parseDuration('P2DT3H').ok).toBe(true);
    expect(parseDuration('P2X')).toEqual({
      ok: false,
      message: '"P2X" is not an ISO-8601 duration such as P2D, PT12H or P1W',
    });
    expect(parseDuration('PT0S')).toEqual({ ok: false, message: '"PT0S" must be longer than zero' });
  });

  it('refuses journey waits longer than ten years, which would strand customers', () => {
    expect(parseJourneyDuration('P10Y').ok).toBe(true);
    expect(parseJourneyDuration('P999999999Y')).toEqual({
      ok: false,
      message: '"P999999999Y" is longer than a journey may wait (at most 10 years, P10Y)',
    });
  });

  it('adds hours as exact time and days as calendar days in the time zone', () => {
    expect(addDuration(BEFORE_DST_NEW_YORK, 'PT24H', 'America/New_York')).toBe(BEFORE_DST_NEW_YORK + 24 * HOUR);
    // One calendar day across the change is 23 hours: midnight to midnight.
    expect(addDuration(BEFORE_DST_NEW_YORK, 'P1D', 'America/New_York')).toBe(BEFORE_DST_NEW_YORK + 23 * HOUR);
    expect(addDuration(BEFORE_DST_NEW_YORK, 'PT1H30M15S', 'UTC')).toBe(BEFORE_DST_NEW_YORK + 5_415_000);
    expect(addDuration(Date.parse('2026-01-31T00:00:00Z'), 'P1M', 'UTC')).toBe(Date.parse('2026-02-28T00:00:00Z'));
  });
});
