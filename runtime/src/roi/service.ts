import type { Channel, RoiFigures, RoiReportDto, UnitCosts } from '@journey/shared';
import { inArray } from 'drizzle-orm';
import type { Database, SqliteHandle } from '../db/client';
import { benefitPools, unitCosts } from '../db/schema';
import type { Conversion } from '../engine/executor';
import { BadRequestError } from '../http-errors';
import { ratio } from './ratio';

type Totals = Omit<RoiFigures, 'costPerConversion' | 'roi'>;
export type RoiReport = Pick<RoiReportDto, 'total' | 'versions' | 'splits'>;

type TotalsRow = Totals & { level: 'total' | 'version' | 'variant'; version: number; node: string; variant: string };

const figures = ({ instances, messagesSent, benefitsGranted, cost, conversions, revenue }: Totals): RoiFigures => ({
  instances,
  messagesSent,
  benefitsGranted,
  cost,
  conversions,
  revenue,
  costPerConversion: ratio(cost, conversions),
  roi: ratio(revenue - cost, cost),
});

/** Per instance: messages sent, benefit units granted, what they cost, whether it converted and its revenue. */
const PER_INSTANCE = `
  scoped AS (
    SELECT id, version, variants, converted_at FROM instances
    WHERE journey_id = @journeyId AND (@version IS NULL OR version = @version)
  ),
  sent AS (
    SELECT m.instance_id, COUNT(*) AS n, TOTAL(c.cost) AS cost FROM messages m
    LEFT JOIN unit_costs c ON c.kind = 'channel' AND c.item = m.channel
    WHERE m.journey_id = @journeyId AND m.status = 'sent' GROUP BY m.instance_id
  ),
  granted AS (
    SELECT g.instance_id, SUM(g.quantity) AS n, TOTAL(g.quantity * c.cost) AS cost FROM scoped s
    JOIN benefit_grants g ON g.instance_id = s.id
    LEFT JOIN unit_costs c ON c.kind = 'benefitPool' AND c.item = g.pool_id GROUP BY g.instance_id
  ),
  per_instance AS (
    SELECT s.version, s.variants, s.converted_at IS NOT NULL AS converted,
      COALESCE(sent.n, 0) AS messages, COALESCE(granted.n, 0) AS benefits,
      COALESCE(sent.cost, 0) + COALESCE(granted.cost, 0) AS cost, COALESCE(r.amount, 0) AS revenue
    FROM scoped s LEFT JOIN sent ON sent.instance_id = s.id LEFT JOIN granted ON granted.instance_id = s.id
    LEFT JOIN conversion_revenue r ON r.instance_id = s.id
  )`;
const TOTALS = `COUNT(*) AS instances, TOTAL(messages) AS messagesSent, TOTAL(benefits) AS benefitsGranted,
  TOTAL(cost) AS cost, TOTAL(converted) AS conversions, TOTAL(revenue) AS revenue`;

/** Unit costs, revenue recorded at conversion, and what a journey cost against what it earned. */
export class RoiService {
  readonly #report;
  // Prepared once: recording runs inside the executor's transaction for every conversion.
  readonly #recordRevenue;

  constructor(
    private readonly db: Database,
    sqlite: SqliteHandle,
  ) {
    this.#recordRevenue = sqlite.prepare<[number, number, number]>(
      'INSERT INTO conversion_revenue (instance_id, amount, converted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.#report = sqlite.prepare<{ journeyId: string; version: number | null }, TotalsRow>(
      `WITH ${PER_INSTANCE}
       SELECT 'total' AS level, NULL AS version, NULL AS node, NULL AS variant, ${TOTALS} FROM per_instance
       UNION ALL
       SELECT 'version', version, NULL, NULL, ${TOTALS} FROM per_instance GROUP BY version
       UNION ALL
       SELECT 'variant', NULL, v.key, v.value, ${TOTALS} FROM per_instance, json_each(per_instance.variants) v
       GROUP BY v.key, v.value
       ORDER BY level, version, node, variant`,
    );
  }

  costs(): UnitCosts {
    const costs: UnitCosts = { channels: {}, benefitPools: {} };
    for (const { kind, item, cost } of this.db.select().from(unitCosts).all()) {
      if (kind === 'channel') costs.channels[item as Channel] = cost;
      else costs.benefitPools[item] = cost;
    }
    return costs;
  }

  /** Replaces every unit cost; each pool must exist. */
  setCosts(costs: UnitCosts): void {
    this.db.transaction(() => {
      const poolIds = Object.keys(costs.benefitPools);
      const known = new Set(
        this.db
          .select({ id: benefitPools.id })
          .from(benefitPools)
          .where(inArray(benefitPools.id, poolIds))
          .all()
          .map((pool) => pool.id),
      );
      const unknown = poolIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new BadRequestError(
          `Unknown benefit pool ${unknown.join(', ')}`,
          unknown.map((id) => ({ path: `body.benefitPools.${id}`, message: `no benefit pool "${id}"` })),
        );
      }
      this.db.delete(unitCosts).run();
      const rows = [
        ...Object.entries(costs.channels).map(([item, cost]) => ({ kind: 'channel' as const, item, cost })),
        ...Object.entries(costs.benefitPools).map(([item, cost]) => ({ kind: 'benefitPool' as const, item, cost })),
      ];
      if (rows.length > 0) this.db.insert(unitCosts).values(rows).run();
    });
  }

  /** Keeps the goal event's `amount` (0 without a numeric one) as the instance's revenue; the first conversion counts. */
  recordRevenue({ instanceId, at, properties }: Conversion): void {
    const amount = typeof properties.amount === 'number' && Number.isFinite(properties.amount) ? properties.amount : 0;
    this.#recordRevenue.run(instanceId, amount, at);
  }

  /** Cost, conversions and revenue of a journey (`version` null: all versions), per version and per split variant. */
  report(journeyId: string, version: number | null): RoiReport {
    const rows = this.#report.all({ journeyId, version });
    const variantsByNode = new Map<string, RoiReport['splits'][number]['variants']>();
    for (const row of rows) {
      if (row.level !== 'variant') continue;
      variantsByNode.set(row.node, [
        ...(variantsByNode.get(row.node) ?? []),
        { variant: row.variant, ...figures(row) },
      ]);
    }
    // An aggregate without GROUP BY always yields its one row.
    const total = rows.find((row) => row.level === 'total')!;
    return {
      total: figures(total),
      versions: rows.filter((row) => row.level === 'version').map((row) => ({ version: row.version, ...figures(row) })),
      splits: [...variantsByNode].map(([nodeId, variants]) => ({ nodeId, variants })),
    };
  }
}
