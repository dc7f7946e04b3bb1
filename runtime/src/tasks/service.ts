import type { TaskAssignment, TaskChannel, TaskCompletion, TaskStatus } from '@journey/shared';
import { and, asc, desc, eq, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { ChannelAdapter, OutgoingMessage } from '../channels/adapters';
import type { Clock } from '../clock';
import type { CustomerStore } from '../customers/store';
import type { Database } from '../db/client';
import { type Attributes, messages, tasks } from '../db/schema';
import type { EventIngestion } from '../events/ingest';
import { BadRequestError, ConflictError, NotFoundError } from '../http-errors';
import type { OrgStore } from '../org/store';

export type Task = typeof tasks.$inferSelect;

export interface TaskOptions {
  /** How long staff have to complete a task before it is overdue. */
  dueAfterMs: number;
  /** Customer attributes copied onto the task's customer card. */
  summaryAttributes: readonly string[];
}

export interface TaskFilter {
  assignee?: string | undefined;
  branch?: string | undefined;
  status?: TaskStatus | undefined;
  limit: number;
}

/** A profile attribute naming an org unit or staff member; a CSV import may have stored it as a number. */
function idAttribute(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** What every task event tells the journey. */
const taskEventProperties = (task: Task) => ({ taskId: task.id, journeyId: task.journeyId, nodeId: task.nodeId });

/**
 * Staff tasks: `branchTask` and `callCenter` messages become tasks for a relationship manager, a branch's staff
 * in turn, or a queue; completing one (or letting it run overdue) sends an event back into the customer's
 * journeys, so a journey can wait for the outcome.
 */
export class TaskService {
  /** Adapters that turn each message of these channels into a task; the message log keeps the dispatch record. */
  readonly channelAdapters: Record<TaskChannel, ChannelAdapter>;

  constructor(
    private readonly db: Database,
    private readonly customers: CustomerStore,
    private readonly org: OrgStore,
    private readonly ingestion: EventIngestion,
    private readonly clock: Clock,
    private readonly options: TaskOptions,
  ) {
    const adapterFor = (channel: TaskChannel): ChannelAdapter => ({
      send: async (message) => {
        this.#issue(message, channel);
        return { ok: true };
      },
    });
    this.channelAdapters = { branchTask: adapterFor('branchTask'), callCenter: adapterFor('callCenter') };
  }

  /** Creates the task a message asks for, once per message however often it is sent. */
  #issue(message: OutgoingMessage, channel: TaskChannel): void {
    this.db.transaction(() => {
      if (this.db.select().from(tasks).where(eq(tasks.messageKey, message.idempotencyKey)).get()) return;
      const outbox = this.db.select().from(messages).where(eq(messages.idempotencyKey, message.idempotencyKey)).get();
      if (!outbox) throw new Error(`Message ${message.idempotencyKey} is not in the outbox`);
      const attributes = this.customers.find(message.customerId)?.attributes ?? {};
      const branchId = idAttribute(attributes.branch) ?? null;
      const now = this.clock.now();
      this.db
        .insert(tasks)
        .values({
          messageKey: message.idempotencyKey,
          instanceId: outbox.instanceId,
          journeyId: message.journeyId,
          version: outbox.version,
          nodeId: message.nodeId,
          customerId: message.customerId,
          channel,
          branchId,
          ...this.#assign(idAttribute(attributes.rm), branchId),
          title: message.title,
          script: message.body,
          customerSummary: this.#summary(attributes),
          status: 'open',
          dueAt: now + this.options.dueAfterMs,
          createdAt: now,
        })
        .run();
    });
  }

  find(id: number): Task | undefined {
    return this.db.select().from(tasks).where(eq(tasks.id, id)).get();
  }

  /** Tasks due soonest first. */
  list({ assignee, branch, status, limit }: TaskFilter): Task[] {
    const filters: SQL[] = [];
    if (assignee !== undefined) filters.push(eq(tasks.assignee, assignee));
    if (branch !== undefined) filters.push(eq(tasks.branchId, branch));
    if (status !== undefined) filters.push(eq(tasks.status, status));
    return this.db
      .select()
      .from(tasks)
      .where(and(...filters))
      .orderBy(asc(tasks.dueAt), asc(tasks.id))
      .limit(limit)
      .all();
  }

  /** Records the outcome and emits `task_completed` for the customer, in one transaction. */
  complete(id: number, { outcome, note, product, amount }: TaskCompletion): Task {
    return this.db.transaction(() => {
      const task = this.#open(id);
      const now = this.clock.now();
      const done = this.db
        .update(tasks)
        .set({
          status: 'done',
          completedAt: now,
          outcome,
          note: note ?? null,
          product: product ?? null,
          amount: amount ?? null,
        })
        .where(eq(tasks.id, id))
        .returning()
        .get();
      const properties = {
        ...taskEventProperties(task),
        outcome,
        ...(product !== undefined && { product }),
        ...(amount !== undefined && { amount }),
      };
      this.ingestion.ingest([
        {
          eventId: `task:${id}:completed`,
          customerId: task.customerId,
          type: 'task_completed',
          timestamp: now,
          properties,
        },
      ]);
      return done!;
    });
  }

  /** Hands an open task to an active staff member. */
  reassign(id: number, assignee: string): Task {
    return this.db.transaction(() => {
      this.#open(id);
      if (!this.org.member(assignee)?.active) {
        throw new BadRequestError(`No active staff member ${assignee}`, [
          { path: 'body.assignee', message: `no active staff member "${assignee}"` },
        ]);
      }
      return this.db.update(tasks).set({ assignee, assignedBy: 'manual' }).where(eq(tasks.id, id)).returning().get()!;
    });
  }

  /**
   * Emits `task_overdue` (at the due time) once for each open task due by `now`, at most `limit` of them;
   * returns how many.
   */
  raiseOverdue(now: number, limit = 500): number {
    return this.db.transaction(() => {
      const due = this.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.status, 'open'), isNull(tasks.overdueAt), lte(tasks.dueAt, now)))
        .orderBy(asc(tasks.dueAt), asc(tasks.id))
        .limit(limit)
        .all();
      if (due.length === 0) return 0;
      const ids = due.map((task) => task.id);
      this.db.update(tasks).set({ overdueAt: now }).where(inArray(tasks.id, ids)).run();
      this.ingestion.ingest(
        due.map((task) => ({
          eventId: `task:${task.id}:overdue`,
          customerId: task.customerId,
          type: 'task_overdue',
          timestamp: task.dueAt,
          properties: { ...taskEventProperties(task), ...(task.assignee !== null && { assignee: task.assignee }) },
        })),
      );
      return due.length;
    });
  }

  #open(id: number): Task {
    const task = this.find(id);
    if (!task) throw new NotFoundError(`Task ${id} not found`);
    if (task.status === 'done') throw new ConflictError(`Task ${id} is already done (${task.outcome})`);
    return task;
  }

  /** The customer's RM when active, else the branch's active staff in turn (by id), else the branch's queue. */
  #assign(rm: string | undefined, branchId: string | null): { assignee: string | null; assignedBy: TaskAssignment } {
    if (rm !== undefined && this.org.member(rm)?.active) return { assignee: rm, assignedBy: 'rm' };
    if (branchId === null) return { assignee: null, assignedBy: 'queue' };
    const rotation = this.org.members({ orgUnitId: branchId, active: true });
    if (rotation.length === 0) return { assignee: null, assignedBy: 'queue' };
    const previous = this.db
      .select({ assignee: tasks.assignee })
      .from(tasks)
      .where(and(eq(tasks.branchId, branchId), eq(tasks.assignedBy, 'roundRobin')))
      .orderBy(desc(tasks.id))
      .limit(1)
      .get();
    const next = rotation.findIndex((member) => member.id === previous?.assignee) + 1;
    return { assignee: rotation[next % rotation.length]!.id, assignedBy: 'roundRobin' };
  }

  #summary(attributes: Attributes): Attributes {
    return Object.fromEntries(
      this.options.summaryAttributes.filter((name) => name in attributes).map((name) => [name, attributes[name]]),
    );
  }
}
