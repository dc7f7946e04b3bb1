import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildJourney } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../../src/app';
import { ManualClock } from '../../src/clock';

const START = Date.parse('2026-03-02T02:00:00.000Z'); // Monday 10:00 in Shanghai

async function startApp(databasePath = ':memory:', clock = new ManualClock(START)) {
  const app = await buildApp({ databasePath, clock, pollIntervalMs: 0, auth: { enabled: false } });
  onTestFinished(() => app.close());
  return { app, clock };
}

const document = buildJourney;

const welcome = document(
  'welcome',
  [
    ['t', 'trigger', { kind: 'event', event: 'card_activated' }],
    ['w', 'wait', { duration: 'P2D' }],
    ['m', 'message', { channel: 'sms', template: { body: 'Hi {{profile.name}}, welcome!' } }],
    ['x', 'exit', {}],
  ],
  [
    ['t', 'next', 'w'],
    ['w', 'next', 'm'],
    ['m', 'sent', 'x'],
  ],
);

async function publish(app: FastifyInstance, doc: object): Promise<void> {
  const created = await app.inject({ method: 'POST', url: '/v1/journeys', payload: doc });
  expect(created.statusCode).toBe(201);
  const published = await app.inject({ method: 'POST', url: `/v1/journeys/${(doc as { id: string }).id}/publish` });
  expect(published.statusCode, published.body).toBe(201);
}

async function send(app: FastifyInstance, events: Array<Record<string, unknown>>) {
  const response = await app.inject({ method: 'POST', url: '/v1/events', payload: { events } });
  expect(response.statusCode, response.body).toBe(202);
  return response.json() as { accepted: number; duplicates: number };
}

async function instancesOf(app: FastifyInstance, customerId: string) {
  const response = await app.inject({ method: 'GET', url: `/v1/customers/${customerId}/journeys` });
  expect(response.statusCode, response.body).toBe(200);
  return (
    response.json() as {
      instances: Array<{
        status: string;
        node: string;
        version: number;
        variants: Record<string, string>;
        trace: Array<{ cause: string; toNode: string; detail: Record<string, unknown> }>;
      }>;
    }
  ).instances;
}

async function messagesOf(app: FastifyInstance, customerId: string) {
  const response = await app.inject({ method: 'GET', url: `/v1/messages?customerId=${customerId}` });
  return (response.json() as { messages: Array<{ body: string; status: string; nodeId: string; channel: string }> })
    .messages;
}

const advance = (app: FastifyInstance, duration: string) =>
  app.inject({ method: 'POST', url: '/v1/admin/clock', payload: { advance: duration } });

describe('journey execution', () => {
  it('runs wait 2 days → SMS on the manual clock, and ignores a duplicate event', async () => {
    const { app } = await startApp();
    await publish(app, welcome);
    await app.inject({ method: 'PUT', url: '/v1/customers/c1', payload: { attributes: { name: 'Li Wei' } } });
    expect(await send(app, [{ eventId: 'e1', customerId: 'c1', type: 'card_activated' }])).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect(await send(app, [{ eventId: 'e1', customerId: 'c1', type: 'card_activated' }])).toEqual({
      accepted: 0,
      duplicates: 1,
    });

    expect((await instancesOf(app, 'c1')).map((instance) => [instance.status, instance.node])).toEqual([
      ['active', 'w'],
    ]);
    expect((await advance(app, 'P1D')).statusCode).toBe(200);
    expect(await messagesOf(app, 'c1')).toEqual([]);
    await advance(app, 'P1D');
    const [instance] = await instancesOf(app, 'c1');
    expect(instance?.status).toBe('completed');
    expect(instance?.trace.map((step) => [step.cause, step.toNode])).toEqual([
      ['card_activated', 'w'],
      ['timer', '$completed'],
    ]);
    expect(await messagesOf(app, 'c1')).toMatchObject([
      { body: 'Hi Li Wei, welcome!', status: 'sent', channel: 'sms' },
    ]);
  });

  it('takes matched or timeout at a waitForEvent, per customer', async () => {
    const { app } = await startApp();
    await publish(
      app,
      document(
        'spend',
        [
          ['t', 'trigger', { kind: 'event', event: 'card_activated' }],
          [
            'w',
            'waitForEvent',
            { event: 'card_transaction', where: { event: 'amount', op: 'gte', value: 99 }, within: 'P60D' },
          ],
          ['yes', 'exit', {}],
          ['no', 'exit', {}],
        ],
        [
          ['t', 'next', 'w'],
          ['w', 'matched', 'yes'],
          ['w', 'timeout', 'no'],
        ],
      ),
    );
    await send(app, [
      { eventId: 'a1', customerId: 'spender', type: 'card_activated' },
      { eventId: 'b1', customerId: 'idle', type: 'card_activated' },
    ]);
    await send(app, [{ eventId: 'a2', customerId: 'spender', type: 'card_transaction', properties: { amount: 150 } }]);
    await advance(app, 'P61D');
    expect((await instancesOf(app, 'spender')).at(-1)?.trace.at(-1)).toMatchObject({ cause: 'card_transaction' });
    const idle = await instancesOf(app, 'idle');
    expect(idle[0]?.trace.at(-1)).toMatchObject({ cause: 'timer', toNode: '$completed' });
    const metrics = app.sqlite
      .prepare(
        "SELECT key, value FROM metric_counters WHERE journey_id = 'spend' AND key LIKE 'handle:w:%' ORDER BY key",
      )
      .all();
    expect(metrics).toEqual([
      { key: 'handle:w:matched', value: 1 },
      { key: 'handle:w:timeout', value: 1 },
    ]);
  });

  it('grants from a benefit pool until its budget runs out', async () => {
    const { app } = await startApp();
    const pool = await app.inject({
      method: 'POST',
      url: '/v1/benefit-pools',
      payload: { id: 'coupons', name: 'Coupons', budget: 1 },
    });
    expect(pool.statusCode, pool.body).toBe(201);
    await publish(
      app,
      document(
        'bonus',
        [
          ['t', 'trigger', { kind: 'event', event: 'card_activated' }],
          ['b', 'benefit', { poolId: 'coupons' }],
          ['got', 'exit', {}],
          ['none', 'exit', {}],
        ],
        [
          ['t', 'next', 'b'],
          ['b', 'granted', 'got'],
          ['b', 'unavailable', 'none'],
        ],
      ),
    );
    await send(app, [
      { eventId: 'x1', customerId: 'first', type: 'card_activated' },
      { eventId: 'x2', customerId: 'second', type: 'card_activated' },
    ]);
    const paths = async (customerId: string) =>
      (await instancesOf(app, customerId))[0]?.trace[0] && (await app.inject({ url: '/v1/benefit-pools' })).json();
    expect(await paths('first')).toMatchObject({ pools: [{ id: 'coupons', granted: 1, remaining: 0 }] });
    const handles = app.sqlite
      .prepare(
        "SELECT key, value FROM metric_counters WHERE journey_id = 'bonus' AND key LIKE 'handle:b:%' ORDER BY key",
      )
      .all();
    expect(handles).toEqual([
      { key: 'handle:b:granted', value: 1 },
      { key: 'handle:b:unavailable', value: 1 },
    ]);
  });

  it('keeps in-flight customers on their version when a new one is published', async () => {
    const { app } = await startApp();
    await publish(app, welcome);
    await send(app, [{ eventId: 'v1', customerId: 'early', type: 'card_activated' }]);
    const changed = {
      ...welcome,
      nodes: welcome.nodes.map((node) => (node.id === 'w' ? { ...node, config: { duration: 'P5D' } } : node)),
    };
    expect((await app.inject({ method: 'PUT', url: '/v1/journeys/welcome', payload: changed })).statusCode).toBe(200);
    const republished = await app.inject({ method: 'POST', url: '/v1/journeys/welcome/publish' });
    expect(republished.json()).toMatchObject({
      version: { version: 2 },
      changes: [{ kind: 'nodeChanged', nodeId: 'w', fields: ['config'] }],
    });
    await send(app, [{ eventId: 'v2', customerId: 'late', type: 'card_activated' }]);
    await advance(app, 'P2D');
    expect((await instancesOf(app, 'early'))[0]).toMatchObject({ version: 1, status: 'completed' });
    expect((await instancesOf(app, 'late'))[0]).toMatchObject({ version: 2, status: 'active', node: 'w' });
  });

  it('moves in-flight customers to the new version when the publish names a node mapping', async () => {
    const { app } = await startApp();
    await publish(app, welcome);
    await send(app, [{ eventId: 'm1', customerId: 'moved', type: 'card_activated' }]);
    const longer = {
      ...welcome,
      nodes: welcome.nodes.map((node) => (node.id === 'w' ? { ...node, config: { duration: 'P5D' } } : node)),
    };
    await app.inject({ method: 'PUT', url: '/v1/journeys/welcome', payload: longer });

    const refused = await app.inject({
      method: 'POST',
      url: '/v1/journeys/welcome/publish',
      payload: { nodeMap: { w: 'nowhere' } },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues).toEqual([
      { path: 'body.nodeMap.w', message: 'the new version has no node "nowhere"' },
    ]);

    const published = await app.inject({
      method: 'POST',
      url: '/v1/journeys/welcome/publish',
      payload: { nodeMap: { w: 'w' } },
    });
    expect(published.json()).toMatchObject({ version: { version: 2 }, migrated: 1 });
    await advance(app, 'P2D');
    expect((await instancesOf(app, 'moved'))[0]).toMatchObject({ version: 2, status: 'active', node: 'w' });
    await advance(app, 'P3D');
    const [instance] = await instancesOf(app, 'moved');
    expect(instance).toMatchObject({ version: 2, status: 'completed' });
    expect(instance?.trace.map((step) => step.cause)).toEqual([
      'card_activated',
      'migrated from version 1 at w',
      'timer',
    ]);
    expect(await messagesOf(app, 'moved')).toHaveLength(1);
  });

  it('explains in the trace which condition held and why a message was held back', async () => {
    const { app } = await startApp();
    await publish(
      app,
      document(
        'why',
        [
          ['t', 'trigger', { kind: 'event', event: 'card_activated' }],
          [
            'c',
            'condition',
            {
              branches: [
                { id: 'vip', when: { hasTag: 'vip' } },
                { id: 'rich', when: { attr: 'balance', op: 'gte', value: 100_000 } },
              ],
            },
          ],
          ['m', 'message', { channel: 'sms', template: { body: 'Hello' } }],
          ['x', 'exit', {}],
        ],
        [
          ['t', 'next', 'c'],
          ['c', 'vip', 'm'],
          ['c', 'rich', 'm'],
          ['c', 'else', 'x'],
          ['m', 'sent', 'x'],
        ],
        { quietHours: { start: '09:00', end: '11:00' } },
      ),
    );
    await app.inject({ method: 'PUT', url: '/v1/customers/c7', payload: { attributes: { balance: 250_000 } } });
    await send(app, [{ eventId: 'w1', customerId: 'c7', type: 'card_activated' }]);
    await app.runDueWork();
    const [instance] = await instancesOf(app, 'c7');
    const [entered, held] = instance?.trace ?? [];
    expect(entered?.detail).toMatchObject({
      conditions: [
        {
          nodeId: 'c',
          taken: 'rich',
          branches: [
            { id: 'vip', holds: false },
            { id: 'rich', holds: true },
          ],
        },
      ],
    });
    // 10:00 in Shanghai is inside the quiet hours: the SMS waits until 11:00, and the trace says so.
    expect(held).toMatchObject({ cause: 'message.deferred', toNode: 'm' });
    expect(held?.detail).toMatchObject({
      channel: 'sms',
      reason: 'quiet hours',
      nextAttemptAt: '2026-03-02T03:00:00.000Z',
    });
  });

  it('survives a restart mid-journey: the timer fires once and the message is sent once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journey-')), 'journey.db');
    const clock = new ManualClock(START);
    const first = await buildApp({ databasePath: path, clock, pollIntervalMs: 0, auth: { enabled: false } });
    await publish(first, welcome);
    await send(first, [{ eventId: 'r1', customerId: 'c9', type: 'card_activated' }]);
    await first.close();

    clock.advance(3 * 86_400_000);
    const { app: second } = await startApp(path, clock);
    await second.runDueWork();
    await second.runDueWork();
    expect(await messagesOf(second, 'c9')).toHaveLength(1);
    expect((await instancesOf(second, 'c9'))[0]?.status).toBe('completed');
  });

  it('refuses to publish an invalid draft, naming the problems', async () => {
    const { app } = await startApp();
    const broken = { ...welcome, id: 'broken', edges: welcome.edges.filter((edge) => edge.source !== 'w') };
    await app.inject({ method: 'POST', url: '/v1/journeys', payload: broken });
    const response = await app.inject({ method: 'POST', url: '/v1/journeys/broken/publish' });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toContainEqual(expect.objectContaining({ path: expect.stringContaining('draft.') }));
    expect((await app.inject({ method: 'POST', url: '/v1/journeys/nope/publish' })).statusCode).toBe(404);
    expect((await advance(app, 'P2X')).statusCode).toBe(400);
  });
});
