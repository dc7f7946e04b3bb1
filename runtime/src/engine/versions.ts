import {
  type CompiledJourney,
  type Condition,
  createJourneyMachine,
  eventListeners,
  type JourneyDocument,
  type JourneyMachine,
  parseNodeConfig,
} from '@journey/shared';
import type { SqliteHandle } from '../db/client';

/** A published journey version, ready to execute. */
export interface LoadedVersion {
  journeyId: string;
  version: number;
  document: JourneyDocument;
  compiled: CompiledJourney;
  machine: JourneyMachine;
  /** Whether an instance at `nodeId` reacts to events of `eventType`; others skip it without a transition. */
  listens: (nodeId: string, eventType: string) => boolean;
  nodeTypes: ReadonlyMap<string, string>;
  /** Each condition node's branches, to explain in the trace which rule held. */
  conditionBranches: ReadonlyMap<string, ReadonlyArray<{ id: string; when: Condition }>>;
}

interface VersionRow {
  journey_id: string;
  version: number;
  document: string;
  compiled: string;
}

/**
 * Published versions are immutable, so their machines are built once and cached; the set of
 * live versions (what new customers enter) is cached too and refreshed when a journey changes status.
 */
export class VersionCache {
  readonly #byKey = new Map<string, LoadedVersion>();
  #live: LoadedVersion[] | undefined;
  readonly #selectVersion;
  readonly #selectLive;

  constructor(sqlite: SqliteHandle) {
    this.#selectVersion = sqlite.prepare<[string, number], VersionRow>(
      'SELECT journey_id, version, document, compiled FROM journey_versions WHERE journey_id = ? AND version = ?',
    );
    this.#selectLive = sqlite.prepare<[], VersionRow>(
      `SELECT v.journey_id, v.version, v.document, v.compiled FROM journeys j
       JOIN journey_versions v ON v.journey_id = j.id AND v.version = j.live_version WHERE j.status = 'live'`,
    );
  }

  #load(row: VersionRow): LoadedVersion {
    const key = `${row.journey_id}\u0000${row.version}`;
    const cached = this.#byKey.get(key);
    if (cached) return cached;
    const document = JSON.parse(row.document) as JourneyDocument;
    const compiled = JSON.parse(row.compiled) as CompiledJourney;
    const loaded: LoadedVersion = {
      journeyId: row.journey_id,
      version: row.version,
      document,
      compiled,
      machine: createJourneyMachine(compiled),
      listens: eventListeners(compiled),
      nodeTypes: new Map(document.nodes.map((node) => [node.id, node.type])),
      conditionBranches: new Map(
        document.nodes.flatMap((node) => {
          const parsed = node.type === 'condition' ? parseNodeConfig('condition', node.config) : undefined;
          return parsed?.ok ? [[node.id, parsed.config.branches] as const] : [];
        }),
      ),
    };
    this.#byKey.set(key, loaded);
    return loaded;
  }

  get(journeyId: string, version: number): LoadedVersion {
    const key = `${journeyId}\u0000${version}`;
    const cached = this.#byKey.get(key);
    if (cached) return cached;
    const row = this.#selectVersion.get(journeyId, version);
    if (!row) throw new Error(`journey ${journeyId} has no version ${version}`);
    return this.#load(row);
  }

  /** The versions new customers enter: one per live journey. */
  live(): readonly LoadedVersion[] {
    this.#live ??= this.#selectLive.all().map((row) => this.#load(row));
    return this.#live;
  }

  /** Call after a publish, pause, resume or archive. */
  invalidateLive(): void {
    this.#live = undefined;
  }
}
