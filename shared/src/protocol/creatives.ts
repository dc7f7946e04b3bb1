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

/**
 * Compliance approval of a creative's words. Approving keeps a copy of the title and body apart from the working
 * text; later edits leave that copy in place (`changesPending` until someone approves again). With creative approval
 * on, publishing sends the approved copy and refuses creatives never approved.
 */
export const creativeApprovalSchema = z
  .discriminatedUnion('state', [
    z.object({ state: z.literal('notApproved') }),
    z.object({
      state: z
        .enum(['approved', 'changesPending'])
        .describe('changesPending: the working title or body differs from the approved text'),
      approvedRevision: z.int().describe('the revision whose text was approved'),
      approvedBy: z.string(),
      approvedAt: z.iso.datetime(),
      approvedTitle: z.string().optional(),
      approvedBody: z.string(),
    }),
  ])
  .meta({ id: 'CreativeApproval' });
export type CreativeApproval = z.infer<typeof creativeApprovalSchema>;
export type CreativeApprovalState = CreativeApproval['state'];

/** What a POST /v1/creatives/:id/approve sends: the revision the approver read, so they approve what they saw. */
export const creativeApproveSchema = z.strictObject({
  revision: z.int().positive().describe('must be the current revision, else 409'),
});

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
    approval: creativeApprovalSchema,
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
