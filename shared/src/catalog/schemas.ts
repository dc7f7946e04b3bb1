import { z } from 'zod';
import { conditionSchema } from '../conditions/schema';
import { creativeIdSchema } from '../model/creatives';
import { channels } from '../model/document';
import { parseJourneyDuration, parseTimeOfDay } from '../time';

/** An event type name as journeys use it: triggers, waits, goals and template parameters. */
export const eventName = z
  .string()
  .min(1, 'choose an event')
  .max(100)
  .refine(
    (name) => !/^(xstate|journey)\./.test(name),
    'event names starting with "xstate." or "journey." are reserved',
  );

/** An ISO-8601 duration such as P2D; checked with the same parser the compiler uses. */
export const durationSchema = z.string().superRefine((text, ctx) => {
  const parsed = parseJourneyDuration(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

const timeOfDaySchema = z.string().superRefine((text, ctx) => {
  const parsed = parseTimeOfDay(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

const handleIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only');

export const triggerConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event'), event: eventName, where: conditionSchema.optional() }),
  z.strictObject({ kind: z.literal('segment'), segmentId: z.string().min(1, 'choose a segment') }),
  z
    .strictObject({
      kind: z.literal('schedule'),
      at: z.iso.datetime({ offset: true }).optional(),
      cron: z.string().min(1).optional(),
      audience: z
        .union([z.strictObject({ segmentId: z.string().min(1) }), z.strictObject({ where: conditionSchema })])
        .optional(),
    })
    .refine((config) => Boolean(config.at) !== Boolean(config.cron), {
      message: 'a schedule needs exactly one of "at" (a date-time) or "cron"',
    }),
]);
export type TriggerConfig = z.infer<typeof triggerConfigSchema>;

export const waitConfigSchema = z.union([
  z.strictObject({ duration: durationSchema }),
  z.strictObject({
    until: z.strictObject({
      time: timeOfDaySchema,
      weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    }),
  }),
]);
export type WaitConfig = z.infer<typeof waitConfigSchema>;

export const eventWindows = ['rolling', 'naturalWeek', 'naturalMonth'] as const;

export const waitForEventConfigSchema = z.strictObject({
  event: eventName,
  where: conditionSchema.optional(),
  count: z.number().int().min(1).max(1000).optional(),
  within: durationSchema,
  window: z.enum(eventWindows).optional(),
});
export type WaitForEventConfig = z.infer<typeof waitForEventConfigSchema>;

export const conditionConfigSchema = z.strictObject({
  branches: z
    .array(z.strictObject({ id: handleIdSchema, label: z.string().max(100).optional(), when: conditionSchema }))
    .min(1, 'add at least one branch'),
});
export type ConditionConfig = z.infer<typeof conditionConfigSchema>;

export const splitConfigSchema = z.strictObject({
  variants: z
    .array(
      z.strictObject({
        id: handleIdSchema,
        label: z.string().max(100).optional(),
        weight: z.number().min(0).max(100),
        control: z.boolean().optional(),
      }),
    )
    .min(2, 'a split needs at least two variants'),
  /** Customers per variant the strategist planned for before reading the result. */
  plannedSamplePerVariant: z.number().int().positive().optional(),
});
export type SplitConfig = z.infer<typeof splitConfigSchema>;

/**
 * A message's text is written here (`template`) or taken from a library creative (`creativeId`). With a creative,
 * publishing copies its text into `template`, so a live version keeps sending what it was published with.
 */
export const messageConfigSchema = z
  .strictObject({
    channel: z.enum(channels),
    template: z
      .strictObject({
        title: z.string().max(200).optional(),
        body: z.string().trim().min(1, 'write the message text'),
      })
      .optional(),
    creativeId: creativeIdSchema.optional(),
  })
  .refine((config) => config.template !== undefined || config.creativeId !== undefined, {
    message: 'write the message text or choose a creative from the library',
    path: ['template'],
  });
export type MessageConfig = z.infer<typeof messageConfigSchema>;

export const benefitConfigSchema = z.strictObject({
  poolId: z.string().min(1, 'choose a benefit pool'),
  quantity: z.number().int().min(1).max(1000).optional(),
});
export type BenefitConfig = z.infer<typeof benefitConfigSchema>;

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const updateProfileConfigSchema = z
  .strictObject({
    set: z.record(z.string().min(1), attributeValue).optional(),
    addTags: z.array(z.string().min(1)).optional(),
    removeTags: z.array(z.string().min(1)).optional(),
  })
  .refine(
    (config) =>
      Object.keys(config.set ?? {}).length + (config.addTags?.length ?? 0) + (config.removeTags?.length ?? 0) > 0,
    { message: 'set an attribute or add or remove a tag' },
  );
export type UpdateProfileConfig = z.infer<typeof updateProfileConfigSchema>;

export const exitConfigSchema = z.strictObject({ reason: z.string().max(200).optional() });
export type ExitConfig = z.infer<typeof exitConfigSchema>;
