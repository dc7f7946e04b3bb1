import type { Clock } from '../clock';
import type { SqliteHandle } from '../db/client';

/** An increment of one counter of a journey version. */
export interface CounterDelta {
  journeyId: string;
  version: number;
  key: string;
  delta: number;
}

/** An increment of one counter of a journey in one minute of the series. */
export interface SeriesDelta {
  journeyId: string;
  /** Start of the minute, epoch ms. */
  minute: number;
  key: string;
  delta: number;
}

/** Series values summed into one bucket of a time series, numbered from its start. */
interface SeriesRow {
  bucket: number;
  key: string;
  value: number;
}

/** The series in [from, to) summed into buckets of a step counted from `from`; `journeyFilter` narrows it. */
const seriesQuery = (journeyFilter: string) =>
  `SELECT CAST((minute - ?) / ? AS INTEGER) AS bucket, key, SUM(value) AS value FROM metric_series
   WHERE ${journeyFilter} minute >= ? AND minute < ? GROUP BY bucket, key`;

/** The series keeps at least 30 days (the promise to operators); older minutes are pruned once a minute. */
export const SERIES_RETENTION_MS = 30 * 24 * 60 * 60_000;

/**
 * Stores metric counters and their per-minute series in the transaction of the change they count,
 * and hands the increments of committed transactions to a live listener.
 *
 * SQLite has no commit hook, so each write also inserts its sequence number into a TEMP table in the
 * same transaction: a rollback removes the number, and `takeCommitted` keeps only increments whose
 * number is there. Deltas sent to live clients are thus exactly the committed ones.
 */
export class MetricStore {
  readonly #sqlite: SqliteHandle;
  readonly #statements;
  #staged: Array<{ sequence: number; counters: readonly CounterDelta[] }> = [];
  #sequence = 0;
  #prunedBefore = Number.NEGATIVE_INFINITY;
  readonly #clock: Clock;
  #listener: (() => void) | undefined;

  constructor(sqlite: SqliteHandle, clock: Clock) {
    this.#sqlite = sqlite;
    this.#clock = clock;
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS metric_commits (sequence INTEGER PRIMARY KEY)');
    this.#statements = {
      bumpCounter: sqlite.prepare<[string, number, string, number]>(
        `INSERT INTO metric_counters (journey_id, version, key, value) VALUES (?, ?, ?, ?)
         ON CONFLICT (journey_id, version, key) DO UPDATE SET value = value + excluded.value`,
      ),
      bumpSeries: sqlite.prepare<[string, number, string, number]>(
        `INSERT INTO metric_series (journey_id, minute, key, value) VALUES (?, ?, ?, ?)
         ON CONFLICT (journey_id, minute, key) DO UPDATE SET value = value + excluded.value`,
      ),
      pruneSeries: sqlite.prepare<[number]>('DELETE FROM metric_series WHERE minute < ?'),
      markCommitted: sqlite.prepare<[number]>('INSERT INTO temp.metric_commits (sequence) VALUES (?)'),
      committed: sqlite.prepare<[], number>('SELECT sequence FROM temp.metric_commits').pluck(),
      clearCommitted: sqlite.prepare('DELETE FROM temp.metric_commits'),
      counters: sqlite.prepare<[string], { key: string; value: number }>(
        'SELECT key, SUM(value) AS value FROM metric_counters WHERE journey_id = ? GROUP BY key',
      ),
      versionCounters: sqlite.prepare<[string, number], { key: string; value: number }>(
        'SELECT key, value FROM metric_counters WHERE journey_id = ? AND version = ?',
      ),
      allCounters: sqlite.prepare<[], { journey_id: string; key: string; value: number }>(
        'SELECT journey_id, key, SUM(value) AS value FROM metric_counters GROUP BY journey_id, key',
      ),
      remaining: sqlite.prepare<[], { id: string; remaining: number }>(
        'SELECT id, budget - granted AS remaining FROM benefit_pools',
      ),
      series: sqlite.prepare<[number, number, string, number, number], SeriesRow>(seriesQuery('journey_id = ? AND')),
      allSeries: sqlite.prepare<[number, number, number, number], SeriesRow>(seriesQuery('')),
    };
  }

  /** Called (inside the writing transaction) whenever increments were staged for live clients. */
  onWrite(listener: () => void): void {
    this.#listener = listener;
  }

  /** Adds increments; call inside the transaction that makes the change they count. */
  write(counters: readonly CounterDelta[], series: readonly SeriesDelta[]): void {
    for (const { journeyId, version, key, delta } of counters) {
      if (delta !== 0) this.#statements.bumpCounter.run(journeyId, version, key, delta);
    }
    for (const { journeyId, minute, key, delta } of series) {
      if (delta !== 0) this.#statements.bumpSeries.run(journeyId, minute, key, delta);
    }
    // At most once a minute, by the clock (never by event times, which clients choose): forget old minutes.
    const horizon = this.#clock.now() - SERIES_RETENTION_MS;
    if (horizon - this.#prunedBefore >= 60_000) {
      this.#prunedBefore = horizon;
      this.#statements.pruneSeries.run(horizon);
    }
    if (!this.#listener || counters.length === 0) return;
    const sequence = ++this.#sequence;
    this.#statements.markCommitted.run(sequence);
    this.#staged.push({ sequence, counters });
    this.#listener();
  }

  /**
   * The increments of transactions that committed since the last call, once each; those of rolled-back
   * transactions are dropped. Empty while a transaction is open (its outcome is not known yet).
   */
  takeCommitted(): CounterDelta[] {
    if (this.#staged.length === 0 || this.#sqlite.inTransaction) return [];
    const committed = new Set(this.#statements.committed.all());
    this.#statements.clearCommitted.run();
    const deltas = this.#staged.filter((batch) => committed.has(batch.sequence)).flatMap((batch) => batch.counters);
    this.#staged = [];
    return deltas;
  }

  /** Counter values of a journey by key: of one version, or summed over all of them. */
  counters(journeyId: string, version: number | null): Array<[string, number]> {
    const rows =
      version === null
        ? this.#statements.counters.all(journeyId)
        : this.#statements.versionCounters.all(journeyId, version);
    return rows.map((row) => [row.key, row.value]);
  }

  /** Every journey's counter values by key, summed over versions. */
  allCounters(): Map<string, Array<[string, number]>> {
    const byJourney = new Map<string, Array<[string, number]>>();
    for (const row of this.#statements.allCounters.all()) {
      const counters = byJourney.get(row.journey_id) ?? [];
      counters.push([row.key, row.value]);
      byJourney.set(row.journey_id, counters);
    }
    return byJourney;
  }

  /** Units left per benefit pool. */
  remaining(): Map<string, number> {
    return new Map(this.#statements.remaining.all().map((row) => [row.id, row.remaining]));
  }

  /**
   * Series values in [from, to), summed into buckets of `stepMs` counted from `from`: of one journey, or of
   * every journey together when `journeyId` is null.
   */
  series(journeyId: string | null, from: number, to: number, stepMs: number): SeriesRow[] {
    return journeyId === null
      ? this.#statements.allSeries.all(from, stepMs, from, to)
      : this.#statements.series.all(from, stepMs, journeyId, from, to);
  }
}
