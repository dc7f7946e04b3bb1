import { type CompiledJourney, type Condition, evaluateCondition, type JourneyDocument } from '@journey/shared';
import { Cron } from 'croner';
import type { SqliteHandle } from '../db/client';
import type { Issue } from '../http-errors';
import type { JourneyExecutor } from './executor';
import { MetricBatch } from './metrics';
import type { LoadedVersion, VersionCache } from './versions';

/** Customers entered per transaction during a bulk entry; small enough to keep other requests flowing. */
const CHUNK_SIZE = 1_000;

interface JobRow {
  id: number;
  journey_id: string;
  version: number;
  condition: string | null;
  cursor: string | null;
  created_at: number;
}

interface CustomerRow {
  id: string;
  attributes: string;
  tags: string;
}

/**
 * Entry by segment and by schedule. Going live with a segment trigger, or a schedule coming due,
 * queues a durable job that scans customers in chunks; a customer whose profile changes is
 * checked against live segment journeys at once, so they enter when they start matching.
 */
export class AudienceEntry {
  readonly #statements;

  constructor(
    sqlite: SqliteHandle,
    private readonly versions: VersionCache,
    private readonly executor: JourneyExecutor,
  ) {
    this.#statements = {
      segment: sqlite.prepare<[string], { condition: string }>('SELECT condition FROM segments WHERE id = ?'),
      insertJob: sqlite.prepare<[string, number, string | null, number]>(
        'INSERT INTO audience_jobs (journey_id, version, condition, cursor, created_at) VALUES (?, ?, ?, NULL, ?)',
      ),
      // Jobs of paused journeys wait for their resume without holding up the others.
      nextJob: sqlite.prepare<[], JobRow>(
        `SELECT a.* FROM audience_jobs a LEFT JOIN journeys j ON j.id = a.journey_id
         WHERE j.status IS NULL OR j.status != 'paused' ORDER BY a.id LIMIT 1`,
      ),
      moveJob: sqlite.prepare<[string, number]>('UPDATE audience_jobs SET cursor = ? WHERE id = ?'),
      deleteJob: sqlite.prepare<[number]>('DELETE FROM audience_jobs WHERE id = ?'),
      customersAfter: sqlite.prepare<[string, number], CustomerRow>(
        'SELECT id, attributes, tags FROM customers WHERE id > ? ORDER BY id LIMIT ?',
      ),
      customer: sqlite.prepare<[string], CustomerRow>('SELECT id, attributes, tags FROM customers WHERE id = ?'),
      liveVersion: sqlite.prepare<[string], { live_version: number | null; status: string }>(
        'SELECT live_version, status FROM journeys WHERE id = ?',
      ),
      dueSchedules: sqlite.prepare<[number], { id: string; live_version: number; next_entry_at: number }>(
        "SELECT id, live_version, next_entry_at FROM journeys WHERE status = 'live' AND next_entry_at IS NOT NULL AND next_entry_at <= ?",
      ),
      setNextEntry: sqlite.prepare<[number | null, string]>('UPDATE journeys SET next_entry_at = ? WHERE id = ?'),
    };
  }

  /** The condition a segment defines (publishing checks the segment exists, see `entryIssues`). */
  segmentCondition(segmentId: string): Condition {
    const row = this.#statements.segment.get(segmentId);
    if (!row) throw new Error(`Segment ${segmentId} does not exist`);
    return JSON.parse(row.condition) as Condition;
  }

  /** What stops a draft's entry from working: an unknown segment, a cron that does not parse; with field paths. */
  entryIssues(document: JourneyDocument, compiled: CompiledJourney): Issue[] {
    const entry = compiled.entry;
    const at = `draft.nodes.${document.nodes.findIndex((node) => node.id === compiled.triggerNodeId)}.config`;
    const unknownSegment = (segmentId: string, path: string): Issue[] =>
      this.#statements.segment.get(segmentId)
        ? []
        : [{ path, message: `segment "${segmentId}" does not exist; create it before publishing` }];
    if (entry.kind === 'segment') return unknownSegment(entry.segmentId, `${at}.segmentId`);
    if (entry.kind !== 'schedule') return [];
    const issues =
      entry.audience && 'segmentId' in entry.audience
        ? unknownSegment(entry.audience.segmentId, `${at}.audience.segmentId`)
        : [];
    if (entry.cron) {
      try {
        new Cron(entry.cron, { timezone: compiled.timezone, paused: true });
      } catch (error) {
        issues.push({
          path: `${at}.cron`,
          message: `"${entry.cron}" is not a cron schedule: ${(error as Error).message}`,
        });
      }
    }
    return issues;
  }

  /** Called when a version goes live (publish or resume): queue its segment entry or plan its next scheduled run. */
  wentLive(version: LoadedVersion, now: number): void {
    const entry = version.compiled.entry;
    if (entry.kind === 'segment') {
      this.#statements.insertJob.run(
        version.journeyId,
        version.version,
        JSON.stringify(this.segmentCondition(entry.segmentId)),
        now,
      );
    } else if (entry.kind === 'schedule') {
      this.#statements.setNextEntry.run(this.#nextRun(version, now, true), version.journeyId);
    }
  }

  /** When the next scheduled entry is due after `now` (a one-off `at` only while still ahead, or exactly now on going live). */
  #nextRun(version: LoadedVersion, now: number, inclusive: boolean): number | null {
    const entry = version.compiled.entry;
    if (entry.kind !== 'schedule') return null;
    if (entry.at) {
      const at = Date.parse(entry.at);
      return at > now || (inclusive && at === now) ? at : null;
    }
    if (!entry.cron) return null;
    const next = new Cron(entry.cron, { timezone: version.compiled.timezone, paused: true }).nextRun(new Date(now));
    return next ? next.getTime() : null;
  }

  /**
   * Queues the audience of every schedule due by `now`, entering at the scheduled time (as timers fire
   * at theirs, however late the check runs); runs missed while the runtime was down collapse into one.
   */
  startDueSchedules(now: number): number {
    const due = this.#statements.dueSchedules.all(now);
    for (const journey of due) {
      const version = this.versions.get(journey.id, journey.live_version);
      const entry = version.compiled.entry;
      if (entry.kind !== 'schedule') continue;
      const condition = !entry.audience
        ? null
        : 'segmentId' in entry.audience
          ? this.segmentCondition(entry.audience.segmentId)
          : entry.audience.where;
      this.#statements.insertJob.run(
        version.journeyId,
        version.version,
        condition ? JSON.stringify(condition) : null,
        journey.next_entry_at,
      );
      this.#statements.setNextEntry.run(this.#nextRun(version, now, false), version.journeyId);
    }
    return due.length;
  }

  /** Enters the next chunk of the oldest job (call inside a transaction); returns false when no job is left. */
  runChunk(): boolean {
    const job = this.#statements.nextJob.get();
    if (!job) return false;
    const journey = this.#statements.liveVersion.get(job.journey_id);
    // A job outlives neither its version (a newer one went live) nor an archive.
    if (!journey || journey.live_version !== job.version || journey.status !== 'live') {
      this.#statements.deleteJob.run(job.id);
      return true;
    }
    const version = this.versions.get(job.journey_id, job.version);
    const condition = job.condition ? (JSON.parse(job.condition) as Condition) : null;
    const page = this.#statements.customersAfter.all(job.cursor ?? '', CHUNK_SIZE);
    const metrics = new MetricBatch();
    // Customers enter at the job's time: when the journey went live or the schedule came due.
    for (const customer of page) this.#enterIfMatching(version, condition, customer, job.created_at, metrics);
    this.executor.flushMetrics(metrics);
    const last = page.at(-1);
    if (page.length < CHUNK_SIZE || !last) this.#statements.deleteJob.run(job.id);
    else this.#statements.moveJob.run(last.id, job.id);
    return true;
  }

  /** Customers whose profile or tags changed: those who now match a live segment journey enter it. */
  customersChanged(customerIds: readonly string[], now: number): void {
    const segmentVersions = this.versions.live().filter((version) => version.compiled.entry.kind === 'segment');
    if (segmentVersions.length === 0) return;
    const metrics = new MetricBatch();
    for (const version of segmentVersions) {
      const entry = version.compiled.entry;
      if (entry.kind !== 'segment') continue;
      const condition = this.segmentCondition(entry.segmentId);
      for (const id of customerIds) {
        const customer = this.#statements.customer.get(id);
        if (customer) this.#enterIfMatching(version, condition, customer, now, metrics);
      }
    }
    this.executor.flushMetrics(metrics);
  }

  #enterIfMatching(
    version: LoadedVersion,
    condition: Condition | null,
    customer: CustomerRow,
    now: number,
    metrics: MetricBatch,
  ): void {
    const profile = JSON.parse(customer.attributes) as Record<string, unknown>;
    const tags = JSON.parse(customer.tags) as string[];
    if (condition && !evaluateCondition(condition, { profile, tags }).value) return;
    this.executor.enterCustomer(
      version,
      customer.id,
      { at: now, properties: {}, profile, tags },
      { cause: 'audience' },
      metrics,
    );
  }
}
