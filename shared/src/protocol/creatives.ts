import { z } from 'zod';
import { type CreativeContent, creativeIdSchema, creativeReferences } from '../model/creatives';
import { channels, type JourneyDocument } from '../model/document';

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

/** What GET /v1/creatives answers: the library, and whether publishing sends only approved text. */
export const creativeListSchema = z.object({
  creatives: z.array(creativeSchema),
  approvalRequired: z
    .boolean()
    .describe(
      'Creative approval is on: publishing sends the approved text of each creative and refuses those never approved',
    ),
});
export type CreativeList = z.infer<typeof creativeListSchema>;

/** The parts of a creative that decide what a message using it sends. */
export type CreativeSource = Pick<Creative, 'name' | 'channel' | 'title' | 'body' | 'approval'>;

/**
 * The text a message using the creative sends. With approval required that is the approved text, and a creative
 * never approved is marked `unapproved` (for the validator to refuse); otherwise the working text.
 */
export function creativeContentOf(creative: CreativeSource, approvalRequired: boolean): CreativeContent {
  const { approval } = creative;
  const approved =
    approvalRequired && approval.state !== 'notApproved'
      ? { title: approval.approvedTitle, body: approval.approvedBody }
      : undefined;
  const { title, body } = approved ?? creative;
  return {
    name: creative.name,
    channel: creative.channel,
    ...(title !== undefined && { title }),
    body,
    ...(approvalRequired && !approved && { unapproved: true }),
  };
}

/**
 * The text to send of each creative the document's messages use and `find` knows (unknown ids are left out, for
 * the validator to report): what publishing resolves and checks, so the designer can check and show the same.
 */
export function creativeContents(
  document: JourneyDocument,
  find: (id: string) => CreativeSource | undefined,
  approvalRequired: boolean,
): Map<string, CreativeContent> {
  const contents = new Map<string, CreativeContent>();
  for (const id of creativeReferences(document).keys()) {
    const creative = find(id);
    if (creative) contents.set(id, creativeContentOf(creative, approvalRequired));
  }
  return contents;
}

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
