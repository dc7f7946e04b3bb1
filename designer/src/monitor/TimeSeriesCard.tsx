import type { GlobalTimeSeriesPoint } from '@journey/shared';
import { type QueryKey, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesRange } from '../live/metricsApi';
import { type SeriesFigures, withLiveTail } from './figures';
import { MonitorCard, ReportState } from './MonitorCard';
import { TimeSeriesChart } from './TimeSeriesChart';
import { rangeEndingAt, type TimeWindow, timeWindows } from './timeWindows';

/** Where a time series comes from: one journey's, or every journey's. */
export interface SeriesSource {
  queryKey: (window: TimeWindow) => QueryKey;
  fetch: (range: SeriesRange) => Promise<{ points: GlobalTimeSeriesPoint[] }>;
}

/**
 * The series over the window, fetched again as often as the window asks, with what the live totals gained
 * since the fetch added to its last bucket.
 */
function useTimeSeries(source: SeriesSource, timeWindow: TimeWindow, live: SeriesFigures | null) {
  // Read by the fetch when it returns: the live totals the fetched series already holds.
  const latestLive = useRef(live);
  latestLive.current = live;
  const series = useQuery({
    queryKey: source.queryKey(timeWindow),
    queryFn: async () => {
      const { points } = await source.fetch(rangeEndingAt(timeWindow, Date.now()));
      return { points, atFetch: latestLive.current };
    },
    refetchInterval: timeWindows[timeWindow].refetchMs,
  });
  const points = useMemo(
    () => (series.data ? withLiveTail(series.data.points, series.data.atFetch, live) : null),
    [series.data, live],
  );
  return { points, error: series.error };
}

interface TimeSeriesCardProps {
  source: SeriesSource;
  /** The live totals of what the series counts, now. */
  live: SeriesFigures | null;
  wall: boolean;
}

/** Entries, conversions and messages sent over the last hour or day, live. */
export function TimeSeriesCard({ source, live, wall }: TimeSeriesCardProps) {
  const { t } = useTranslation();
  const [timeWindow, setTimeWindow] = useState<TimeWindow>('hour');
  const { points, error } = useTimeSeries(source, timeWindow, live);
  const windowSwitch = (
    <fieldset className="segmented">
      <legend className="visually-hidden">{t('monitor.window.label')}</legend>
      {(Object.keys(timeWindows) as TimeWindow[]).map((candidate) => (
        <button
          key={candidate}
          type="button"
          aria-pressed={timeWindow === candidate}
          onClick={() => setTimeWindow(candidate)}
        >
          {t(`monitor.window.${candidate}`)}
        </button>
      ))}
    </fieldset>
  );
  return (
    <MonitorCard area="series" title={t('monitor.timeSeries')} actions={windowSwitch}>
      {points ? <TimeSeriesChart points={points} timeWindow={timeWindow} dark={wall} /> : <ReportState error={error} />}
    </MonitorCard>
  );
}
