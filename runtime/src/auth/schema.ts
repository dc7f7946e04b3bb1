import { z } from 'zod';
import type { ApprovalRow } from './approvals';

/** Response shapes shared by the publish route and the approval routes. */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const approvalSchema = z
  .object({
    id: z.int(),
    journeyId: z.string(),
    status: z.enum(['pending', 'approved', 'rejected']),
    document: z.record(z.string(), z.unknown()).describe('The draft as submitted: what an approval publishes'),
    nodeMap: z.record(z.string(), z.string()),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    version: z.int().nullable().describe('The version the approval published'),
  })
  .meta({ id: 'ApprovalRequest' });

export const toApprovalDto = (row: ApprovalRow): z.infer<typeof approvalSchema> => ({
  id: row.id,
  journeyId: row.journeyId,
  status: row.status,
  document: row.document,
  nodeMap: row.nodeMap,
  requestedBy: row.requestedBy,
  requestedAt: new Date(row.requestedAt).toISOString(),
  decidedBy: row.decidedBy,
  decidedAt: iso(row.decidedAt),
  reason: row.reason,
  version: row.version,
});
