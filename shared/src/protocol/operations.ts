import { z } from 'zod';

/** REST shapes of bank operations: staff tasks, the organisation, results by org unit, and cost and ROI. */

export const taskChannels = ['branchTask', 'callCenter'] as const;
export type TaskChannel = (typeof taskChannels)[number];
export const taskStatuses = ['open', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskOutcomes = ['sold', 'interested', 'declined', 'unreachable'] as const;
export type TaskOutcome = (typeof taskOutcomes)[number];
/** How a task got its assignee: the customer's RM, the branch's rotation, nobody yet (a queue), or by hand. */
export const taskAssignments = ['rm', 'roundRobin', 'queue', 'manual'] as const;
export type TaskAssignment = (typeof taskAssignments)[number];

export const orgUnitKinds = ['headOffice', 'branch', 'subBranch'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];
/** The kind of unit one level up (head office → branch → sub-branch); the head office has none. */
export const orgUnitParentKind: Readonly<Record<OrgUnitKind, OrgUnitKind | null>> = {
  headOffice: null,
  branch: 'headOffice',
  subBranch: 'branch',
};
export const staffRoles = ['rm', 'callCenter', 'lobby', 'manager'] as const;
export type StaffRole = (typeof staffRoles)[number];

const instant = z.iso.datetime();

export const taskSchema = z
  .object({
    id: z.int(),
    journeyId: z.string(),
    version: z.int(),
    nodeId: z.string(),
    channel: z.enum(taskChannels),
    /** The customer's org unit when the task was issued; an unassigned task waits in its queue. */
    branch: z.string().nullable(),
    assignee: z.string().nullable().describe('a staff id; null while the task waits in the queue'),
    assignedBy: z.enum(taskAssignments),
    title: z.string().nullable(),
    script: z.string().describe('what to say, from the message template'),
    customer: z.object({ id: z.string(), summary: z.record(z.string(), z.unknown()) }),
    status: z.enum(taskStatuses),
    dueAt: instant,
    overdueAt: instant.nullable().describe('when task_overdue was emitted'),
    createdAt: instant,
    completedAt: instant.nullable(),
    outcome: z.enum(taskOutcomes).nullable(),
    note: z.string().nullable(),
    product: z.string().nullable(),
    amount: z.number().nullable(),
  })
  .meta({ id: 'Task' });
export type TaskDto = z.infer<typeof taskSchema>;

export const taskCompletionSchema = z
  .strictObject({
    outcome: z.enum(taskOutcomes),
    note: z.string().max(2000).optional(),
    product: z.string().min(1).max(200).optional(),
    amount: z.number().min(0).optional().describe('what the customer bought for, e.g. the deposit amount'),
  })
  .meta({ id: 'TaskCompletion' });
export type TaskCompletion = z.infer<typeof taskCompletionSchema>;

export const orgUnitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(orgUnitKinds),
    parentId: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'OrgUnit' });
export type OrgUnitDto = z.infer<typeof orgUnitSchema>;

export const staffSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(staffRoles),
    orgUnitId: z.string(),
    active: z.boolean(),
    referralCode: z.string(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Staff' });
export type StaffDto = z.infer<typeof staffSchema>;

const count = z.int();
const rate = z.number().nullable();

export const orgFiguresSchema = z.object({
  entered: count,
  converted: count,
  tasksIssued: count,
  tasksDone: count,
  tasksSold: count,
  executionRate: rate.describe('tasks done / tasks issued; null without tasks'),
  successRate: rate.describe('tasks sold / tasks done; null without done tasks'),
  referredConversions: count.describe("conversions within the referral window after a staff member's code"),
});
export type OrgFigures = z.infer<typeof orgFiguresSchema>;

export const orgMetricsSchema = z
  .object({
    journeyId: z.string(),
    version: z.int().nullable(),
    groupBy: z.enum(['branch', 'rm']),
    groups: z.array(
      orgFiguresSchema.extend({
        id: z.string(),
        name: z.string(),
        parentId: z.string().nullable().describe('the org unit this group rolls up into'),
      }),
    ),
    unassigned: orgFiguresSchema.describe('figures that name no known org unit or staff member'),
    total: orgFiguresSchema,
  })
  .meta({ id: 'OrgMetrics' });
export type OrgMetricsDto = z.infer<typeof orgMetricsSchema>;

const roiFiguresSchema = z.object({
  instances: count,
  messagesSent: count,
  benefitsGranted: count.describe('benefit units'),
  cost: z.number().describe('messages sent × channel unit cost + benefit units granted × pool unit cost'),
  conversions: count,
  costPerConversion: rate,
  revenue: z.number().describe("sum of the goal events' amount"),
  roi: rate.describe('(revenue − cost) / cost; null when nothing cost anything'),
});
export type RoiFigures = z.infer<typeof roiFiguresSchema>;

export const roiReportSchema = z
  .object({
    journeyId: z.string(),
    version: z.int().nullable(),
    total: roiFiguresSchema,
    versions: z.array(roiFiguresSchema.extend({ version: z.int() })),
    splits: z.array(
      z.object({ nodeId: z.string(), variants: z.array(roiFiguresSchema.extend({ variant: z.string() })) }),
    ),
  })
  .meta({ id: 'RoiReport' });
export type RoiReportDto = z.infer<typeof roiReportSchema>;

export const experimentVerdicts = ['control', 'better', 'worse', 'inconclusive'] as const;
export type ExperimentVerdict = (typeof experimentVerdicts)[number];

export const campaignReportSchema = z
  .object({
    journeyId: z.string(),
    name: z.string(),
    version: z.int().nullable(),
    generatedAt: instant,
    goal: z.object({ event: z.string(), within: z.string().nullable(), exitOnGoal: z.boolean() }).nullable(),
    reach: z.object({ entered: count, converted: count, conversionRate: rate, messagesSent: count }),
    funnel: z.array(z.object({ nodeId: z.string(), type: z.string(), entered: count, exited: count })),
    channels: z.array(
      z.object({
        channel: z.string(),
        sent: count,
        reached: count.describe('instances sent at least one message on the channel'),
        converted: count.describe('of those, instances that converted after a message was sent'),
        conversionRate: rate,
      }),
    ),
    branches: orgMetricsSchema.shape.groups,
    roi: roiReportSchema.pick({ total: true, versions: true, splits: true }),
    experiments: z.array(
      z.object({
        nodeId: z.string(),
        variants: z.array(
          z.object({
            id: z.string(),
            n: count,
            conversions: count,
            rate,
            verdict: z.enum(experimentVerdicts).describe('against the control, by the always-valid p-value'),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CampaignReport' });
export type CampaignReport = z.infer<typeof campaignReportSchema>;
