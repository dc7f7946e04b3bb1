import { z } from 'zod';
import { creativeIdSchema } from '../model/creatives';
import { channels } from '../model/document';

/** REST shapes of the creatives library: reusable message texts that message nodes refer to by id. */

/** What a PUT /v1/creatives/:id sends; an empty title is no title. */
export const creativeInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'name the creative').max(200),
  channel: z.enum(channels),
  title: z.string().trim().max(200).optional(),
  body: z.string().trim().min(1, 'write the message text').max(4000),
  description: z.string().trim().max(1000).optional(),
});
export type CreativeInput = z.infer<typeof creativeInputSchema>;

export const creativeSchema = z
  .object({
    id: creativeIdSchema,
    name: z.string(),
    channel: z.enum(channels),
    title: z.string().optional(),
    body: z.string().describe('may use {{profile.attr}} and {{event.prop}} placeholders'),
    description: z.string().optional(),
    revision: z.int().describe('counts the saves; the ETag is "<revision>"'),
    updatedAt: z.iso.datetime(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'Creative' });
export type Creative = z.infer<typeof creativeSchema>;

export const creativeUsageSchema = z
  .object({
    journeyId: z.string(),
    journeyName: z.string(),
    nodeIds: z.array(z.string()).describe('the message nodes that use the creative'),
    where: z.enum(['draft', 'live']).describe('the draft, or the version customers are running through'),
  })
  .meta({ id: 'CreativeUsage' });
export type CreativeUsage = z.infer<typeof creativeUsageSchema>;

export const creativeDetailSchema = creativeSchema
  .extend({ usedBy: z.array(creativeUsageSchema) })
  .meta({ id: 'CreativeDetail' });
export type CreativeDetail = z.infer<typeof creativeDetailSchema>;
