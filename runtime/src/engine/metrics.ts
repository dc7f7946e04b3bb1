import { type ChannelOutcome, type Counter, counterKey, type JourneyAction } from '@journey/shared';
import type { CounterDelta, MetricStore, SeriesDelta } from '../metrics/store';

interface VersionKey {
  journeyId: string;
  version: number;
}

/** What the batch needs to know about a version: which nodes are splits. */
export interface CountedVersion extends VersionKey {
  nodeTypes: ReadonlyMap<string, string>;
}

/** One saved step of an instance: where it stood before and after, and every action it performed on the way. */
export interface InstanceStep {
  /** The node it stood at before the step; null when it is just entering this version. */
  from: string | null;
  /** The node it waits at after the step; null when it left the journey. */
  to: string | null;
  actions: readonly JourneyAction[];
  /** Split node → variant, as saved after the step (conversions credit each of them). */
  variants: Readonly<Record<string, string>>;
  enteredAt: number;
  /** When the step happened: the event time, timer due time or effect time. */
  at: number;
}

const MINUTE_MS = 60_000;

/** The counters the per-minute series keeps: the main funnel figures. */
function isSeriesCounter(counter: Counter): boolean {
  return (
    counter.kind === 'journeyEntered' ||
    counter.kind === 'converted' ||
    (counter.kind === 'node' && counter.measure === 'entered') ||
    (counter.kind === 'channel' && counter.outcome === 'sent')
  );
}

/**
 * Counter increments gathered while a transaction runs and written once at its end, so a
 * batch of 1,000 events costs one upsert per distinct counter rather than one per action.
 */
export class MetricBatch {
  readonly #counters = new Map<string, CounterDelta>();
  readonly #series = new Map<string, SeriesDelta>();

  /** Adds to a counter of a version, and to its minute of the series if it is one of the main figures. */
  add(version: VersionKey, counter: Counter, at: number, delta = 1): void {
    const key = counterKey(counter);
    const id = `${version.journeyId}\u0000${version.version}\u0000${key}`;
    const existing = this.#counters.get(id);
    if (existing) existing.delta += delta;
    else this.#counters.set(id, { journeyId: version.journeyId, version: version.version, key, delta });
    if (!isSeriesCounter(counter)) return;
    const minute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
    const seriesId = `${version.journeyId}\u0000${minute}\u0000${key}`;
    const point = this.#series.get(seriesId);
    if (point) point.delta += delta;
    else this.#series.set(seriesId, { journeyId: version.journeyId, minute, key, delta });
  }

  /** A customer entered a journey version. */
  entered(version: VersionKey, at: number): void {
    this.add(version, { kind: 'journeyEntered' }, at);
  }

  /**
   * Counts a saved step of an instance: nodes entered and exited, handles, edges, conversions (with
   * time to convert, credited to the instance's split variants), exits, queued messages and benefit
   * outcomes, and moves the instance's `active` count from the node it stood at to the one it waits at.
   */
  step(version: CountedVersion, step: InstanceStep): void {
    const { at } = step;
    // The node the instance stands at and has not yet been counted as leaving.
    let standing = step.from;
    const poolOfNode = new Map<string, string>();
    for (const action of step.actions) {
      switch (action.type) {
        case 'enterNode':
          // Entering without a traversal (a migration re-entering its node) leaves the previous node too.
          if (standing !== null) this.add(version, { kind: 'node', nodeId: standing, measure: 'exited' }, at);
          standing = action.params.nodeId;
          this.add(version, { kind: 'node', nodeId: standing, measure: 'entered' }, at);
          break;
        case 'traverse': {
          const { nodeId, handle, edgeId } = action.params;
          this.add(version, { kind: 'handle', nodeId, handle }, at);
          this.add(version, { kind: 'edge', edgeId }, at);
          this.add(version, { kind: 'node', nodeId, measure: 'exited' }, at);
          if (standing === nodeId) standing = null;
          if (version.nodeTypes.get(nodeId) === 'split') {
            this.add(version, { kind: 'variant', splitId: nodeId, variantId: handle, measure: 'entered' }, at);
          }
          const poolId = poolOfNode.get(nodeId);
          if (poolId && (handle === 'granted' || handle === 'unavailable')) {
            this.add(version, { kind: 'benefit', poolId, outcome: handle }, at);
          }
          break;
        }
        case 'convert':
          this.add(version, { kind: 'converted' }, at);
          // An event stamped before the entry (sent late) converts at once rather than in negative time.
          this.add(version, { kind: 'timeToConvert' }, at, Math.max(0, at - step.enteredAt));
          for (const [splitId, variantId] of Object.entries(step.variants)) {
            this.add(version, { kind: 'variant', splitId, variantId, measure: 'converted' }, at);
          }
          break;
        case 'leave':
          this.add(version, { kind: 'journeyEnded', reason: action.params.reason }, at);
          break;
        case 'sendMessage':
          this.add(version, { kind: 'channel', channel: action.params.channel, outcome: 'queued' }, at);
          break;
        case 'grantBenefit':
          // The grant's outcome is the handle the node leaves by, later in the same step.
          poolOfNode.set(action.params.nodeId, action.params.poolId);
          break;
        default:
          break;
      }
    }
    if (step.to === null && standing !== null)
      this.add(version, { kind: 'node', nodeId: standing, measure: 'exited' }, at);
    if (step.from !== step.to) {
      if (step.from !== null) this.add(version, { kind: 'node', nodeId: step.from, measure: 'active' }, at, -1);
      if (step.to !== null) this.add(version, { kind: 'node', nodeId: step.to, measure: 'active' }, at);
    }
  }

  /** An instance left `nodeId` of a version without a step there (migrated to another version). */
  leftVersion(version: VersionKey, nodeId: string, at: number): void {
    this.add(version, { kind: 'node', nodeId, measure: 'active' }, at, -1);
    this.add(version, { kind: 'node', nodeId, measure: 'exited' }, at);
  }

  /** A dispatch attempt of a queued message ended in `outcome`. */
  dispatched(version: VersionKey, channel: string, outcome: ChannelOutcome, at: number): void {
    this.add(version, { kind: 'channel', channel, outcome }, at);
  }

  /** Writes the increments in the caller's transaction and starts a new batch. */
  flush(store: MetricStore): void {
    store.write([...this.#counters.values()], [...this.#series.values()]);
    this.#counters.clear();
    this.#series.clear();
  }
}
