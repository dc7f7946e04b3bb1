import {
  type CompiledJourney,
  type CreativeContent,
  compileJourney,
  diffJourneys,
  type JourneyChange,
  type JourneyDocument,
  parseJourneyDocument,
  resolveCreatives,
  type ValidationProblem,
  validateJourney,
} from '@journey/shared';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { AuditAction, AuditLog } from '../audit/log';
import type { Principal } from '../auth/roles';
import type { Database } from '../db/client';
import { type JourneyStatus, journeys, journeyVersions } from '../db/schema';
import { BadRequestError, ConflictError, NotFoundError } from '../http-errors';
import type { AudienceEntry } from './audience';
import type { CreativeLibrary } from './creatives';
import type { JourneyExecutor } from './executor';
import type { VersionCache } from './versions';

export type JourneyRow = typeof journeys.$inferSelect;
export type VersionRow = typeof journeyVersions.$inferSelect;

/** A document that failed to parse, as 400 issues under the request field it came from. */
function parseOrThrow(input: unknown, field: string): JourneyDocument {
  const parsed = parseJourneyDocument(input);
  if (parsed.ok) return parsed.document;
  throw new BadRequestError(
    'The journey document is not valid',
    parsed.issues.map((issue) => ({ path: [field, issue.path].filter(Boolean).join('.'), message: issue.message })),
  );
}

/** A migration may only move customers to nodes of the version being published (never back to its trigger). */
function assertNodeMapFits(nodeMap: Readonly<Record<string, string>>, document: JourneyDocument): void {
  const targets = new Map(document.nodes.map((node) => [node.id, node.type]));
  const issues = Object.entries(nodeMap)
    .filter(([, target]) => targets.get(target) === undefined || targets.get(target) === 'trigger')
    .map(([source, target]) => ({
      path: `body.nodeMap.${source}`,
      message: targets.has(target)
        ? 'customers cannot be moved to the trigger'
        : `the new version has no node "${target}"`,
    }));
  if (issues.length > 0) throw new BadRequestError('The node mapping does not fit the new version', issues);
}

/** Which status changes an operator may make, from → allowed targets. */
const transitions: Record<JourneyStatus, readonly JourneyStatus[]> = {
  draft: ['archived'],
  live: ['paused', 'archived'],
  paused: ['live', 'archived'],
  archived: [],
};

const statusActions = {
  live: 'journey.resumed',
  paused: 'journey.paused',
  archived: 'journey.archived',
} as const satisfies Record<Exclude<JourneyStatus, 'draft'>, AuditAction>;

/** What a publish makes live: a document and how in-flight customers of older versions move into it. */
export interface PublishRequest {
  document: JourneyDocument;
  /** Current node id of an in-flight customer → a node of the new version. */
  nodeMap: Readonly<Record<string, string>>;
}

/** Drafts, publishing and lifecycle of journeys; every change is audited in the transaction that makes it. */
export class JourneyService {
  constructor(
    private readonly db: Database,
    private readonly versions: VersionCache,
    private readonly audience: AudienceEntry,
    private readonly executor: JourneyExecutor,
    private readonly audit: AuditLog,
    private readonly creatives: CreativeLibrary,
  ) {}

  list(): JourneyRow[] {
    return this.db.select().from(journeys).orderBy(desc(journeys.updatedAt)).all();
  }

  get(id: string): JourneyRow {
    const row = this.db.select().from(journeys).where(eq(journeys.id, id)).get();
    if (!row) throw new NotFoundError(`Journey ${id} not found`);
    return row;
  }

  create(input: unknown, at: number, actor: Principal): JourneyRow {
    const document = parseOrThrow(input, 'body');
    if (this.db.select({ id: journeys.id }).from(journeys).where(eq(journeys.id, document.id)).get()) {
      throw new ConflictError(`Journey ${document.id} already exists`);
    }
    const row: JourneyRow = {
      id: document.id,
      name: document.name,
      status: 'draft',
      draft: document,
      liveVersion: null,
      nextEntryAt: null,
      createdAt: at,
      updatedAt: at,
    };
    this.db.transaction(() => {
      this.db.insert(journeys).values(row).run();
      this.audit.record(actor, 'journey.created', at, { journeyId: row.id });
    });
    return row;
  }

  updateDraft(id: string, input: unknown, at: number, actor: Principal): JourneyRow {
    const current = this.get(id);
    if (current.status === 'archived') throw new ConflictError(`Journey ${id} is archived and can no longer change`);
    const document = parseOrThrow(input, 'body');
    if (document.id !== id) {
      throw new BadRequestError('The document id must match the journey', [
        { path: 'body.id', message: `expected "${id}", got "${document.id}"` },
      ]);
    }
    this.db.transaction(() => {
      this.db
        .update(journeys)
        .set({ draft: document, name: document.name, updatedAt: at })
        .where(eq(journeys.id, id))
        .run();
      this.audit.record(actor, 'journey.edited', at, {
        journeyId: id,
        detail: { changes: diffJourneys(current.draft, document) },
      });
    });
    return this.get(id);
  }

  /** Every problem of the draft, its library creatives included (unknown ones, or written for another channel). */
  validate(id: string): ValidationProblem[] {
    const { draft } = this.get(id);
    return validateJourney(draft, { creatives: this.creatives.contentsFor(draft) });
  }

  /** The draft with the current text of each library creative it uses copied into its messages. */
  resolvedDraft(journey: JourneyRow): JourneyDocument {
    return this.resolve(journey.draft).document;
  }

  private resolve(draft: JourneyDocument) {
    const creatives = this.creatives.contentsFor(draft);
    return { creatives, document: resolveCreatives(draft, creatives) };
  }

  /**
   * What publishing the draft now would make live: the draft with its creatives' text copied in (so the version
   * keeps sending it when a creative is edited later), checked against the library and compiled.
   */
  prepareDraft(
    journey: JourneyRow,
    nodeMap: PublishRequest['nodeMap'],
  ): PublishRequest & { compiled: CompiledJourney } {
    const { creatives, document } = this.resolve(journey.draft);
    return { document, nodeMap, compiled: this.compileForPublish(journey, { document, nodeMap }, creatives) };
  }

  /**
   * Compiles what a publish would make live: refuses an archived journey (409), an invalid document with every
   * problem and a node mapping that does not fit it (400). Publishing and requesting approval check alike; with
   * `creatives`, the messages' creatives are checked against them too.
   */
  compileForPublish(
    journey: JourneyRow,
    { document, nodeMap }: PublishRequest,
    creatives?: ReadonlyMap<string, CreativeContent>,
  ): CompiledJourney {
    if (journey.status === 'archived') {
      throw new ConflictError(`Journey ${journey.id} is archived and cannot be published`);
    }
    const result = compileJourney(document, creatives ? { creatives } : {});
    if (!result.ok) {
      throw new BadRequestError(
        `The draft has ${result.problems.filter((problem) => problem.severity === 'error').length} problem(s) to fix before publishing`,
        result.problems.map((problem) => ({
          path: `draft.${problem.path}`.replace(/\.$/, ''),
          message: problem.message,
        })),
      );
    }
    const entryIssues = this.audience.entryIssues(document, result.compiled);
    if (entryIssues.length > 0) throw new BadRequestError('The trigger cannot start this journey', entryIssues);
    assertNodeMapFits(nodeMap, document);
    return result.compiled;
  }

  /**
   * Publishes a document as a new immutable version, makes it live and audits it with its changes from the
   * previous version. Without `document` that is the draft, its creatives resolved now; with one, it is what an
   * approval request submitted, whose creatives were resolved when it was submitted (see Approvals.submit).
   */
  publish(
    id: string,
    at: number,
    actor: Principal,
    { document, nodeMap = {} }: Partial<PublishRequest> = {},
  ): { version: VersionRow; changes: JourneyChange[]; migrated: number } {
    const journey = this.get(id);
    const { document: published, compiled } = document
      ? { document, compiled: this.compileForPublish(journey, { document, nodeMap }) }
      : this.prepareDraft(journey, nodeMap);
    const previous = journey.liveVersion === null ? undefined : this.version(id, journey.liveVersion);
    const version =
      (this.db
        .select({ version: journeyVersions.version })
        .from(journeyVersions)
        .where(eq(journeyVersions.journeyId, id))
        .orderBy(desc(journeyVersions.version))
        .get()?.version ?? 0) + 1;
    const row: VersionRow = {
      journeyId: id,
      version,
      document: published,
      compiled,
      publishedAt: at,
      publishedBy: actor.name,
    };
    const changes = previous ? diffJourneys(previous.document, published) : [];
    const migrated = this.db.transaction((tx) => {
      tx.insert(journeyVersions).values(row).run();
      tx.update(journeys).set({ status: 'live', liveVersion: version, updatedAt: at }).where(eq(journeys.id, id)).run();
      this.versions.invalidateLive();
      const live = this.versions.get(id, version);
      this.audience.wentLive(live, at);
      const moved = this.executor.migrateInstances(live, nodeMap, at);
      this.audit.record(actor, 'journey.published', at, {
        journeyId: id,
        detail: { version, previousVersion: previous?.version ?? null, changes, migrated: moved },
      });
      return moved;
    });
    return { version: row, changes, migrated };
  }

  versionsOf(id: string): VersionRow[] {
    this.get(id);
    return this.db
      .select()
      .from(journeyVersions)
      .where(eq(journeyVersions.journeyId, id))
      .orderBy(asc(journeyVersions.version))
      .all();
  }

  version(id: string, version: number): VersionRow {
    const row = this.db
      .select()
      .from(journeyVersions)
      .where(and(eq(journeyVersions.journeyId, id), eq(journeyVersions.version, version)))
      .get();
    if (!row) throw new NotFoundError(`Journey ${id} has no version ${version}`);
    return row;
  }

  setStatus(id: string, status: Exclude<JourneyStatus, 'draft'>, at: number, actor: Principal): JourneyRow {
    const journey = this.get(id);
    if (!transitions[journey.status].includes(status)) {
      throw new ConflictError(`Journey ${id} is ${journey.status}; it cannot become ${status}`);
    }
    this.db.transaction(() => {
      this.db.update(journeys).set({ status, updatedAt: at }).where(eq(journeys.id, id)).run();
      this.versions.invalidateLive();
      if (status === 'live' && journey.liveVersion !== null) {
        this.audience.wentLive(this.versions.get(id, journey.liveVersion), at);
      }
      this.audit.record(actor, statusActions[status], at, { journeyId: id, detail: { from: journey.status } });
    });
    return this.get(id);
  }
}
