import type { OrgFigures, OrgMetricsDto } from '@journey/shared';
import type { SqliteHandle } from '../db/client';
import { ratio } from '../roi/ratio';
import type { OrgStore } from './store';

export type OrgGroupBy = OrgMetricsDto['groupBy'];

const countNames = ['entered', 'converted', 'tasksIssued', 'tasksDone', 'tasksSold', 'referredConversions'] as const;
type Counts = Pick<OrgFigures, (typeof countNames)[number]>;
type OrgGroup = OrgMetricsDto['groups'][number];
export type OrgReport = Pick<OrgMetricsDto, 'groups' | 'unassigned' | 'total'>;

/** Counts of one grouping key (an org unit or staff id as stored; JSON attributes may hold numbers). */
type KeyedCounts = Partial<Counts> & { key: string | number | null };

const noCounts = (): Counts => ({
  entered: 0,
  converted: 0,
  tasksIssued: 0,
  tasksDone: 0,
  tasksSold: 0,
  referredConversions: 0,
});

function addInto(into: Counts, from: Partial<Counts>): void {
  for (const name of countNames) into[name] += from[name] ?? 0;
}

const figures = (counts: Counts): OrgFigures => ({
  ...counts,
  executionRate: ratio(counts.tasksDone, counts.tasksIssued),
  successRate: ratio(counts.tasksSold, counts.tasksDone),
});

/**
 * A journey's results by org unit or by staff member. Customers count for the unit in their `branch` attribute
 * (or the staff member in their `rm` attribute) as it is now; tasks for the unit they were issued in (or their
 * assignee); a conversion for the staff member whose referral code the customer last brought within the
 * referral window before converting, and for that staff member's unit. By branch, each unit's figures include
 * its sub-units (sub-branches roll into branches, branches into the head office).
 */
export class OrgMetrics {
  readonly #statements;

  constructor(
    sqlite: SqliteHandle,
    private readonly org: OrgStore,
    private readonly referralWindowMs: number,
  ) {
    const scope = 'journey_id = @journeyId AND (@version IS NULL OR version = @version)';
    this.#statements = {
      customers: sqlite.prepare<{ journeyId: string; version: number | null; path: string }, KeyedCounts>(
        `SELECT json_extract(c.attributes, @path) AS key, COUNT(*) AS entered, COUNT(i.converted_at) AS converted
         FROM (SELECT customer_id, converted_at FROM instances WHERE ${scope}) i
         JOIN customers c ON c.id = i.customer_id GROUP BY key`,
      ),
      tasks: sqlite.prepare<{ journeyId: string; version: number | null; groupBy: OrgGroupBy }, KeyedCounts>(
        `SELECT CASE @groupBy WHEN 'branch' THEN branch_id ELSE assignee END AS key, COUNT(*) AS tasksIssued,
         SUM(status = 'done') AS tasksDone, SUM(outcome IS 'sold') AS tasksSold
         FROM tasks WHERE ${scope} GROUP BY key`,
      ),
      referred: sqlite.prepare<
        { journeyId: string; version: number | null; groupBy: OrgGroupBy; window: number },
        KeyedCounts
      >(
        `SELECT CASE @groupBy WHEN 'branch' THEN r.org_unit_id ELSE r.staff_id END AS key,
         COUNT(*) AS referredConversions
         FROM (SELECT customer_id, converted_at FROM instances WHERE ${scope} AND converted_at IS NOT NULL) i
         JOIN referrals r ON r.event_id = (
           SELECT event_id FROM referrals WHERE customer_id = i.customer_id
           AND at <= i.converted_at AND at >= i.converted_at - @window ORDER BY at DESC, event_id DESC LIMIT 1)
         GROUP BY key`,
      ),
    };
  }

  /** `version` null: every version of the journey. */
  report(journeyId: string, version: number | null, groupBy: OrgGroupBy): OrgReport {
    const scope = { journeyId, version };
    const byKey = new Map<string | null, Counts>();
    const rows = [
      ...this.#statements.customers.all({ ...scope, path: `$.${groupBy}` }),
      ...this.#statements.tasks.all({ ...scope, groupBy }),
      ...this.#statements.referred.all({ ...scope, groupBy, window: this.referralWindowMs }),
    ];
    for (const { key, ...counts } of rows) {
      const id = key === null ? null : String(key);
      const into = byKey.get(id) ?? noCounts();
      addInto(into, counts);
      byKey.set(id, into);
    }
    const total = noCounts();
    for (const counts of byKey.values()) addInto(total, counts);

    const groups = groupBy === 'branch' ? this.#byUnit(byKey) : this.#byStaff(byKey);
    const unassigned = noCounts();
    const known = new Set(groups.map((group) => group.id));
    for (const [id, counts] of byKey) if (id === null || !known.has(id)) addInto(unassigned, counts);
    return { groups, unassigned: figures(unassigned), total: figures(total) };
  }

  /** Every org unit, each with the figures of its whole subtree. */
  #byUnit(byKey: ReadonlyMap<string | null, Counts>): OrgGroup[] {
    const units = this.org.units();
    const children = new Map<string | null, string[]>();
    for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    const subtree = (id: string): Counts => {
      const counts = noCounts();
      addInto(counts, byKey.get(id) ?? {});
      for (const child of children.get(id) ?? []) addInto(counts, subtree(child));
      return counts;
    };
    return units.map(({ id, name, parentId }) => ({ id, name, parentId, ...figures(subtree(id)) }));
  }

  /** The staff members with any figure. */
  #byStaff(byKey: ReadonlyMap<string | null, Counts>): OrgGroup[] {
    return this.org.members().flatMap(({ id, name, orgUnitId }) => {
      const counts = byKey.get(id);
      return counts ? [{ id, name, parentId: orgUnitId, ...figures(counts) }] : [];
    });
  }
}
