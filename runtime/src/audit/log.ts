import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Principal } from '../auth/roles';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';

export const auditActions = [
  'journey.created',
  'journey.edited',
  'journey.published',
  'journey.paused',
  'journey.resumed',
  'journey.archived',
  'publish.requested',
  'publish.approved',
  'publish.rejected',
  'creative.created',
  'creative.updated',
  'creative.deleted',
  'creative.approved',
  'template.created',
  'template.updated',
  'template.deleted',
  'key.created',
  'key.revoked',
  'settings.changed',
  'benefitPool.created',
  'benefitPool.updated',
  'costs.changed',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditEntry = typeof auditLog.$inferSelect;

export interface AuditQuery {
  journeyId?: string | undefined;
  limit: number;
  /** Only entries older than this entry id (the previous page's last id). */
  before?: number | undefined;
}

/**
 * The append-only record of who changed what. Callers record inside the transaction of the change itself
 * (better-sqlite3 runs one connection, so a record made in a transaction callback commits or rolls back with it).
 */
export class AuditLog {
  constructor(private readonly db: Database) {}

  record(
    actor: Pick<Principal, 'name' | 'role'>,
    action: AuditAction,
    at: number,
    { journeyId = null, detail = {} }: { journeyId?: string | null; detail?: Record<string, unknown> } = {},
  ): void {
    this.db
      .insert(auditLog)
      .values({ at, actorName: actor.name, actorRole: actor.role, action, journeyId, detail })
      .run();
  }

  /** Newest first. */
  list({ journeyId, limit, before }: AuditQuery): AuditEntry[] {
    const filters: SQL[] = [];
    if (journeyId !== undefined) filters.push(eq(auditLog.journeyId, journeyId));
    if (before !== undefined) filters.push(lt(auditLog.id, before));
    return this.db
      .select()
      .from(auditLog)
      .where(and(...filters))
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .all();
  }
}
