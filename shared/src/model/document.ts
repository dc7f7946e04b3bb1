import { z } from 'zod';
import { conditionSchema } from '../conditions/schema';

/** The document version this code writes; older documents are migrated on read (see `migrate.ts`). */
export const CURRENT_SCHEMA_VERSION = 1;

export const channels = ['sms', 'push', 'wechat', 'email', 'inApp', 'callCenter', 'branchTask', 'webhook'] as const;
export type Channel = (typeof channels)[number];

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day such as 21:00');

export const quietHoursSchema = z.strictObject({ start: timeOfDay, end: timeOfDay });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const frequencyCapSchema = z.strictObject({
  count: z.number().int().positive(),
  per: z.enum(['day', 'week', 'month']),
  channel: z.enum(channels).optional(),
});
export type FrequencyCap = z.infer<typeof frequencyCapSchema>;

export const goalSchema = z.strictObject({
  event: z.string().min(1),
  where: conditionSchema.optional(),
  within: z.string().optional(),
  exitOnGoal: z.boolean(),
});
export type Goal = z.infer<typeof goalSchema>;

export const exitWhenSchema = z.strictObject({
  event: z.string().min(1),
  where: conditionSchema.optional(),
});
export type ExitWhen = z.infer<typeof exitWhenSchema>;

export const reentryPolicies = ['never', 'afterExit', 'always'] as const;
export type ReentryPolicy = (typeof reentryPolicies)[number];

export const settingsSchema = z.object({
  reentry: z.enum(reentryPolicies),
  timezone: z.string().min(1),
  quietHours: quietHoursSchema.optional(),
  frequencyCap: frequencyCapSchema.optional(),
  goal: goalSchema.optional(),
  exitWhen: exitWhenSchema.optional(),
});
export type JourneySettings = z.infer<typeof settingsSchema>;

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only');

/**
 * A node as stored. Its `config` is checked against the catalog schema of its `type` by the
 * validator rather than here, so that a document with one bad node still loads and shows
 * every problem instead of failing as a whole.
 */
export const nodeSchema = z.object({
  id: idSchema,
  type: z.string().min(1),
  position: positionSchema,
  label: z.string().max(200).optional(),
  config: z.record(z.string(), z.unknown()),
});
export type JourneyNode = z.infer<typeof nodeSchema>;

export const edgeSchema = z.object({
  id: idSchema,
  source: z.string().min(1),
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
});
export type JourneyEdge = z.infer<typeof edgeSchema>;

export const journeyDocumentSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: idSchema,
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  settings: settingsSchema,
  nodes: z.array(nodeSchema).max(2000),
  edges: z.array(edgeSchema).max(10000),
});
export type JourneyDocument = z.infer<typeof journeyDocumentSchema>;

export const defaultSettings: JourneySettings = {
  reentry: 'never',
  timezone: 'Asia/Shanghai',
};
