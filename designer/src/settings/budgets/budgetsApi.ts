import type { BenefitPool, BenefitPoolChanges, BenefitPoolInput, UnitCosts } from '@journey/shared';
import { requestJson } from '../../api/http';

// Benefit pools and unit costs of the runtime (see /openapi.json).

export const poolsApi = {
  list: () => requestJson<{ pools: BenefitPool[] }>('GET', '/v1/benefit-pools').then((body) => body.pools),
  create: (pool: BenefitPoolInput) => requestJson<BenefitPool>('POST', '/v1/benefit-pools', pool),
  /** The budget cannot go below what the pool has granted (409). */
  update: (id: string, changes: BenefitPoolChanges) =>
    requestJson<BenefitPool>('PUT', `/v1/benefit-pools/${encodeURIComponent(id)}`, changes),
};

export const costsApi = {
  get: () => requestJson<UnitCosts>('GET', '/v1/costs'),
  /** Replaces every unit cost: anything left out costs nothing. */
  replace: (costs: UnitCosts) => requestJson<UnitCosts>('PUT', '/v1/costs', costs),
};

/** React Query keys; the pools' key is the one the template dialog lists them under too. */
export const budgetKeys = {
  pools: ['benefit-pools'] as const,
  costs: ['unit-costs'] as const,
};
