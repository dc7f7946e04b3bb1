import { describe, expect, it } from 'vitest';
import { JourneyDriver } from '../../test/driver';
import { DAY, journey, MONDAY_10AM_SHANGHAI } from '../../test/journeys';
import { compileJourney, eventListeners } from './compile';
import { createJourneyMachine } from './machine';
import { persistSnapshot, restoreSnapshot, stepJourney } from './step';

const sms = { channel: 'sms', template: { body: 'Hi {{profile.name}}' } };
const onLogin = { kind: 'event', event: 'app_login' };

describe('compileJourney', () => {
  it('refuses an invalid document with the validator problems instead of throwing', () => {
    const result = compileJourney(journey([['w', 'wait', { duration: 'P2X' }]], []));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.code)).toContain('no_trigger');
  });

  it('produces a plain-JSON machine config with named actions, guards and delays', () => {
    const result = compileJourney(
      journey(
        [
          ['t', 'trigger', onLogin],
          ['w', 'wait', { duration: 'P2D' }],
          ['x', 'exit', {}],
        ],
        [
          ['t', 'next', 'w'],
          ['w', 'next', 'x'],
        ],
      ),
    );
    if (!result.ok) throw new Error('expected a valid journey');
    const { config, delays } = result.compiled;
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(delays).toEqual({ 'wait.w': { kind: 'duration', duration: 'P2D' } });
    const flow = config.states?.active?.states?.flow;
    expect(flow?.initial).toBe('t');
    expect(flow?.states?.w?.after?.['wait.w']?.[0]).toMatchObject({ target: 'x', actions: [{ type: 'traverse' }] });
    expect(flow?.states?.w?.entry).toEqual([{ type: 'enterNode', params: { nodeId: 'w', nodeType: 'wait' } }]);
  });

  it("refuses a message whose creative's text was not filled in, and sends the text it was filled in with", () => {
    const withCreative = (config: Record<string, unknown>) =>
      journey(
        [
          ['t', 'trigger', onLogin],
          ['m', 'message', config],
          ['x', 'exit', {}],
        ],
        [
          ['t', 'next', 'm'],
          ['m', 'sent', 'x'],
        ],
      );
    const unresolved = compileJourney(withCreative({ channel: 'sms', creativeId: 'renewal-offer' }));
    expect(unresolved.ok).toBe(false);
    if (!unresolved.ok) {
      expect(unresolved.problems).toMatchObject([
        { code: 'unknown_creative', nodeId: 'm', path: 'nodes.1.config.creativeId', severity: 'error' },
      ]);
    }
    const resolved = compileJourney(
      withCreative({ channel: 'sms', creativeId: 'renewal-offer', template: { body: 'Renew now' } }),
    );
    if (!resolved.ok) throw new Error('expected a resolved journey to compile');
    expect(resolved.compiled.config.states?.active?.states?.flow?.states?.m?.entry).toContainEqual({
      type: 'sendMessage',
      params: { nodeId: 'm', channel: 'sms', body: 'Renew now', awaitResult: false },
    });
  });
});

it('tells which events can move an instance at each node', () => {
  const result = compileJourney(
    journey(
      [
        ['t', 'trigger', onLogin],
        ['w', 'waitForEvent', { event: 'card_transaction', within: 'P7D' }],
        ['m', 'message', sms],
        ['x', 'exit', {}],
      ],
      [
        ['t', 'next', 'w'],
        ['w', 'matched', 'm'],
        ['w', 'timeout', 'x'],
        ['m', 'sent', 'x'],
      ],
      { exitWhen: { event: 'account_closed' } },
    ),
  );
  if (!result.ok) throw new Error('expected a valid journey');
  const listens = eventListeners(result.compiled);
  expect(listens('w', 'card_transaction')).toBe(true);
  expect(listens('m', 'card_transaction')).toBe(false);
  expect(listens('m', 'account_closed')).toBe(true);
  expect(listens('w', 'app_login')).toBe(false);
});

describe('node types', () => {
  it('trigger → message → exit completes at once and asks for one message', () => {
    const driver = new JourneyDriver(
      journey(
        [
          ['t', 'trigger', onLogin],
          ['m', 'message', sms],
          ['x', 'exit', { reason: 'done' }],
        ],
        [
          ['t', 'next', 'm'],
          ['m', 'sent', 'x'],
        ],
      ),
    );
    expect(driver.path).toEqual(['t', 'm', 'x']);
    expect(driver.done).toBe(true);
    expect(driver.node).toBe('$completed');
    expect(driver.actionsOf('sendMessage')).toEqual([
      { type: 'sendMessage', params: { nodeId: 'm', channel: 'sms', body: 'Hi {{profile.name}}', awaitResult: false } },
    ]);
    expect(driver.actionsOf('traverse').map((action) => action.params.edgeId)).toEqual(['t-next', 'm-sent']);
    expect(driver.actionsOf('leave')).toEqual([{ type: 'leave', params: { reason: 'exitNode', nodeId: 'x' } }]);
  });

  it('wait with a duration sets a durable timer that moves the customer on when it fires', () => {
    const driver = new JourneyDriver(
      journey(
        [
          ['t', 'trigger', onLogin],
          ['w', 'wait', { duration: 'P2D' }],
          ['x', 'exit', {}],
        ],
        [
          ['t', 'next', 'w'],
          ['w', 'next', 'x'],
        ],
      ),
    );
    expect(driver.node).toBe('w');
    expect([...driver.timers.values()].map((timer) => timer.delay)).toEqual([2 * DAY]);
    driver.advanceTo(driver.now + 2 * DAY - 1);
    expect(driver.node).toBe('w');
    driver.advanceTo(driver.now + 1);
    expect(driver.done).toBe(true);
  });

  it('wait until a time of day counts in the journey time zone and honours weekdays', () => {
    const driver = new JourneyDriver(
      journey(
        [
          ['t', 'trigger', onLogin],
          ['w', 'wait', { until: { time: '09:00', weekdays: [3] } }],
          ['x', 'exit', {}],
        ],
        [
          ['t', 'next', 'w'],
          ['w', 'next', 'x'],
        ],
      ),
      { at: MONDAY_10AM_SHANGHAI },
    );
    // Monday 10:00 → Wednesday 09:00 Shanghai = 2 days minus 1 hour.
    expect([...driver.timers.values()][0]?.delay).toBe(2 * DAY - 3_600_000);
  });

  describe('waitForEvent', () => {
    const document = (config: Record<string, unknown>) =>
      journey(
        [
          ['t', 'trigger', onLogin],
          ['w', 'waitForEvent', config],
          ['yes', 'exit', {}],
          ['no', 'exit', {}],
        ],
        [
          ['t', 'next', 'w'],
          ['w', 'matched', 'yes'],
          ['w', 'timeout', 'no'],
        ],
      );

    it('takes matched when a matching event arrives in time and cancels the timeout', () => {
      const driver = new JourneyDriver(
        document({ event: 'card_transaction', where: { event: 'amount', op: 'gte', value: 99 }, within: 'P60D' }),
      );
      driver.send('card_transaction', { amount: 50 });
      expect(driver.node).toBe('w');
      driver.send('app_login', { amount: 500 });
      expect(driver.node).toBe('w');
      driver.send('card_transaction', { amount: 120 });
      expect(driver.path).toEqual(['t', 'w', 'yes']);
      expect(driver.timers.size).toBe(0);
    });

    it('takes timeout when the window passes without a match', () => {
      const driver = new JourneyDriver(document({ event: 'card_transaction', within: 'P7D' }));
      driver.advanceTo(driver.now + 7 * DAY);
      expect(driver.path).toEqual(['t', 'w', 'no']);
    });

    it('counts events within one natural week', () => {
      const driver = new JourneyDriver(
        document({ event: 'card_transaction', count: 3, within: 'P30D', window: 'naturalWeek' }),
        { at: MONDAY_10AM_SHANGHAI },
      );
      driver.send('card_transaction', {}, MONDAY_10AM_SHANGHAI + DAY);
      driver.send('card_transaction', {}, MONDAY_10AM_SHANGHAI + 2 * DAY);
      // The next Monday starts a new week: the count starts again.
      driver.send('card_transaction', {}, MONDAY_10AM_SHANGHAI + 7 * DAY);
      driver.send('card_transaction', {}, MONDAY_10AM_SHANGHAI + 8 * DAY);
      expect(driver.node).toBe('w');
      driver.send('card_transaction', {}, MONDAY_10AM_SHANGHAI + 9 * DAY);
      expect(driver.node).toBe('$completed');
      expect(driver.path).toEqual(['t', 'w', 'yes']);
    });
  });

  it('condition sends the customer down the first matching branch, else the else branch', () => {
    const document = journey(
      [
        ['t', 'trigger', onLogin],
        [
          'c',
          'condition',
          {
            branches: [
              { id: 'vip', when: { hasTag: 'vip' } },
              { id: 'adult', when: { attr: 'age', op: 'gte', value: 18 } },
            ],
          },
        ],
        ['a', 'exit', {}],
        ['b', 'exit', {}],
        ['e', 'exit', {}],
      ],
      [
        ['t', 'next', 'c'],
        ['c', 'vip', 'a'],
        ['c', 'adult', 'b'],
        ['c', 'else', 'e'],
      ],
    );
    expect(new JourneyDriver(document, { profile: { age: 40 }, tags: ['vip'] }).path).toEqual(['t', 'c', 'a']);
    expect(new JourneyDriver(document, { profile: { age: 40 } }).path).toEqual(['t', 'c', 'b']);
    expect(new JourneyDriver(document, { profile: { age: 12 } }).path).toEqual(['t', 'c', 'e']);
  });

  it('split assigns each customer to one variant, the same one every time', () => {
    const document = journey(
      [
        ['t', 'trigger', onLogin],
        [
          's',
          'split',
          {
            variants: [
              { id: 'A', weight: 50 },
              { id: 'B', weight: 50 },
            ],
          },
        ],
        ['a', 'exit', {}],
        ['b', 'exit', {}],
      ],
      [
        ['t', 'next', 's'],
        ['s', 'A', 'a'],
        ['s', 'B', 'b'],
      ],
    );
    const pathsOf = (customerId: string) => new JourneyDriver(document, { customerId }).path.join('>');
    const variants = new Set<string>();
    for (let index = 0; index < 40; index++) {
      const first = pathsOf(`customer-${index}`);
      expect(pathsOf(`customer-${index}`)).toBe(first);
      variants.add(first);
    }
    expect(variants).toEqual(new Set(['t>s>a', 't>s>b']));
  });

  describe('side effects reported back by the runtime', () => {
    it('message with a failed edge waits for the dispatch result', () => {
      const document = journey(
        [
          ['t', 'trigger', onLogin],
          ['m', 'message', sms],
          ['ok', 'exit', {}],
          ['ko', 'exit', {}],
        ],
        [
          ['t', 'next', 'm'],
          ['m', 'sent', 'ok'],
          ['m', 'failed', 'ko'],
        ],
      );
      const driver = new JourneyDriver(document);
      expect(driver.node).toBe('m');
      expect(driver.actionsOf('sendMessage')[0]?.params.awaitResult).toBe(true);
      driver.effect('other-node', 'failed');
      expect(driver.node).toBe('m');
      driver.effect('m', 'failed');
      expect(driver.path).toEqual(['t', 'm', 'ko']);
    });

    it('benefit takes granted or unavailable as the runtime reports', () => {
      const document = journey(
        [
          ['t', 'trigger', onLogin],
          ['b', 'benefit', { poolId: 'coupons', quantity: 2 }],
          ['yes', 'exit', {}],
          ['no', 'exit', {}],
        ],
        [
          ['t', 'next', 'b'],
          ['b', 'granted', 'yes'],
          ['b', 'unavailable', 'no'],
        ],
      );
      const granted = new JourneyDriver(document);
      expect(granted.actionsOf('grantBenefit')).toEqual([
        { type: 'grantBenefit', params: { nodeId: 'b', poolId: 'coupons', quantity: 2 } },
      ]);
      expect(granted.effect('b', 'granted').path).toEqual(['t', 'b', 'yes']);
      expect(new JourneyDriver(document).effect('b', 'unavailable').path).toEqual(['t', 'b', 'no']);
    });

    it('a condition after updateProfile sees the profile the runtime updated', () => {
      const document = journey(
        [
          ['t', 'trigger', onLogin],
          ['u', 'updateProfile', { addTags: ['contacted'] }],
          ['c', 'condition', { branches: [{ id: 'tagged', when: { hasTag: 'contacted' } }] }],
          ['yes', 'exit', {}],
          ['no', 'exit', {}],
        ],
        [
          ['t', 'next', 'u'],
          ['u', 'next', 'c'],
          ['c', 'tagged', 'yes'],
          ['c', 'else', 'no'],
        ],
      );
      const driver = new JourneyDriver(document);
      expect(driver.actionsOf('updateProfile')[0]?.params).toEqual({
        nodeId: 'u',
        set: {},
        addTags: ['contacted'],
        removeTags: [],
      });
      driver.tags = ['contacted'];
      expect(driver.effect('u', 'next').path).toEqual(['t', 'u', 'c', 'yes']);
    });
  });
});

describe('journey settings', () => {
  const waiting = (settings: Parameters<typeof journey>[2]) =>
    journey(
      [
        ['t', 'trigger', onLogin],
        ['w', 'waitForEvent', { event: 'product_purchased', within: 'P30D' }],
        ['yes', 'exit', {}],
        ['no', 'exit', {}],
      ],
      [
        ['t', 'next', 'w'],
        ['w', 'matched', 'yes'],
        ['w', 'timeout', 'no'],
      ],
      settings,
    );

  it('a goal with exitOnGoal ends the journey from any node, within its window', () => {
    const document = waiting({ goal: { event: 'deposit', within: 'P14D', exitOnGoal: true } });
    const late = new JourneyDriver(document);
    late.send('deposit', {}, late.now + 15 * DAY);
    expect(late.node).toBe('w');
    const inTime = new JourneyDriver(document);
    inTime.send('deposit', {}, inTime.now + DAY);
    expect(inTime.node).toBe('$goal');
    expect(inTime.actionsOf('convert')).toHaveLength(1);
    expect(inTime.timers.size).toBe(0);
  });

  it('a goal without exitOnGoal counts one conversion and lets the customer go on', () => {
    const driver = new JourneyDriver(waiting({ goal: { event: 'product_purchased', exitOnGoal: false } }));
    driver.send('product_purchased').send('product_purchased');
    expect(driver.actionsOf('convert')).toHaveLength(1);
    expect(driver.path).toEqual(['t', 'w', 'yes']);
  });

  it('a goal on the event a node waits for wins over the node when it ends the journey', () => {
    const driver = new JourneyDriver(waiting({ goal: { event: 'product_purchased', exitOnGoal: true } }));
    driver.send('product_purchased');
    expect(driver.node).toBe('$goal');
    expect(driver.path).toEqual(['t', 'w']);
  });

  it('exitWhen removes the customer whatever node they are in, when its condition holds', () => {
    const driver = new JourneyDriver(
      waiting({ exitWhen: { event: 'account_closed', where: { event: 'reason', op: 'neq', value: 'test' } } }),
    );
    driver.send('account_closed', { reason: 'test' });
    expect(driver.node).toBe('w');
    driver.send('account_closed', { reason: 'moved abroad' });
    expect(driver.node).toBe('$exited');
    expect(driver.actionsOf('leave')).toEqual([{ type: 'leave', params: { reason: 'exitWhen' } }]);
  });
});

it('moving a customer to a node enters it afresh: old timers cancelled, its own timers set', () => {
  const driver = new JourneyDriver(
    journey(
      [
        ['t', 'trigger', onLogin],
        ['w1', 'wait', { duration: 'P1D' }],
        ['m', 'message', sms],
        ['w2', 'wait', { duration: 'P3D' }],
        ['x', 'exit', {}],
      ],
      [
        ['t', 'next', 'w1'],
        ['w1', 'next', 'm'],
        ['m', 'sent', 'w2'],
        ['w2', 'next', 'x'],
      ],
    ),
  );
  driver.move('w2');
  expect(driver.node).toBe('w2');
  expect([...driver.timers.values()].map((timer) => timer.delay)).toEqual([3 * DAY]);
  expect(driver.actionsOf('sendMessage')).toEqual([]);
  driver.advanceTo(driver.now + 3 * DAY);
  expect(driver.done).toBe(true);
});

it('a persisted snapshot restores to the same state and continues', () => {
  const document = journey(
    [
      ['t', 'trigger', onLogin],
      ['w', 'waitForEvent', { event: 'card_transaction', count: 2, within: 'P7D' }],
      ['yes', 'exit', {}],
      ['no', 'exit', {}],
    ],
    [
      ['t', 'next', 'w'],
      ['w', 'matched', 'yes'],
      ['w', 'timeout', 'no'],
    ],
  );
  const driver = new JourneyDriver(document).send('card_transaction');
  const stored = JSON.parse(JSON.stringify(persistSnapshot(driver.snapshot)));
  const compiled = compileJourney(document);
  if (!compiled.ok) throw new Error('expected a valid journey');
  const machine = createJourneyMachine(compiled.compiled);
  const restored = restoreSnapshot(machine, stored);
  const next = stepJourney(machine, restored, { type: 'card_transaction', at: driver.now, profile: {}, tags: [] });
  expect(next.snapshot.status).toBe('done');
  expect(next.actions.filter((action) => action.type === 'enterNode').map((action) => action.params.nodeId)).toEqual([
    'yes',
  ]);
});
