import { buildJourney, type TaskDto } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ChannelAdapter, OutgoingMessage } from '../../src/channels/adapters';
import { buildTestApp, START } from '../helpers';
import { advance, call, publish, putCustomer, sendEvents } from './harness';

const HOUR_MS = 3_600_000;

const callBack = buildJourney(
  'call-back',
  [
    ['asked', 'trigger', { kind: 'event', event: 'callback_requested' }],
    ['call', 'message', { channel: 'callCenter', template: { title: 'Call back', body: 'Call {{profile.name}}' } }],
    ['done', 'exit', {}],
  ],
  [
    ['asked', 'next', 'call'],
    ['call', 'sent', 'done'],
  ],
);

/** Publishes the call-back journey, lets `customerId` ask for a call and dispatches it; returns the task. */
async function issueTask(app: FastifyInstance, customerId = 'c1'): Promise<TaskDto> {
  await putCustomer(app, customerId, { name: 'Li Na', phone: '13800000000', income: 12_000 });
  await publish(app, callBack);
  await sendEvents(app, [{ eventId: `ask-${customerId}`, customerId, type: 'callback_requested' }]);
  await advance(app, 'PT1M');
  const { tasks } = await call<{ tasks: TaskDto[] }>(app, { url: '/v1/tasks' });
  expect(tasks).toHaveLength(1);
  return tasks[0]!;
}

describe('staff tasks', () => {
  it('puts a call-center task without branch or RM in the global queue, due after the configured time', async () => {
    const { app } = await buildTestApp({
      operations: { taskDueAfterMs: 4 * HOUR_MS, taskSummaryAttributes: ['name'] },
    });
    const task = await issueTask(app);
    expect(task).toMatchObject({
      channel: 'callCenter',
      branch: null,
      assignee: null,
      assignedBy: 'queue',
      title: 'Call back',
      script: 'Call Li Na',
      customer: { id: 'c1', summary: { name: 'Li Na' } },
      dueAt: new Date(START + 4 * HOUR_MS).toISOString(),
    });
    const messages = await call<{ messages: Array<{ status: string }> }>(app, {
      url: '/v1/messages?channel=callCenter',
    });
    expect(messages.messages).toMatchObject([{ status: 'sent' }]);
  });

  it('creates one task per message, however often the message is sent', async () => {
    const { app } = await buildTestApp();
    const task = await issueTask(app);
    const [message] = app.sqlite.prepare<[], { idempotency_key: string }>('SELECT idempotency_key FROM messages').all();
    const resent: OutgoingMessage = {
      idempotencyKey: message!.idempotency_key,
      channel: 'callCenter',
      customerId: 'c1',
      journeyId: 'call-back',
      nodeId: 'call',
      title: 'Call back',
      body: 'Call Li Na',
    };
    expect(await app.tasks.channelAdapters.callCenter.send(resent)).toEqual({ ok: true });
    expect((await call<{ tasks: TaskDto[] }>(app, { url: '/v1/tasks' })).tasks.map((t) => t.id)).toEqual([task.id]);
  });

  it('leaves the channel to an adapter configured for it', async () => {
    const sent: string[] = [];
    const callCenter: ChannelAdapter = {
      send: async (message) => {
        sent.push(message.body);
        return { ok: true };
      },
    };
    const { app } = await buildTestApp({ channels: { callCenter } });
    await putCustomer(app, 'c1', { name: 'Li Na' });
    await publish(app, callBack);
    await sendEvents(app, [{ eventId: 'ask', customerId: 'c1', type: 'callback_requested' }]);
    await advance(app, 'PT1M');
    expect(sent).toEqual(['Call Li Na']);
    expect((await call<{ tasks: TaskDto[] }>(app, { url: '/v1/tasks' })).tasks).toEqual([]);
  });

  it('refuses bad completions and reassignments with the field at fault', async () => {
    const { app } = await buildTestApp();
    const task = await issueTask(app);
    await call(
      app,
      { method: 'PUT', url: '/v1/org-units/HO', payload: { name: 'Head office', kind: 'headOffice' } },
      201,
    );
    const member = { name: 'Former RM', role: 'rm', orgUnitId: 'HO', referralCode: 'FR01', active: false };
    await call(app, { method: 'PUT', url: '/v1/staff/gone', payload: member }, 201);

    const badOutcome = await call<{ issues: unknown[] }>(
      app,
      { method: 'POST', url: `/v1/tasks/${task.id}/complete`, payload: { outcome: 'maybe' } },
      400,
    );
    expect(badOutcome.issues).toMatchObject([{ path: 'body.outcome' }]);
    const badAmount = await call<{ issues: unknown[] }>(
      app,
      { method: 'POST', url: `/v1/tasks/${task.id}/complete`, payload: { outcome: 'sold', amount: -5 } },
      400,
    );
    expect(badAmount.issues).toMatchObject([{ path: 'body.amount' }]);
    const inactive = await call<{ issues: unknown[] }>(
      app,
      { method: 'POST', url: `/v1/tasks/${task.id}/reassign`, payload: { assignee: 'gone' } },
      400,
    );
    expect(inactive.issues).toEqual([{ path: 'body.assignee', message: 'no active staff member "gone"' }]);
    await call(app, { method: 'POST', url: '/v1/tasks/999/complete', payload: { outcome: 'sold' } }, 404);
    await call(app, { url: '/v1/tasks/abc' }, 400);
    const badStatus = await call<{ issues: unknown[] }>(app, { url: '/v1/tasks?status=later' }, 400);
    expect(badStatus.issues).toMatchObject([{ path: 'querystring.status' }]);

    await call(app, { method: 'POST', url: `/v1/tasks/${task.id}/complete`, payload: { outcome: 'unreachable' } });
    await call(app, { method: 'POST', url: `/v1/tasks/${task.id}/reassign`, payload: { assignee: 'gone' } }, 409);
  });

  it('emits task_completed once with the outcome, and task_overdue once at the due time', async () => {
    const { app } = await buildTestApp();
    const first = await issueTask(app, 'c1');
    await sendEvents(app, [{ eventId: 'ask-c2', customerId: 'c2', type: 'callback_requested' }]);
    await advance(app, 'PT1M');
    const second = (await call<{ tasks: TaskDto[] }>(app, { url: '/v1/tasks?status=open' })).tasks.find(
      (task) => task.customer.id === 'c2',
    )!;

    await call(app, {
      method: 'POST',
      url: `/v1/tasks/${first.id}/complete`,
      payload: { outcome: 'sold', product: 'FUND-A', amount: 8000, note: 'wants a review in March' },
    });
    await advance(app, 'P3D');
    await advance(app, 'P1D');
    const events = app.sqlite
      .prepare<[], { event_id: string; customer_id: string; type: string; timestamp: number; properties: string }>(
        "SELECT * FROM events WHERE type LIKE 'task_%' ORDER BY type",
      )
      .all()
      .map((event) => ({ ...event, properties: JSON.parse(event.properties) }));
    expect(events).toMatchObject([
      {
        event_id: `task:${first.id}:completed`,
        customer_id: 'c1',
        type: 'task_completed',
        properties: {
          outcome: 'sold',
          product: 'FUND-A',
          amount: 8000,
          taskId: first.id,
          journeyId: 'call-back',
          nodeId: 'call',
        },
      },
      {
        event_id: `task:${second.id}:overdue`,
        customer_id: 'c2',
        type: 'task_overdue',
        timestamp: Date.parse(second.dueAt),
        properties: { taskId: second.id, journeyId: 'call-back', nodeId: 'call' },
      },
    ]);
    const done = await call<TaskDto>(app, { url: `/v1/tasks/${first.id}` });
    expect(done).toMatchObject({ status: 'done', outcome: 'sold', overdueAt: null, note: 'wants a review in March' });
  });
});
