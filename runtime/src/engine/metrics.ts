import type { JourneyAction } from '@journey/shared';
import type { Statement } from 'better-sqlite3';

interface VersionKey {
  journeyId: string;
  version: number;
}

/**
 * Counter increments gathered while a transaction runs and written once at its end, so a
 * batch of 1,000 events costs one upsert per distinct counter rather than one per action.
 */
export class MetricBatch {
  readonly #deltas = new Map<string, { journeyId: string; version: number; key: string; delta: number }>();

  add(version: VersionKey, key: string, delta = 1): void {
    const id = `${version.journeyId}\u0000${version.version}\u0000${key}`;
    const existing = this.#deltas.get(id);
    if (existing) existing.delta += delta;
    else this.#deltas.set(id, { journeyId: version.journeyId, version: version.version, key, delta });
  }

  /** Counts what an action tells about the funnel. */
  record(version: VersionKey, action: JourneyAction): void {
    switch (action.type) {
      case 'enterNode':
        this.add(version, `node:${action.params.nodeId}:entered`);
        break;
      case 'traverse':
        this.add(version, `handle:${action.params.nodeId}:${action.params.handle}`);
        this.add(version, `edge:${action.params.edgeId}`);
        break;
      case 'convert':
        this.add(version, 'goal:converted');
        break;
      case 'leave':
        this.add(version, `journey:${action.params.reason}`);
        break;
      case 'sendMessage':
        this.add(version, `channel:${action.params.channel}:queued`);
        break;
      default:
        break;
    }
  }

  /** An instance moved from one node to another (`null`: entering or leaving the journey). */
  move(version: VersionKey, from: string | null, to: string | null): void {
    if (from === to) return;
    if (from) this.add(version, `node:${from}:active`, -1);
    if (to) this.add(version, `node:${to}:active`);
  }

  flush(upsert: Statement<[string, number, string, number]>): void {
    for (const { journeyId, version, key, delta } of this.#deltas.values()) {
      if (delta !== 0) upsert.run(journeyId, version, key, delta);
    }
    this.#deltas.clear();
  }
}
