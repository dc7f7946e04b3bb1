import { buildJourney, type CampaignReport, type OrgMetricsDto, type TaskDto } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp, START } from '../helpers';
import { advance, call, publish, putCustomer, sendEvents } from './harness';

/**
 * The done-when scenario: a branch visit issues a task, the journey waits a day for a sale, and the
 * results are read back by branch (rolled up) and by staff member.
 */

const branchVisit = buildJourney(
  'branch-visit',
  [
    ['visit', 'trigger', { kind: 'event', event: 'branch_visit' }],
    ['greet', 'message', { channel: 'branchTask', template: { body: 'Offer {{profile.name}} the 1-year deposit' } }],
    [
      'sale',
      'waitForEvent',
      { event: 'task_completed', where: { event: 'outcome', op: 'eq', value: 'sold' }, within: 'P1D' },
    ],
    ['sold', 'exit', {}],
    ['followUp', 'message', { channel: 'sms', template: { body: 'Thanks for visiting, {{profile.name}}' } }],
    ['end', 'exit', {}],
  ],
  [
    ['visit', 'next', 'greet'],
    ['greet', 'sent', 'sale'],
    ['sale', 'matched', 'sold'],
    ['sale', 'timeout', 'followUp'],
    ['followUp', 'sent', 'end'],
  ],
  { goal: { event: 'task_completed', where: { event: 'outcome', op: 'eq', value: 'sold' }, exitOnGoal: false } },
);

const orgUnits = [
  ['HO', { name: 'Head office', kind: 'headOffice' }],
  ['B1', { name: 'Pudong branch', kind: 'branch', parentId: 'HO' }],
  ['B1a', { name: 'Lujiazui sub-branch', kind: 'subBranch', parentId: 'B1' }],
  ['B2', { name: 'Xuhui branch', kind: 'branch', parentId: 'HO' }],
] as const;

const staff = [
  ['lobby1', { name: 'Zhao Min', role: 'lobby', orgUnitId: 'B1a', referralCode: 'ZM01' }],
  ['rm1', { name: 'Li Wei', role: 'rm', orgUnitId: 'B1', referralCode: 'LW01' }],
  ['rm2', { name: 'Wang Fang', role: 'rm', orgUnitId: 'B1', referralCode: 'WF01' }],
  ['rm3', { name: 'Chen Jie', role: 'rm', orgUnitId: 'B2', referralCode: 'CJ01' }],
  ['rm4', { name: 'Sun Hao', role: 'rm', orgUnitId: 'B2', referralCode: 'SH01', active: false }],
] as const;

/** Customers: c1–c3 at Pudong, c4 at its sub-branch, c5–c6 at Xuhui, c7 with no branch. */
const customers: Array<[string, Record<string, unknown>]> = [
  ['c1', { name: 'Customer 1', branch: 'B1', rm: 'rm1' }],
  ['c2', { name: 'Customer 2', branch: 'B1' }],
  ['c3', { name: 'Customer 3', branch: 'B1' }],
  ['c4', { name: 'Customer 4', branch: 'B1a' }],
  ['c5', { name: 'Customer 5', branch: 'B2', rm: 'rm3' }],
  ['c6', { name: 'Customer 6', branch: 'B2', rm: 'rm4' }],
  ['c7', { name: 'Customer 7' }],
];

async function setUp(app: FastifyInstance): Promise<void> {
  for (const [id, unit] of orgUnits) await call(app, { method: 'PUT', url: `/v1/org-units/${id}`, payload: unit }, 201);
  for (const [id, member] of staff) await call(app, { method: 'PUT', url: `/v1/staff/${id}`, payload: member }, 201);
  for (const [id, attributes] of customers) await putCustomer(app, id, attributes);
  await publish(app, branchVisit);
}

const tasksOf = async (app: FastifyInstance, query = '') =>
  (await call<{ tasks: TaskDto[] }>(app, { url: `/v1/tasks${query}` })).tasks;

const complete = (app: FastifyInstance, taskId: number, payload: object) =>
  call<TaskDto>(app, { method: 'POST', url: `/v1/tasks/${taskId}/complete`, payload });

const orgMetrics = (app: FastifyInstance, groupBy: string) =>
  call<OrgMetricsDto>(app, { url: `/v1/journeys/branch-visit/metrics/org?groupBy=${groupBy}` });

function figures(
  entered: number,
  converted: number,
  [tasksIssued, tasksDone, tasksSold]: [number, number, number],
  referredConversions: number,
) {
  return {
    entered,
    converted,
    tasksIssued,
    tasksDone,
    tasksSold,
    executionRate: tasksIssued === 0 ? null : tasksDone / tasksIssued,
    successRate: tasksDone === 0 ? null : tasksSold / tasksDone,
    referredConversions,
  };
}

describe('branch-visit journey with staff tasks', () => {
  it('issues tasks by rule, branches on outcomes and attributes results by branch and RM', async () => {
    const { app } = await buildTestApp();
    await setUp(app);

    // A referral 31 days before the sales falls outside the 30-day window; the later ones count.
    await sendEvents(app, [
      { eventId: 'ref-old', customerId: 'c1', type: 'campaign_click', properties: { referralCode: 'CJ01' } },
    ]);
    await advance(app, 'P31D');
    await sendEvents(app, [
      { eventId: 'ref-c3', customerId: 'c3', type: 'campaign_click', properties: { referralCode: 'ZM01' } },
      { eventId: 'ref-c5', customerId: 'c5', type: 'campaign_click', properties: { referralCode: 'LW01' } },
      { eventId: 'ref-bad', customerId: 'c6', type: 'campaign_click', properties: { referralCode: 'NOPE' } },
    ]);
    await sendEvents(
      app,
      customers.map(([customerId]) => ({ eventId: `visit-${customerId}`, customerId, type: 'branch_visit' })),
    );
    await advance(app, 'PT1M'); // dispatches the branchTask messages, at the time they were queued

    const issued = await tasksOf(app);
    const byCustomer = new Map(issued.map((task) => [task.customer.id, task]));
    // c1 and c5 go to their RM; c6's RM is inactive, so Xuhui's rotation (rm3 only) takes it; Pudong's rotation
    // alternates rm1, rm2; the sub-branch has lobby1; c7 has no branch and waits in the global queue.
    expect(customers.map(([id]) => [byCustomer.get(id)?.assignee, byCustomer.get(id)?.assignedBy])).toEqual([
      ['rm1', 'rm'],
      ['rm1', 'roundRobin'],
      ['rm2', 'roundRobin'],
      ['lobby1', 'roundRobin'],
      ['rm3', 'rm'],
      ['rm3', 'roundRobin'],
      [null, 'queue'],
    ]);
    const task = (customerId: string) => byCustomer.get(customerId)!;
    expect(task('c1')).toMatchObject({
      channel: 'branchTask',
      branch: 'B1',
      script: 'Offer Customer 1 the 1-year deposit',
      customer: { id: 'c1', summary: { name: 'Customer 1', branch: 'B1', rm: 'rm1' } },
      status: 'open',
      dueAt: new Date(START + 31 * 86_400_000 + 2 * 86_400_000).toISOString(),
    });
    expect((await tasksOf(app, '?assignee=rm3&status=open')).map((t) => t.customer.id)).toEqual(['c5', 'c6']);
    expect((await tasksOf(app, '?branch=B1')).map((t) => t.customer.id)).toEqual(['c1', 'c2', 'c3']);

    await complete(app, task('c1').id, { outcome: 'sold', product: 'TD-1Y', amount: 50_000 });
    await complete(app, task('c2').id, { outcome: 'declined', note: 'has a deposit elsewhere' });
    await complete(app, task('c3').id, { outcome: 'sold', product: 'TD-1Y', amount: 20_000 });
    await complete(app, task('c4').id, { outcome: 'interested' });
    await complete(app, task('c5').id, { outcome: 'unreachable' });
    await call(app, { method: 'POST', url: `/v1/tasks/${task('c7').id}/reassign`, payload: { assignee: 'rm2' } });
    await complete(app, task('c7').id, { outcome: 'sold', amount: 10_000 });
    await call(
      app,
      { method: 'POST', url: `/v1/tasks/${task('c1').id}/complete`, payload: { outcome: 'declined' } },
      409,
    );

    await advance(app, 'P1D'); // the day's wait runs out for everyone without a sale
    const followUps = await call<{ messages: Array<{ customerId: string }> }>(app, { url: '/v1/messages?channel=sms' });
    expect(followUps.messages.map((message) => message.customerId).sort()).toEqual(['c2', 'c4', 'c5', 'c6']);
    const journeys = await call<{ instances: Array<{ node: string; status: string; convertedAt: string | null }> }>(
      app,
      { url: '/v1/customers/c1/journeys' },
    );
    expect(journeys.instances[0]?.status).toBe('completed');
    expect(journeys.instances[0]?.convertedAt).not.toBeNull();

    await advance(app, 'P1D'); // c6's task is now past due
    const overdue = await call<TaskDto>(app, { url: `/v1/tasks/${task('c6').id}` });
    expect(overdue).toMatchObject({ status: 'open', overdueAt: expect.any(String) });
    const overdueEvents = app.sqlite.prepare("SELECT customer_id FROM events WHERE type = 'task_overdue'").all();
    expect(overdueEvents).toEqual([{ customer_id: 'c6' }]);

    // By branch: own figures — B1: c1–c3 (2 sold of 3 done), B1a: c4 (interested) and c3's referral by
    // lobby1, B2: c5 (unreachable), c6 (open); c7 has no branch. Each unit adds its sub-units.
    const byBranch = await orgMetrics(app, 'branch');
    expect(byBranch.groups).toEqual([
      { id: 'B1', name: 'Pudong branch', parentId: 'HO', ...figures(4, 2, [4, 4, 2], 1) },
      { id: 'B1a', name: 'Lujiazui sub-branch', parentId: 'B1', ...figures(1, 0, [1, 1, 0], 1) },
      { id: 'B2', name: 'Xuhui branch', parentId: 'HO', ...figures(2, 0, [2, 1, 0], 0) },
      { id: 'HO', name: 'Head office', parentId: null, ...figures(6, 2, [6, 5, 2], 1) },
    ]);
    expect(byBranch.unassigned).toEqual(figures(1, 1, [1, 1, 1], 0));
    expect(byBranch.total).toEqual(figures(7, 3, [7, 6, 3], 1));
    expect(byBranch.groups.find((group) => group.id === 'HO')).toMatchObject({
      executionRate: 5 / 6,
      successRate: 0.4,
    });

    // By RM: customers by their `rm` attribute, tasks by assignee (c7's went to rm2 by hand).
    const byRm = await orgMetrics(app, 'rm');
    expect(byRm.groups).toEqual([
      { id: 'lobby1', name: 'Zhao Min', parentId: 'B1a', ...figures(0, 0, [1, 1, 0], 1) },
      { id: 'rm1', name: 'Li Wei', parentId: 'B1', ...figures(1, 1, [2, 2, 1], 0) },
      { id: 'rm2', name: 'Wang Fang', parentId: 'B1', ...figures(0, 0, [2, 2, 2], 0) },
      { id: 'rm3', name: 'Chen Jie', parentId: 'B2', ...figures(1, 0, [2, 1, 0], 0) },
      { id: 'rm4', name: 'Sun Hao', parentId: 'B2', ...figures(1, 0, [0, 0, 0], 0) },
    ]);
    expect(byRm.unassigned).toEqual(figures(4, 2, [0, 0, 0], 0));
    expect(byRm.total).toEqual(byBranch.total);

    // The post-campaign evaluation gathers the same figures: 7 tasks (3 converted after theirs) and 4 SMS.
    const report = await call<CampaignReport>(app, { url: '/v1/journeys/branch-visit/report' });
    expect(report).toMatchObject({
      goal: { event: 'task_completed', within: null, exitOnGoal: false },
      reach: { entered: 7, converted: 3, conversionRate: 3 / 7, messagesSent: 11 },
      channels: [
        { channel: 'branchTask', sent: 7, reached: 7, converted: 3, conversionRate: 3 / 7 },
        { channel: 'sms', sent: 4, reached: 4, converted: 0, conversionRate: 0 },
      ],
      branches: byBranch.groups,
      roi: { total: { cost: 0, conversions: 3, revenue: 80_000, roi: null } },
      experiments: [],
    });
    expect(report.funnel.map(({ nodeId, entered }) => [nodeId, entered])).toEqual(
      expect.arrayContaining([
        ['greet', 7],
        ['sold', 3],
        ['followUp', 4],
      ]),
    );
    const csv = await app.inject({ url: '/v1/journeys/branch-visit/report?format=csv' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.split('\n');
    expect(lines[0]).toBe('section,item,metric,value');
    expect(lines).toEqual(
      expect.arrayContaining([
        'goal,task_completed,exitOnGoal,false',
        'reach,,entered,7',
        'channel,branchTask,converted,3',
        'branch,B1,name,Pudong branch',
        'branch,B1,executionRate,1',
        'branch,B1,successRate,0.5',
        'roi,total,revenue,80000',
      ]),
    );
  });
});
