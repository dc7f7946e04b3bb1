import { differsSemantically, type JourneyChange } from '@journey/shared';
import { and, desc, eq } from 'drizzle-orm';
import type { AuditLog } from '../audit/log';
import type { Database } from '../db/client';
import { approvalRequests } from '../db/schema';
import type { JourneyService, VersionRow } from '../engine/journeys';
import { ConflictError, ForbiddenError, NotFoundError } from '../http-errors';
import type { Principal } from './roles';

export type ApprovalRow = typeof approvalRequests.$inferSelect;

export interface Approved {
  approval: ApprovalRow;
  version: VersionRow;
  changes: JourneyChange[];
  migrated: number;
  /** The draft was edited after the request: what was published is the submitted document, not today's draft. */
  draftChanged: boolean;
}

/**
 * Maker-checker: with the setting on, a publish becomes a request holding the exact document submitted, and only a
 * different person with the right to publish can approve it. Approval publishes the submitted document.
 */
export class Approvals {
  constructor(
    private readonly db: Database,
    private readonly journeys: JourneyService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Submits the current draft; it must be publishable now, so checkers only see drafts that can go live. Library
   * creatives are resolved now, at request time: the request holds their text, so the checker approves exactly the
   * text that goes live even if a creative is edited before the decision.
   */
  submit(journeyId: string, nodeMap: Record<string, string>, maker: Principal, at: number): ApprovalRow {
    const { document } = this.journeys.prepareDraft(this.journeys.get(journeyId), nodeMap);
    return this.db.transaction(() => {
      const pending = this.db
        .select({ id: approvalRequests.id })
        .from(approvalRequests)
        .where(and(eq(approvalRequests.journeyId, journeyId), eq(approvalRequests.status, 'pending')))
        .get();
      if (pending) {
        throw new ConflictError(
          `Journey ${journeyId} already waits for approval of request ${pending.id}; approve or reject that one first`,
        );
      }
      const row = this.db
        .insert(approvalRequests)
        .values({
          journeyId,
          document,
          nodeMap,
          status: 'pending',
          requestedBy: maker.name,
          requestedAt: at,
        })
        .returning()
        .get();
      this.audit.record(maker, 'publish.requested', at, { journeyId, detail: { requestId: row.id } });
      return row;
    });
  }

  /** A journey's requests, newest first. */
  list(journeyId: string): ApprovalRow[] {
    this.journeys.get(journeyId);
    return this.db
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.journeyId, journeyId))
      .orderBy(desc(approvalRequests.id))
      .all();
  }

  approve(journeyId: string, requestId: number, checker: Principal, at: number): Approved {
    return this.db.transaction(() => {
      const request = this.#pending(journeyId, requestId);
      if (request.requestedBy === checker.name) {
        throw new ForbiddenError(
          `${checker.name} submitted request ${requestId}; maker-checker needs a different person to approve it`,
        );
      }
      // Compared as the draft would publish now, so a draft using creatives is not "changed" by their resolution.
      const draftChanged = differsSemantically(
        this.journeys.resolvedDraft(this.journeys.get(journeyId)),
        request.document,
      );
      const published = this.journeys.publish(journeyId, at, checker, {
        document: request.document,
        nodeMap: request.nodeMap,
      });
      const approval = this.#decide(requestId, {
        status: 'approved',
        decidedBy: checker.name,
        decidedAt: at,
        version: published.version.version,
      });
      this.audit.record(checker, 'publish.approved', at, {
        journeyId,
        detail: { requestId, requestedBy: request.requestedBy, version: published.version.version, draftChanged },
      });
      return { ...published, approval, draftChanged };
    });
  }

  /** Refuses a request; its maker may too, to withdraw it. */
  reject(journeyId: string, requestId: number, reason: string, checker: Principal, at: number): ApprovalRow {
    return this.db.transaction(() => {
      this.#pending(journeyId, requestId);
      const approval = this.#decide(requestId, { status: 'rejected', decidedBy: checker.name, decidedAt: at, reason });
      this.audit.record(checker, 'publish.rejected', at, { journeyId, detail: { requestId, reason } });
      return approval;
    });
  }

  #pending(journeyId: string, requestId: number): ApprovalRow {
    const row = this.db
      .select()
      .from(approvalRequests)
      .where(and(eq(approvalRequests.id, requestId), eq(approvalRequests.journeyId, journeyId)))
      .get();
    if (!row) throw new NotFoundError(`Journey ${journeyId} has no approval request ${requestId}`);
    if (row.status !== 'pending') throw new ConflictError(`Approval request ${requestId} was already ${row.status}`);
    return row;
  }

  #decide(
    requestId: number,
    decision: Pick<ApprovalRow, 'status' | 'decidedBy' | 'decidedAt'> &
      Partial<Pick<ApprovalRow, 'reason' | 'version'>>,
  ): ApprovalRow {
    return this.db.update(approvalRequests).set(decision).where(eq(approvalRequests.id, requestId)).returning().get()!;
  }
}
