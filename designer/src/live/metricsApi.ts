import type { ExperimentsReport, GlobalTimeSeries, OrgMetricsDto, RoiReportDto, TimeSeries } from '@journey/shared';
import { requestJson } from '../api/http';
import { journeyKeys } from '../api/journeys';

// The runtime's reports on a journey's results, or on all journeys' (see /openapi.json), for the monitor and
// experiments views.

export interface SeriesRange {
  from: string;
  to: string;
  step: string;
}

const path = (journeyId: string, rest: string) => `/v1/journeys/${encodeURIComponent(journeyId)}${rest}`;

export const metricsApi = {
  timeSeries: (journeyId: string, range: SeriesRange) =>
    requestJson<TimeSeries>('GET', path(journeyId, `/metrics/timeseries?${new URLSearchParams({ ...range })}`)),
  /** Every journey summed. */
  globalTimeSeries: (range: SeriesRange) =>
    requestJson<GlobalTimeSeries>('GET', `/v1/metrics/timeseries?${new URLSearchParams({ ...range })}`),
  branches: (journeyId: string) => requestJson<OrgMetricsDto>('GET', path(journeyId, '/metrics/org?groupBy=branch')),
  roi: (journeyId: string) => requestJson<RoiReportDto>('GET', path(journeyId, '/roi')),
  experiments: (journeyId: string) => requestJson<ExperimentsReport>('GET', path(journeyId, '/experiments')),
};

/** Under the journey's own key, so whatever refreshes the journey refreshes its reports too. */
export const metricsKeys = {
  timeSeries: (journeyId: string, window: string) => [...journeyKeys.detail(journeyId), 'timeseries', window] as const,
  /** Of no one journey. */
  globalTimeSeries: (window: string) => ['metrics', 'timeseries', window] as const,
  branches: (journeyId: string) => [...journeyKeys.detail(journeyId), 'branches'] as const,
  roi: (journeyId: string) => [...journeyKeys.detail(journeyId), 'roi'] as const,
  experiments: (journeyId: string) => [...journeyKeys.detail(journeyId), 'experiments'] as const,
};
