import {
  type DocumentIssue,
  instantiateTemplate,
  type JourneyTemplate,
  parseJourneyTemplate,
  type TemplateInput,
  type TemplateJourneyInput,
} from '@journey/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { AuditLog } from '../audit/log';
import type { Principal } from '../auth/roles';
import type { Database } from '../db/client';
import { journeyTemplates } from '../db/schema';
import { BadRequestError, NotFoundError } from '../http-errors';
import type { JourneyRow, JourneyService } from './journeys';

export type TemplateRow = typeof journeyTemplates.$inferSelect;

/** Issues of a template or its values, as 400 issues under the request body. */
function badBody(message: string, issues: readonly DocumentIssue[]): BadRequestError {
  return new BadRequestError(
    message,
    issues.map((issue) => ({ path: ['body', issue.path].filter(Boolean).join('.'), message: issue.message })),
  );
}

export function toJourneyTemplate(row: TemplateRow): JourneyTemplate {
  return {
    id: row.id,
    name: row.name,
    ...(row.description !== null && { description: row.description }),
    ...(row.category !== null && { category: row.category }),
    parameters: row.parameters,
    ...(row.translations !== null && { translations: row.translations }),
    document: row.document,
  };
}

/** The template gallery: example journeys to start from; a journey made from one is an ordinary new draft. */
export class TemplateService {
  constructor(
    private readonly db: Database,
    private readonly journeys: JourneyService,
    private readonly audit: AuditLog,
  ) {}

  /** By category (uncategorised last), then name. */
  list(): TemplateRow[] {
    return this.db
      .select()
      .from(journeyTemplates)
      .orderBy(sql`${journeyTemplates.category} IS NULL`, asc(journeyTemplates.category), asc(journeyTemplates.name))
      .all();
  }

  get(id: string): TemplateRow {
    const row = this.db.select().from(journeyTemplates).where(eq(journeyTemplates.id, id)).get();
    if (!row) throw new NotFoundError(`Template ${id} not found`);
    return row;
  }

  /** Creates or replaces a template; refuses one whose parameters do not fit its document (400). */
  save(id: string, input: TemplateInput, at: number, actor: Principal): { row: TemplateRow; created: boolean } {
    const parsed = parseJourneyTemplate({ ...input, id });
    if (!parsed.ok) throw badBody('The template is not valid', parsed.issues);
    const { template } = parsed;
    const existing = this.db.select().from(journeyTemplates).where(eq(journeyTemplates.id, id)).get();
    const row: TemplateRow = {
      id,
      name: template.name,
      description: template.description ?? null,
      category: template.category ?? null,
      parameters: template.parameters,
      document: template.document,
      translations: template.translations ?? null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      updatedBy: actor.name,
    };
    this.db.transaction((tx) => {
      tx.insert(journeyTemplates).values(row).onConflictDoUpdate({ target: journeyTemplates.id, set: row }).run();
      this.audit.record(actor, existing ? 'template.updated' : 'template.created', at, { detail: { templateId: id } });
    });
    return { row, created: !existing };
  }

  delete(id: string, at: number, actor: Principal): void {
    this.get(id);
    this.db.transaction((tx) => {
      tx.delete(journeyTemplates).where(eq(journeyTemplates.id, id)).run();
      this.audit.record(actor, 'template.deleted', at, { detail: { templateId: id } });
    });
  }

  /** A new draft journey from the template with the given values, created exactly as POST /v1/journeys creates one. */
  createJourney(id: string, input: TemplateJourneyInput, at: number, actor: Principal): JourneyRow {
    const result = instantiateTemplate(toJourneyTemplate(this.get(id)), {
      ...input,
      parameters: input.parameters ?? {},
    });
    if (!result.ok) throw badBody(`The values do not fit template ${id}`, result.issues);
    return this.journeys.create(result.document, at, actor);
  }
}
