import { applyMetricsDelta, type JourneyMetrics, type JourneyMetricsDelta } from '@journey/shared';
import type { LiveConnection } from './liveSocket';

/** The live funnel of the journey being watched, as the socket feeds it. */
export interface LiveMetricsState {
  /** The journey watched, or null; snapshots and deltas of any other journey are ignored. */
  journeyId: string | null;
  /** Null until the first snapshot arrives (and again once watching stops). */
  metrics: JourneyMetrics | null;
  connection: LiveConnection;
}

export type LiveMetricsEvent =
  | { type: 'watch'; journeyId: string | null }
  | { type: 'snapshot'; snapshot: JourneyMetrics }
  | { type: 'delta'; delta: JourneyMetricsDelta }
  | { type: 'connection'; connection: LiveConnection };

export const notWatching: LiveMetricsState = { journeyId: null, metrics: null, connection: { state: 'connecting' } };

/**
 * Folds the live feed: `watch` starts afresh, each snapshot (the first, and one after every reconnect)
 * replaces the figures, and deltas move them forward. A delta with no snapshot to continue from is dropped.
 */
export function reduceLiveMetrics(state: LiveMetricsState, event: LiveMetricsEvent): LiveMetricsState {
  switch (event.type) {
    case 'watch':
      return { ...notWatching, journeyId: event.journeyId };
    case 'snapshot':
      return event.snapshot.journeyId === state.journeyId ? { ...state, metrics: event.snapshot } : state;
    case 'delta':
      return event.delta.journeyId === state.journeyId && state.metrics
        ? { ...state, metrics: applyMetricsDelta(state.metrics, event.delta) }
        : state;
    case 'connection':
      return { ...state, connection: event.connection };
  }
}
