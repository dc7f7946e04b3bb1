import { periodStart } from '@journey/shared';
import type { SqliteHandle } from '../db/client';

interface PoolRow {
  budget: number;
  granted: number;
  per_customer_limit: number | null;
  per_customer_period: 'day' | 'week' | 'month' | 'ever' | null;
}

export interface GrantRequest {
  poolId: string;
  nodeId: string;
  quantity: number;
  customerId: string;
  instanceId: number;
  at: number;
  timeZone: string;
}

/** Grants benefits from pools with a budget and per-customer limits; runs inside the caller's transaction, so a grant is atomic. */
export class BenefitLedger {
  readonly #pool;
  readonly #customerTotal;
  readonly #insertGrant;
  readonly #consume;

  constructor(sqlite: SqliteHandle) {
    this.#pool = sqlite.prepare<[string], PoolRow>(
      'SELECT budget, granted, per_customer_limit, per_customer_period FROM benefit_pools WHERE id = ?',
    );
    this.#customerTotal = sqlite.prepare<[string, string, number], { total: number | null }>(
      'SELECT SUM(quantity) AS total FROM benefit_grants WHERE pool_id = ? AND customer_id = ? AND granted_at >= ?',
    );
    this.#insertGrant = sqlite.prepare(
      `INSERT INTO benefit_grants (pool_id, customer_id, instance_id, node_id, quantity, granted_at)
       VALUES (@poolId, @customerId, @instanceId, @nodeId, @quantity, @at)`,
    );
    this.#consume = sqlite.prepare<[number, string, number]>(
      'UPDATE benefit_pools SET granted = granted + ? WHERE id = ? AND budget - granted >= ?',
    );
  }

  /** Grants the benefit if the pool has budget left and the customer is under the limit; returns whether it did. */
  grant(request: GrantRequest): boolean {
    const pool = this.#pool.get(request.poolId);
    if (!pool || pool.budget - pool.granted < request.quantity) return false;
    if (pool.per_customer_limit !== null) {
      const since =
        pool.per_customer_period && pool.per_customer_period !== 'ever'
          ? periodStart(request.at, pool.per_customer_period, request.timeZone)
          : 0;
      const total = this.#customerTotal.get(request.poolId, request.customerId, since)?.total ?? 0;
      if (total + request.quantity > pool.per_customer_limit) return false;
    }
    if (this.#consume.run(request.quantity, request.poolId, request.quantity).changes !== 1) return false;
    this.#insertGrant.run(request);
    return true;
  }
}
