import fp from 'fastify-plugin';
import { OrgMetrics } from '../org/metrics';
import { referralSink } from '../org/referrals';
import { OrgStore } from '../org/store';
import { RoiService } from '../roi/service';
import { TaskService } from '../tasks/service';

declare module 'fastify' {
  interface FastifyInstance {
    org: OrgStore;
    orgMetrics: OrgMetrics;
    /** Staff tasks; the engine dispatches `branchTask` and `callCenter` messages through `tasks.channelAdapters`. */
    tasks: TaskService;
    roi: RoiService;
  }
}

export interface OperationsOptions {
  /** How long staff have to complete a task before `task_overdue` is emitted (default 2 days). */
  taskDueAfterMs?: number;
  /** Customer attributes copied onto each task's customer card. */
  taskSummaryAttributes?: readonly string[];
  /** How long after a referral the customer's conversions count for the referring staff member (default 30 days). */
  referralWindowMs?: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_SUMMARY_ATTRIBUTES = ['name', 'phone', 'age', 'job', 'segment', 'branch', 'rm'];

/** Bank operations around the journeys: organisation and staff, staff tasks, referrals, unit costs and revenue. */
export default fp<OperationsOptions>(
  async (
    app,
    { taskDueAfterMs = 2 * DAY_MS, taskSummaryAttributes = DEFAULT_SUMMARY_ATTRIBUTES, referralWindowMs = 30 * DAY_MS },
  ) => {
    const org = new OrgStore(app.db);
    app.decorate('org', org);
    app.decorate('orgMetrics', new OrgMetrics(app.sqlite, org, referralWindowMs));
    app.decorate(
      'tasks',
      new TaskService(app.db, app.customers, org, app.eventIngestion, app.clock, {
        dueAfterMs: taskDueAfterMs,
        summaryAttributes: taskSummaryAttributes,
      }),
    );
    app.decorate('roi', new RoiService(app.db, app.sqlite));
    app.eventIngestion.addSink(referralSink(org));
  },
  { name: 'operations', dependencies: ['db', 'stores'] },
);
