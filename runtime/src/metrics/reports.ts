import {
  addCounters,
  addToSummary,
  type Counter,
  type ExperimentsReport,
  emptyJourneyMetrics,
  emptySummary,
  type GlobalMetrics,
  type GlobalTimeSeries,
  type GlobalTimeSeriesPoint,
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

/** The buckets of a time series: [from, to) in epoch ms, by `stepMs` (`step` as asked, e.g. PT1M). */
export interface SeriesRange {
  from: number;
  to: number;
  stepMs: number;
  step: string;
}

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

  /** A journey's time series: the main counters and the entries per node, by step; 404 for an unknown journey. */
  timeSeries(journeyId: string, range: SeriesRange): TimeSeries {
    this.journeys.get(journeyId);
    const series = this.#series(
      journeyId,
      range,
      (figures): TimeSeriesPoint => ({ ...figures, nodesEntered: {} }),
      (point, counter, value) => {
        if (counter.kind === 'node' && counter.measure === 'entered') point.nodesEntered[counter.nodeId] = value;
      },
    );
    return { journeyId, ...series };
  }

  /** The main counters of every journey summed by step, archived ones included (as in `globalMetrics`). */
  globalTimeSeries(range: SeriesRange): GlobalTimeSeries {
    return this.#series(null, range, (figures) => figures);
  }

  /**
   * Per-step sums of the main counters in [from, to), one point per step counted from `from`, of one journey or
   * of all when `journeyId` is null: `point` makes each point from its figures, `addOther` adds the other counters.
   */
  #series<P extends GlobalTimeSeriesPoint>(
    journeyId: string | null,
    range: SeriesRange,
    point: (figures: GlobalTimeSeriesPoint) => P,
    addOther?: (point: P, counter: Counter, value: number) => void,
  ): { from: string; to: string; step: string; points: P[] } {
    const { from, to, stepMs, step } = range;
    const points = Array.from({ length: Math.ceil((to - from) / stepMs) }, (_, index) =>
      point({ at: iso(from + index * stepMs), entered: 0, converted: 0, messagesSent: 0 }),
    );
    for (const { bucket, key, value } of this.store.series(journeyId, from, to, stepMs)) {
      const bucketPoint = points[bucket];
      const counter = parseCounterKey(key);
      if (!bucketPoint || !counter) continue;
      if (counter.kind === 'journeyEntered') bucketPoint.entered += value;
      else if (counter.kind === 'converted') bucketPoint.converted += value;
      else if (counter.kind === 'channel' && counter.outcome === 'sent') bucketPoint.messagesSent += value;
      else addOther?.(bucketPoint, counter, value);
    }
    return { from: iso(from), to: iso(to), step, points };
  }

  /** A/B statistics for every split node of the journey (one version, or all summed). */
  experiments(journeyId: string, version: number | null): ExperimentsReport {
    const documents = this.#documents(journeyId, version);
    return experimentsReport(this.#metrics(journeyId, version, documents), documents);
  }
}
