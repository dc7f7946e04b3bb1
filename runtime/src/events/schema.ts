import { z } from 'zod';
import { LATEST_INSTANT } from '../clock';
import { attributesSchema, customerIdSchema } from '../customers/schema';

/** Largest batch `POST /v1/events` accepts. */
export const MAX_EVENTS_PER_BATCH = 1000;

/** A behavioural event as clients send it. */
export const eventInputSchema = z
  .strictObject({
    eventId: z.string().min(1).max(128).describe('Unique per event; a repeated eventId is acknowledged and ignored.'),
    customerId: customerIdSchema.describe('An unknown customer is created with an empty profile.'),
    type: z.string().min(1).max(100),
    timestamp: z
      .union([z.iso.datetime({ offset: true }), z.int().nonnegative().max(LATEST_INSTANT)])
      .optional()
      .describe('ISO-8601 with offset, or epoch milliseconds; defaults to the time of receipt.'),
    properties: attributesSchema.optional(),
  })
  .meta({ id: 'Event' });
export type EventInput = z.infer<typeof eventInputSchema>;

/** One event, or a batch of them. */
export const eventsRequestSchema = z.union([
  z.strictObject({ events: z.array(eventInputSchema).min(1).max(MAX_EVENTS_PER_BATCH) }),
  eventInputSchema,
]);
export type EventsRequest = z.infer<typeof eventsRequestSchema>;

export const ingestResultSchema = z.object({
  accepted: z.int().describe('Events stored by this request.'),
  duplicates: z.int().describe('Events ignored because their eventId was already stored.'),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;
