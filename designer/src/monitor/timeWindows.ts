import type { SeriesRange } from '../live/metricsApi';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The spans the time series shows: the last hour by the minute, the last day by the hour. */
export const timeWindows = {
  hour: { step: 'PT1M', stepMs: MINUTE_MS, buckets: 60, refetchMs: 30_000 },
  day: { step: 'PT1H', stepMs: HOUR_MS, buckets: 24, refetchMs: 5 * MINUTE_MS },
} as const;
export type TimeWindow = keyof typeof timeWindows;

/** The window's buckets, the last one holding `now`. */
export function rangeEndingAt(window: TimeWindow, now: number): SeriesRange {
  const { step, stepMs, buckets } = timeWindows[window];
  const to = (Math.floor(now / stepMs) + 1) * stepMs;
  return { from: new Date(to - buckets * stepMs).toISOString(), to: new Date(to).toISOString(), step };
}
