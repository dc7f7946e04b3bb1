import { z } from 'zod';
import { channels } from '../model/document';

/** REST shapes of benefit (权益) pools, coupons, points or cash-back with a budget, and the unit costs behind ROI. */

export const perCustomerPeriods = ['day', 'week', 'month', 'ever'] as const;
export type PerCustomerPeriod = (typeof perCustomerPeriods)[number];

/** What a pool grants and how much: everything but its id, which never changes. */
const poolTerms = {
  name: z.string().min(1).max(200),
  budget: z.int().min(0).describe('units the pool may grant in total'),
  perCustomerLimit: z.int().min(1).nullable().default(null),
  perCustomerPeriod: z.enum(perCustomerPeriods).nullable().default(null),
};

const limitHasPeriod = (pool: { perCustomerLimit: number | null; perCustomerPeriod: PerCustomerPeriod | null }) =>
  (pool.perCustomerLimit === null) === (pool.perCustomerPeriod === null);
const limitHasPeriodIssue = {
  message: 'perCustomerLimit and perCustomerPeriod go together',
  path: ['perCustomerPeriod'],
};

/** What a POST /v1/benefit-pools sends. */
export const benefitPoolInputSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only'),
    ...poolTerms,
  })
  .refine(limitHasPeriod, limitHasPeriodIssue);
export type BenefitPoolInput = z.input<typeof benefitPoolInputSchema>;

/** What a PUT /v1/benefit-pools/:id sends: the pool's new name, budget and per-customer limit. */
export const benefitPoolChangesSchema = z.object(poolTerms).refine(limitHasPeriod, limitHasPeriodIssue);
export type BenefitPoolChanges = z.input<typeof benefitPoolChangesSchema>;

export const benefitPoolSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    budget: z.int(),
    granted: z.int().describe('units granted so far'),
    remaining: z.int(),
    perCustomerLimit: z.int().nullable(),
    perCustomerPeriod: z.enum(perCustomerPeriods).nullable(),
  })
  .meta({ id: 'BenefitPool' });
export type BenefitPool = z.infer<typeof benefitPoolSchema>;

const unitCost = z.number().min(0);

/** GET and PUT /v1/costs: what one message or one benefit unit costs, in yuan. */
export const unitCostsSchema = z.strictObject({
  channels: z.partialRecord(z.enum(channels), unitCost).default({}).describe('cost of one message sent'),
  benefitPools: z.record(z.string().min(1), unitCost).default({}).describe('cost of one unit granted, by pool id'),
});
export type UnitCosts = z.infer<typeof unitCostsSchema>;
