import {
  type Channel,
  type Creative,
  type CreativeApproval,
  type CreativeContent,
  type CreativeInput,
  type CreativeUsage,
  creativeContents,
  creativeReferences,
  type JourneyDocument,
} from '@journey/shared';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { AuditLog } from '../audit/log';
import type { Principal } from '../auth/roles';
import type { Settings } from '../auth/settings';
import type { Database } from '../db/client';
import { creatives, journeys, journeyVersions } from '../db/schema';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../http-errors';

export type CreativeRow = typeof creatives.$inferSelect;

/** The creative's revision as an HTTP entity tag, for conditional writes. */
export const creativeTag = (row: CreativeRow) => `"${row.revision}"`;

/** The words of a creative as last approved, and by whom, when. */
interface ApprovedText {
  revision: number;
  title: string | null;
  body: string;
  by: string;
  at: number;
}

/** The creative's approved text, or undefined when it was never approved. */
function approvedTextOf(row: CreativeRow): ApprovedText | undefined {
  const { approvedRevision: revision, approvedTitle: title, approvedBody: body, approvedBy: by, approvedAt: at } = row;
  return revision === null || body === null || by === null || at === null
    ? undefined
    : { revision, title, body, by, at };
}

function approvalOf(row: CreativeRow): CreativeApproval {
  const approved = approvedTextOf(row);
  if (!approved) return { state: 'notApproved' };
  const unchanged = approved.title === row.title && approved.body === row.body;
  return {
    state: unchanged ? 'approved' : 'changesPending',
    approvedRevision: approved.revision,
    approvedBy: approved.by,
    approvedAt: new Date(approved.at).toISOString(),
    ...(approved.title === null ? {} : { approvedTitle: approved.title }),
    approvedBody: approved.body,
  };
}

/** The creative as the REST API shows it. */
export const toCreativeDto = (row: CreativeRow): Creative => ({
  id: row.id,
  name: row.name,
  channel: row.channel,
  ...(row.title === null ? {} : { title: row.title }),
  body: row.body,
  ...(row.description === null ? {} : { description: row.description }),
  revision: row.revision,
  updatedAt: new Date(row.updatedAt).toISOString(),
  ...(row.updatedBy === null ? {} : { updatedBy: row.updatedBy }),
  approval: approvalOf(row),
});

export interface CreativeSave {
  /** The ETag the editor last read; a save over a newer revision is refused (412). */
  ifMatch?: string | undefined;
  at: number;
  actor: Principal;
}

/** "Card welcome (card-welcome): draft and live; …", naming every journey in a usage list. */
function describeUsages(usages: readonly CreativeUsage[]): string {
  const byJourney = new Map<string, string[]>();
  for (const usage of usages) {
    const label = `${usage.journeyName} (${usage.journeyId})`;
    byJourney.set(label, [...(byJourney.get(label) ?? []), usage.where]);
  }
  return [...byJourney].map(([label, where]) => `${label}: ${where.join(' and ')}`).join('; ');
}

/**
 * The creatives library: reusable message texts. Journeys refer to a creative by id; publishing copies its text
 * into the version, so edits here reach customers only through the next publish of each journey. Approving a
 * creative keeps a copy of its words; with creative approval on, that copy is the text publishing uses.
 */
export class CreativeLibrary {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly settings: Settings,
  ) {}

  /** By name, optionally of one channel. */
  list(channel?: Channel): CreativeRow[] {
    return this.db
      .select()
      .from(creatives)
      .where(channel === undefined ? undefined : eq(creatives.channel, channel))
      .orderBy(asc(creatives.name), asc(creatives.id))
      .all();
  }

  find(id: string): CreativeRow | undefined {
    return this.db.select().from(creatives).where(eq(creatives.id, id)).get();
  }

  get(id: string): CreativeRow {
    const row = this.find(id);
    if (!row) throw new NotFoundError(`Creative ${id} not found`);
    return row;
  }

  /** Whether creative approval is on: publishing then sends only approved text and refuses creatives never approved. */
  approvalRequired(): boolean {
    return this.settings.switch('creativeApproval').enabled;
  }

  /** The text to send of each creative the document's messages use and the library has (see `creativeContents`). */
  contentsFor(document: JourneyDocument): Map<string, CreativeContent> {
    return creativeContents(
      document,
      (id) => {
        const row = this.find(id);
        return row && toCreativeDto(row);
      },
      this.approvalRequired(),
    );
  }

  /**
   * The journeys whose draft or live version uses the creative. Archived journeys are left out: their draft can no
   * longer be published and no customer runs through them.
   */
  usages(id: string): CreativeUsage[] {
    const rows = this.db
      .select({
        journeyId: journeys.id,
        journeyName: journeys.name,
        status: journeys.status,
        draft: journeys.draft,
        live: journeyVersions.document,
      })
      .from(journeys)
      .leftJoin(
        journeyVersions,
        and(eq(journeyVersions.journeyId, journeys.id), eq(journeyVersions.version, journeys.liveVersion)),
      )
      .where(ne(journeys.status, 'archived'))
      .orderBy(asc(journeys.id))
      .all();
    return rows.flatMap(({ journeyId, journeyName, draft, live }) => {
      const sites = [
        { where: 'draft' as const, document: draft },
        { where: 'live' as const, document: live },
      ];
      return sites.flatMap(({ where, document }) => {
        const nodeIds = document ? creativeReferences(document).get(id) : undefined;
        return nodeIds ? [{ journeyId, journeyName, nodeIds, where }] : [];
      });
    });
  }

  /**
   * Creates or replaces a creative. A stale `ifMatch` is refused (412), and so is a channel change while journeys
   * use the creative (409): their messages would send text written for another channel.
   */
  save(id: string, input: CreativeInput, { ifMatch, at, actor }: CreativeSave): { row: CreativeRow; created: boolean } {
    return this.db.transaction(() => {
      const existing = this.find(id);
      if (ifMatch !== undefined && (!existing || creativeTag(existing) !== ifMatch)) {
        throw new PreconditionFailedError(
          `Creative ${id} changed since you loaded it (another tab or user saved it); reload to continue`,
        );
      }
      if (existing && existing.channel !== input.channel) {
        const usages = this.usages(id);
        if (usages.length > 0) {
          throw new ConflictError(
            `Creative ${id} is used by ${describeUsages(usages)}; its channel cannot change while journeys use it`,
          );
        }
      }
      const values = {
        name: input.name,
        channel: input.channel,
        // An empty title is no title: the message then has none.
        title: input.title || null,
        body: input.body,
        description: input.description || null,
        revision: (existing?.revision ?? 0) + 1,
        updatedAt: at,
        updatedBy: actor.name,
      };
      if (existing) this.db.update(creatives).set(values).where(eq(creatives.id, id)).run();
      else
        this.db
          .insert(creatives)
          .values({ id, ...values, createdAt: at })
          .run();
      this.audit.record(actor, existing ? 'creative.updated' : 'creative.created', at, {
        detail: { creativeId: id, revision: values.revision },
      });
      return { row: this.get(id), created: !existing };
    });
  }

  /**
   * Approves the creative's current words: copies its title and body apart, with the revision, approver and time.
   * The revision must be the one the approver read (409 otherwise); with maker-checker on, the approver must not be
   * the person who last changed it (409).
   */
  approve(id: string, revision: number, at: number, actor: Principal): CreativeRow {
    return this.db.transaction(() => {
      const row = this.get(id);
      if (row.revision !== revision) {
        throw new ConflictError(
          `Creative ${id} changed since you read it (revision ${revision}; it is at revision ${row.revision} now); ` +
            'read it again and approve what it says now',
        );
      }
      if (this.settings.switch('makerChecker').enabled && row.updatedBy === actor.name) {
        throw new ConflictError(
          `${actor.name} made the last change to creative ${id}; with maker-checker on, a different person must approve it`,
        );
      }
      this.db
        .update(creatives)
        .set({
          approvedRevision: revision,
          approvedTitle: row.title,
          approvedBody: row.body,
          approvedBy: actor.name,
          approvedAt: at,
        })
        .where(eq(creatives.id, id))
        .run();
      this.audit.record(actor, 'creative.approved', at, { detail: { creativeId: id, revision } });
      return this.get(id);
    });
  }

  /** Deletes a creative no journey uses; otherwise 409 naming each journey, so nothing live loses its text source. */
  delete(id: string, at: number, actor: Principal): void {
    this.db.transaction(() => {
      this.get(id);
      const usages = this.usages(id);
      if (usages.length > 0) {
        throw new ConflictError(`Creative ${id} is used by ${describeUsages(usages)}; remove it from them first`);
      }
      this.db.delete(creatives).where(eq(creatives.id, id)).run();
      this.audit.record(actor, 'creative.deleted', at, { detail: { creativeId: id } });
    });
  }
}
