import { type OrgUnitKind, orgUnitParentKind, type StaffRole } from '@journey/shared';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { orgUnits, staff } from '../db/schema';
import type { Issue } from '../http-errors';
import type { OrgUnitInput, StaffInput } from './schema';

export type OrgUnit = typeof orgUnits.$inferSelect;
export type StaffMember = typeof staff.$inferSelect;

/** Saved (`created`: it is new), or refused with the problems, each naming its input field. */
export type SaveResult = { ok: true; created: boolean } | { ok: false; problems: Issue[] };

export interface StaffFilter {
  orgUnitId?: string | undefined;
  role?: StaffRole | undefined;
  active?: boolean | undefined;
}

const kindLabel: Record<OrgUnitKind, string> = { headOffice: 'head office', branch: 'branch', subBranch: 'sub-branch' };

/** Org units and staff. Methods are synchronous, so callers can compose them inside one transaction. */
export class OrgStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  unit(id: string): OrgUnit | undefined {
    return this.#db.select().from(orgUnits).where(eq(orgUnits.id, id)).get();
  }

  units(): OrgUnit[] {
    return this.#db.select().from(orgUnits).orderBy(asc(orgUnits.id)).all();
  }

  /** Creates or replaces a unit, keeping the hierarchy one level per kind. */
  saveUnit(id: string, input: OrgUnitInput, now: number): SaveResult {
    return this.#db.transaction(() => {
      const problems = this.#unitProblems(id, input);
      if (problems.length > 0) return { ok: false, problems };
      const existing = this.unit(id);
      if (existing)
        this.#db
          .update(orgUnits)
          .set({ ...input, updatedAt: now })
          .where(eq(orgUnits.id, id))
          .run();
      else
        this.#db
          .insert(orgUnits)
          .values({ id, ...input, createdAt: now, updatedAt: now })
          .run();
      return { ok: true, created: !existing };
    });
  }

  member(id: string): StaffMember | undefined {
    return this.#db.select().from(staff).where(eq(staff.id, id)).get();
  }

  members({ orgUnitId, role, active }: StaffFilter = {}): StaffMember[] {
    const filters: SQL[] = [];
    if (orgUnitId !== undefined) filters.push(eq(staff.orgUnitId, orgUnitId));
    if (role !== undefined) filters.push(eq(staff.role, role));
    if (active !== undefined) filters.push(eq(staff.active, active));
    return this.#db
      .select()
      .from(staff)
      .where(and(...filters))
      .orderBy(asc(staff.id))
      .all();
  }

  byReferralCode(code: string): StaffMember | undefined {
    return this.#db.select().from(staff).where(eq(staff.referralCode, code)).get();
  }

  /** Creates or replaces a staff member; the org unit must exist and the referral code be theirs alone. */
  saveMember(id: string, input: StaffInput, now: number): SaveResult {
    return this.#db.transaction(() => {
      const problems: Issue[] = [];
      if (!this.unit(input.orgUnitId))
        problems.push({ path: 'orgUnitId', message: `no org unit "${input.orgUnitId}"` });
      const holder = this.byReferralCode(input.referralCode);
      if (holder && holder.id !== id) {
        problems.push({ path: 'referralCode', message: `already the code of staff member "${holder.id}"` });
      }
      if (problems.length > 0) return { ok: false, problems };
      const existing = this.member(id);
      if (existing)
        this.#db
          .update(staff)
          .set({ ...input, updatedAt: now })
          .where(eq(staff.id, id))
          .run();
      else
        this.#db
          .insert(staff)
          .values({ id, ...input, createdAt: now, updatedAt: now })
          .run();
      return { ok: true, created: !existing };
    });
  }

  #unitProblems(id: string, { kind, parentId }: OrgUnitInput): Issue[] {
    const problems: Issue[] = [];
    const expected = orgUnitParentKind[kind];
    if (expected === null) {
      if (parentId !== null) problems.push({ path: 'parentId', message: 'the head office has no parent' });
    } else if (parentId === null) {
      problems.push({ path: 'parentId', message: `a ${kindLabel[kind]} belongs to a ${kindLabel[expected]}` });
    } else {
      const parent = this.unit(parentId);
      if (!parent) problems.push({ path: 'parentId', message: `no org unit "${parentId}"` });
      else if (parent.kind !== expected) {
        problems.push({
          path: 'parentId',
          message: `"${parentId}" is a ${kindLabel[parent.kind]}; a ${kindLabel[kind]} belongs to a ${kindLabel[expected]}`,
        });
      }
    }
    const child = this.#db.select().from(orgUnits).where(eq(orgUnits.parentId, id)).limit(1).get();
    if (child && orgUnitParentKind[child.kind] !== kind) {
      problems.push({ path: 'kind', message: `"${child.id}" below it is a ${kindLabel[child.kind]}` });
    }
    return problems;
  }
}
