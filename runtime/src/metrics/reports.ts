import {
  addCounters,
  addToSummary,
  type ExperimentsReport,
  emptyJourneyMetrics,
  emptySummary,
  type GlobalMetrics,
  globalMetricsOf,
  type JourneyDocument,
  type JourneyMetrics,
  type JourneySummary,
  parseCounterKey,
  type TimeSeries,
  type TimeSeriesPoint,
} from '@journey/shared';
import type { JourneyService } from '../engine/journeys';
import { experimentsReport } from './experiments';
import type { MetricStore } from './store';

/** Counter increments by key. */
export type Counts = ReadonlyMap<string, number>;

const negated = (counts: Counts | undefined): Array<[string, number]> =>
  counts ? [...counts].map(([key, value]) => [key, -value]) : [];

const iso = (ms: number) => new Date(ms).toISOString();

/** The REST and live views of the counters: funnel snapshots, totals, time series and experiments. */
export class MetricsReports {
  constructor(
    private readonly store: MetricStore,
    private readonly journeys: JourneyService,
  ) {}

  #documents(journeyId: string, version: number | null): JourneyDocument[] {
    const rows = version === null ? this.journeys.versionsOf(journeyId) : [this.journeys.version(journeyId, version)];
    return rows.map((row) => row.document);
  }

  /**
   * A journey's funnel (one version, or all summed when `version` is null); 404 for an unknown journey.
   * `unsent` are committed increments live clients have not been sent yet: they are left out, so the
   * snapshot plus the next delta add up to the stored counters.
   */
  journeyMetrics(journeyId: string, version: number | null, unsent?: Counts): JourneyMetrics {
    return this.#metrics(journeyId, version, this.#documents(journeyId, version), unsent);
  }

  #metrics(
    journeyId: string,
    version: number | null,
    documents: readonly JourneyDocument[],
    unsent?: Counts,
  ): JourneyMetrics {
    const metrics = emptyJourneyMetrics(journeyId, version, documents);
    addCounters(metrics, this.store.counters(journeyId, version));
    addCounters(metrics, negated(unsent));
    const remaining = this.store.remaining();
    for (const [poolId, benefit] of Object.entries(metrics.benefits)) benefit.remaining = remaining.get(poolId) ?? 0;
    return metrics;
  }

  /** Totals across journeys for the big screen, leaving out `unsent` increments (by journey) like `journeyMetrics`. */
  globalMetrics(unsent: ReadonlyMap<string, Counts>): GlobalMetrics {
    const journeys: Record<string, JourneySummary> = {};
    for (const [journeyId, counters] of this.store.allCounters()) {
      const summary = emptySummary();
      addToSummary(summary, counters);
      addToSummary(summary, negated(unsent.get(journeyId)));
      journeys[journeyId] = summary;
    }
    return globalMetricsOf(journeys);
  }

  /** Per-step sums of the main counters in [from, to), one point per step counted from `from`. */
  timeSeries(journeyId: string, range: { from: number; to: number; stepMs: number; step: string }): TimeSeries {
    this.journeys.get(journeyId);
    const { from, to, stepMs, step } = range;
    const points: TimeSeriesPoint[] = Array.from({ length: Math.ceil((to - from) / stepMs) }, (_, index) => ({
      at: iso(from + index * stepMs),
      entered: 0,
      converted: 0,
      messagesSent: 0,
      nodesEntered: {},
    }));
    for (const { bucket, key, value } of this.store.series(journeyId, from, to, stepMs)) {
      const point = points[bucket];
      const counter = parseCounterKey(key);
      if (!point || !counter) continue;
      if (counter.kind === 'journeyEntered') point.entered += value;
      else if (counter.kind === 'converted') point.converted += value;
      else if (counter.kind === 'channel' && counter.outcome === 'sent') point.messagesSent += value;
      else if (counter.kind === 'node' && counter.measure === 'entered') point.nodesEntered[counter.nodeId] = value;
    }
    return { journeyId, from: iso(from), to: iso(to), step, points };
  }

  /** A/B statistics for every split node of the journey (one version, or all summed). */
  experiments(journeyId: string, version: number | null): ExperimentsReport {
    const documents = this.#documents(journeyId, version);
    return experimentsReport(this.#metrics(journeyId, version, documents), documents);
  }
}
