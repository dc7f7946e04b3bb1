import { CURRENT_SCHEMA_VERSION, type JourneyDocument, type JourneyNode } from '@journey/shared';
import { describe, expect, it } from 'vitest';
import {
  advanceTime,
  chooseOutcome,
  listenedEvents,
  type Simulation,
  sendEvent,
  startSimulation,
  type TestCustomer,
} from './simulation';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 5 January 2026, 10:00 in Shanghai. */
const START = Date.UTC(2026, 0, 5, 2);

type NodeSpec = [id: string, type: string, config: Record<string, unknown>];
type EdgeSpec = [source: string, handle: string, target: string];

function journey(nodes: NodeSpec[], edges: EdgeSpec[], settings: Partial<JourneyDocument['settings']> = {}) {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'sim',
    name: 'Simulated',
    settings: { reentry: 'never', timezone: 'Asia/Shanghai', ...settings },
    nodes: nodes.map(
      ([id, type, config], index): JourneyNode => ({ id, type, config, position: { x: index * 250, y: 0 } }),
    ),
    edges: edges.map(([source, sourceHandle, target], index) => ({
      id: `e${index + 1}`,
      source,
      sourceHandle,
      target,
    })),
  } satisfies JourneyDocument;
}

const alex: TestCustomer = { id: 'c-1', attributes: { name: 'Alex', tier: 'gold' }, tags: ['payroll'] };
const onActivation = { kind: 'event', event: 'card_activated' };

function start(document: JourneyDocument, properties: Record<string, unknown> = {}): Simulation {
  const started = startSimulation(document, alex, { at: START, properties });
  if (!started.ok) throw new Error(`did not start: ${started.reason}`);
  return started.simulation;
}

describe('a wait, then a message', () => {
  const document = journey(
    [
      ['t', 'trigger', onActivation],
      ['cool', 'wait', { duration: 'P1D' }],
      ['hi', 'message', { channel: 'sms', template: { body: 'Hi {{profile.name}}, welcome ({{profile.tier}})' } }],
      ['x', 'exit', {}],
    ],
    [
      ['t', 'next', 'cool'],
      ['cool', 'next', 'hi'],
      ['hi', 'sent', 'x'],
    ],
  );

  it('waits at the wait node with its timer due a day later', () => {
    const simulation = start(document);
    expect(simulation.currentNodeId).toBe('cool');
    expect(simulation.timeline).toEqual([
      {
        at: START,
        cause: { kind: 'entered', event: 'card_activated' },
        entered: ['t', 'cool'],
        messages: [],
        converted: false,
      },
    ]);
    expect(simulation.timers.map((timer) => [timer.nodeId, timer.dueAt])).toEqual([['cool', START + DAY]]);
    expect(simulation.traversedEdgeIds).toEqual(['e1']);
  });

  it('sends nothing before the day is over', () => {
    const simulation = advanceTime(start(document), DAY - 1);
    expect(simulation.currentNodeId).toBe('cool');
    expect(simulation.timeline).toHaveLength(1);
    expect(simulation.now).toBe(START + DAY - 1);
  });

  it('advancing a day renders the message with the profile and finishes the journey', () => {
    const simulation = advanceTime(start(document), DAY);
    const step = simulation.timeline[1];
    expect(step?.cause).toEqual({ kind: 'timer', nodeId: 'cool' });
    expect(step?.at).toBe(START + DAY);
    expect(step?.entered).toEqual(['hi', 'x']);
    expect(step?.messages).toEqual([{ nodeId: 'hi', channel: 'sms', body: 'Hi Alex, welcome (gold)' }]);
    expect(simulation.status).toBe('completed');
    expect(simulation.currentNodeId).toBe('x');
    expect(simulation.timers).toEqual([]);
    expect(simulation.traversedEdgeIds).toEqual(['e1', 'e2', 'e3']);
  });

  it('is pure: the earlier simulation is unchanged', () => {
    const before = start(document);
    advanceTime(before, 2 * DAY);
    expect(before.currentNodeId).toBe('cool');
    expect(before.timeline).toHaveLength(1);
  });
});

describe('waiting for an event', () => {
  const document = journey(
    [
      ['t', 'trigger', onActivation],
      [
        'spend',
        'waitForEvent',
        { event: 'card_transaction', where: { event: 'amount', op: 'gte', value: 99 }, within: 'P7D' },
      ],
      ['thanks', 'message', { channel: 'push', template: { title: 'Thanks', body: 'You spent {{event.amount}}' } }],
      ['nudge', 'message', { channel: 'sms', template: { body: 'Try your card, {{profile.name}}' } }],
      ['x', 'exit', {}],
    ],
    [
      ['t', 'next', 'spend'],
      ['spend', 'matched', 'thanks'],
      ['spend', 'timeout', 'nudge'],
      ['thanks', 'sent', 'x'],
      ['nudge', 'sent', 'x'],
    ],
  );

  it('takes the matched path on a matching event, with the event in the message', () => {
    const simulation = sendEvent(advanceTime(start(document), HOUR), 'card_transaction', { amount: 120 });
    expect(simulation.timeline.at(-1)).toMatchObject({
      at: START + HOUR,
      cause: { kind: 'event', event: 'card_transaction' },
      entered: ['thanks', 'x'],
      messages: [{ nodeId: 'thanks', channel: 'push', title: 'Thanks', body: 'You spent 120' }],
    });
    expect(simulation.status).toBe('completed');
  });

  it('ignores an event that does not match the rule', () => {
    const simulation = sendEvent(start(document), 'card_transaction', { amount: 20 });
    expect(simulation.currentNodeId).toBe('spend');
    expect(simulation.timeline.at(-1)?.entered).toEqual([]);
  });

  it('times out after the limit and takes the timeout path', () => {
    const simulation = advanceTime(start(document), 8 * DAY);
    expect(simulation.timeline.at(-1)).toMatchObject({
      at: START + 7 * DAY,
      cause: { kind: 'timer', nodeId: 'spend' },
      entered: ['nudge', 'x'],
      messages: [{ body: 'Try your card, Alex' }],
    });
    expect(simulation.now).toBe(START + 8 * DAY);
  });

  it('suggests the events the draft listens to, with the properties its rules read', () => {
    expect(listenedEvents(document)).toEqual([
      { event: 'card_activated', properties: [] },
      { event: 'card_transaction', properties: ['amount'] },
    ]);
  });
});

describe('outcomes chosen by the operator', () => {
  const document = journey(
    [
      ['t', 'trigger', onActivation],
      ['coupon', 'benefit', { poolId: 'welcome', quantity: 6 }],
      ['tag', 'updateProfile', { set: { couponed: true }, addTags: ['welcomed'], removeTags: ['payroll'] }],
      ['sorry', 'message', { channel: 'sms', template: { body: 'Sorry {{profile.name}}, all gone' } }],
      ['done', 'exit', {}],
      ['empty', 'exit', {}],
    ],
    [
      ['t', 'next', 'coupon'],
      ['coupon', 'granted', 'tag'],
      ['coupon', 'unavailable', 'sorry'],
      ['tag', 'next', 'done'],
      ['sorry', 'sent', 'empty'],
      ['sorry', 'failed', 'done'],
    ],
  );

  it('waits at a benefit until the operator picks what the pool answered', () => {
    const simulation = start(document);
    expect(simulation.currentNodeId).toBe('coupon');
    expect(simulation.pendingOutcome).toEqual({ nodeId: 'coupon', outcomes: ['granted', 'unavailable'] });
  });

  it('follows the unavailable path, then waits on a message whose failure is handled', () => {
    const unavailable = chooseOutcome(start(document), 'unavailable');
    expect(unavailable.timeline.at(-1)).toMatchObject({
      cause: { kind: 'outcome', nodeId: 'coupon', outcome: 'unavailable' },
      entered: ['sorry'],
      messages: [{ body: 'Sorry Alex, all gone' }],
    });
    expect(unavailable.pendingOutcome).toEqual({ nodeId: 'sorry', outcomes: ['sent', 'failed'] });
    const failed = chooseOutcome(unavailable, 'failed');
    expect(failed.currentNodeId).toBe('done');
    expect(failed.status).toBe('completed');
  });

  it('performs profile updates at once, as the runtime does', () => {
    const simulation = chooseOutcome(start(document), 'granted');
    expect(simulation.timeline.at(-1)?.entered).toEqual(['tag', 'done']);
    expect(simulation.customer.attributes).toEqual({ name: 'Alex', tier: 'gold', couponed: true });
    expect(simulation.customer.tags).toEqual(['welcomed']);
    expect(simulation.status).toBe('completed');
  });

  it('ignores an outcome nobody is waiting for', () => {
    const simulation = start(document);
    expect(chooseOutcome(simulation, 'sent')).toBe(simulation);
  });
});

describe('entering and leaving', () => {
  it('refuses an invalid draft with its problems', () => {
    const started = startSimulation(journey([['t', 'trigger', onActivation]], []), alex, { at: START });
    expect(started.ok).toBe(false);
    expect(!started.ok && started.reason).toBe('invalid');
  });

  it('does not enter when the trigger event does not match its rule', () => {
    const document = journey(
      [
        [
          't',
          'trigger',
          { kind: 'event', event: 'card_transaction', where: { event: 'amount', op: 'gt', value: 100 } },
        ],
        ['x', 'exit', {}],
      ],
      [['t', 'next', 'x']],
    );
    expect(startSimulation(document, alex, { at: START, properties: { amount: 50 } })).toEqual({
      ok: false,
      reason: 'triggerNotMatched',
    });
    expect(startSimulation(document, alex, { at: START, properties: { amount: 150 } }).ok).toBe(true);
  });

  it('counts towards a node that needs several events, and converts on the goal', () => {
    const document = journey(
      [
        ['t', 'trigger', onActivation],
        ['habit', 'waitForEvent', { event: 'card_transaction', count: 3, within: 'P30D' }],
        ['x', 'exit', {}],
      ],
      [
        ['t', 'next', 'habit'],
        ['habit', 'matched', 'x'],
        ['habit', 'timeout', 'x'],
      ],
      { goal: { event: 'app_login', exitOnGoal: true } },
    );
    const twice = sendEvent(sendEvent(start(document), 'card_transaction'), 'card_transaction');
    expect(twice.timeline.at(-1)?.counted).toEqual({ nodeId: 'habit', count: 2, of: 3 });
    const converted = sendEvent(twice, 'app_login');
    expect(converted.timeline.at(-1)?.converted).toBe(true);
    expect(converted.status).toBe('goal');
    expect(converted.currentNodeId).toBe('habit');
    expect(sendEvent(converted, 'card_transaction')).toBe(converted);
  });
});
