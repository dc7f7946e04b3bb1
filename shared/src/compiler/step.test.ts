import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { DAY, journey } from '../../test/journeys';
import { compileJourney } from './compile';
import { createJourneyMachine } from './machine';
import { startJourney, stepJourney } from './step';
import type { JourneyEvent } from './types';

const document = journey(
  [
    ['t', 'trigger', { kind: 'event', event: 'card_activated' }],
    ['w', 'waitForEvent', { event: 'card_transaction', count: 2, within: 'P30D', window: 'naturalWeek' }],
    ['b', 'benefit', { poolId: 'coupons' }],
    ['m', 'message', { channel: 'push', template: { body: 'Coupon for {{profile.name}}' } }],
    ['x', 'exit', {}],
    ['late', 'exit', {}],
  ],
  [
    ['t', 'next', 'w'],
    ['w', 'matched', 'b'],
    ['w', 'timeout', 'late'],
    ['b', 'granted', 'm'],
    ['b', 'unavailable', 'x'],
    ['m', 'sent', 'x'],
  ],
  { goal: { event: 'card_transaction', where: { event: 'amount', op: 'gte', value: 1000 }, exitOnGoal: false } },
);

/** What XState's own `transition()` reports, reduced to what the runtime reads. */
function viaXState(actions: ReadonlyArray<{ type: string; params?: unknown }>) {
  return actions
    .filter(
      (action) => !['xstate.assign'].includes(action.type) && (action.type.startsWith('xstate.') || action.params),
    )
    .map((action) => ({ type: action.type, params: action.params }));
}

function viaStep(result: ReturnType<typeof stepJourney>) {
  return { timers: result.timers, cancelled: result.cancelledTimers, actions: result.actions };
}

describe('stepJourney', () => {
  it('gives the same snapshots and actions as XState transition(), step after step', () => {
    const compiled = compileJourney(document);
    if (!compiled.ok) throw new Error('expected a valid journey');
    const machine = createJourneyMachine(compiled.compiled);
    const scope = { profile: { name: 'Li' }, tags: [] as string[] };
    const input = { customerId: 'c1', journeyId: 'j1', at: 0, ...scope };

    const [initial, initialActions] = initialTransition(machine, input);
    const started = startJourney(machine, input);
    expect(started.snapshot.value).toEqual(initial.value);
    expect(started.snapshot.context).toEqual(initial.context);
    expect(viaXState(initialActions).length).toBeGreaterThan(0);

    const events: JourneyEvent[] = [
      { type: 'card_transaction', at: DAY, properties: { amount: 20 }, ...scope },
      { type: 'push_opened', at: DAY, ...scope },
      { type: 'card_transaction', at: 2 * DAY, properties: { amount: 1500 }, ...scope },
      { type: 'journey.effect', nodeId: 'b', outcome: 'granted', at: 2 * DAY, ...scope },
    ];
    let expected = initial;
    let actual = started.snapshot;
    for (const event of events) {
      const [next, actions] = transition(machine, expected, event);
      const stepped = stepJourney(machine, actual, event);
      expect(stepped.snapshot.value).toEqual(next.value);
      expect(stepped.snapshot.context).toEqual(next.context);
      expect(stepped.snapshot.status).toEqual(next.status);
      const raised = viaXState(actions);
      expect(viaStep(stepped)).toEqual({
        timers: raised
          .filter((action) => action.type === 'xstate.raise')
          .flatMap((action) => {
            const params = action.params as { id: string; delay?: number; event: { type: string } };
            return typeof params.delay === 'number'
              ? [{ id: params.id, delay: params.delay, eventType: params.event.type }]
              : [];
          }),
        cancelled: raised
          .filter((action) => action.type === 'xstate.cancel')
          .map((action) => (action.params as { sendId: string }).sendId),
        actions: raised.filter((action) => !action.type.startsWith('xstate.')),
      });
      expected = next;
      actual = stepped.snapshot;
    }
    expect(actual.status).toBe('done');
  });
});
