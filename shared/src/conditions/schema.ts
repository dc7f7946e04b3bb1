import { z } from 'zod';

/** Operators of a comparison, shared by profile attributes and event properties. */
export const comparisonOps = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'notIn',
  'contains',
  'exists',
  'between',
] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof scalarSchema>;
const valueSchema = z.union([scalarSchema, z.array(scalarSchema)]);
export type ConditionValue = z.infer<typeof valueSchema>;

const opSchema = z.enum(comparisonOps);

/** `{attr, op, value}`: compares a profile attribute (dotted paths reach nested objects). */
export const attrComparisonSchema = z.strictObject({
  attr: z.string().min(1),
  op: opSchema,
  value: valueSchema.optional(),
});
/** `{event, op, value}`: compares a property of the event being handled. */
export const eventComparisonSchema = z.strictObject({
  event: z.string().min(1),
  op: opSchema,
  value: valueSchema.optional(),
});
export const hasTagSchema = z.strictObject({ hasTag: z.string().min(1) });

export type AttrComparison = z.infer<typeof attrComparisonSchema>;
export type EventComparison = z.infer<typeof eventComparisonSchema>;
export type HasTag = z.infer<typeof hasTagSchema>;
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | AttrComparison
  | EventComparison
  | HasTag;

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
    attrComparisonSchema,
    eventComparisonSchema,
    hasTagSchema,
  ]),
);
