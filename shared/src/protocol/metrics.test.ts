import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJourneyDocument } from '../model';
import { type Counter, counterKey, parseCounterKey } from './counters';
import {
  addCounters,
  applyGlobalDelta,
  applyMetricsDelta,
  emptyJourneyMetrics,
  globalMetricsOf,
  journeyMetricsSchema,
} from './metrics';

const parsed = parseJourneyDocument({
  schemaVersion: 1,
  id: 'offer',
  name: 'Offer',
  settings: { reentry: 'never', timezone: 'Asia/Shanghai' },
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { kind: 'event', event: 'signup' } },
    {
      id: 's',
      type: 'split',
      position: { x: 1, y: 0 },
      config: {
        variants: [
          { id: 'A', weight: 50 },
          { id: 'B', weight: 50 },
        ],
      },
    },
    { id: 'm', type: 'message', position: { x: 2, y: 0 }, config: { channel: 'sms', template: { body: 'Hi' } } },
    { id: 'b', type: 'benefit', position: { x: 2, y: 1 }, config: { poolId: 'coupons' } },
    { id: 'x', type: 'exit', position: { x: 3, y: 0 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'next', target: 's' },
    { id: 'e2', source: 's', sourceHandle: 'A', target: 'm' },
    { id: 'e3', source: 's', sourceHandle: 'B', target: 'b' },
    { id: 'e4', source: 'm', sourceHandle: 'sent', target: 'x' },
    { id: 'e5', source: 'b', sourceHandle: 'granted', target: 'x' },
    { id: 'e6', source: 'b', sourceHandle: 'unavailable', target: 'x' },
  ],
});
if (!parsed.ok) throw new Error('test document does not parse');
const document = parsed.document;

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const counterArbitrary: fc.Arbitrary<Counter> = fc.oneof(
  fc.constant({ kind: 'journeyEntered' as const }),
  fc.constantFrom('exitNode', 'goal', 'exitWhen').map((reason) => ({ kind: 'journeyEnded' as const, reason })),
  fc.record({
    kind: fc.constant('node' as const),
    nodeId: id,
    measure: fc.constantFrom('entered', 'active', 'exited'),
  }),
  fc.record({ kind: fc.constant('handle' as const), nodeId: id, handle: id }),
  fc.record({ kind: fc.constant('edge' as const), edgeId: id }),
  fc.constant({ kind: 'converted' as const }),
  fc.constant({ kind: 'timeToConvert' as const }),
  fc.record({
    kind: fc.constant('variant' as const),
    splitId: id,
    variantId: id,
    measure: fc.constantFrom('entered', 'converted'),
  }),
  fc.record({
    kind: fc.constant('channel' as const),
    channel: fc.constantFrom('sms', 'push'),
    outcome: fc.constantFrom('queued', 'sent', 'failed', 'skipped', 'deferred', 'dead'),
  }),
  fc.record({ kind: fc.constant('benefit' as const), poolId: id, outcome: fc.constantFrom('granted', 'unavailable') }),
);

describe('counter keys', () => {
  it('parse back into the counter they were made from', () => {
    fc.assert(
      fc.property(counterArbitrary, (counter) => {
        expect(parseCounterKey(counterKey(counter))).toEqual(counter);
      }),
    );
  });

  it('keep the key format stored in existing databases', () => {
    expect(counterKey({ kind: 'node', nodeId: 'welcome', measure: 'entered' })).toBe('node:welcome:entered');
    expect(counterKey({ kind: 'handle', nodeId: 'split', handle: 'A' })).toBe('handle:split:A');
    expect(counterKey({ kind: 'channel', channel: 'sms', outcome: 'sent' })).toBe('channel:sms:sent');
    expect(counterKey({ kind: 'journeyEnded', reason: 'goal' })).toBe('journey:goal');
  });

  it('are skipped when unknown, so older clients survive newer counters', () => {
    expect(parseCounterKey('node:a:teleported')).toBeUndefined();
    expect(parseCounterKey('weather:sunny')).toBeUndefined();
    const metrics = emptyJourneyMetrics('offer', null, [document]);
    addCounters(metrics, [['weather:sunny', 3]]);
    expect(metrics).toEqual(emptyJourneyMetrics('offer', null, [document]));
  });
});

describe('journey metrics', () => {
  it('lay out every node, handle, edge, variant, channel and pool of the documents at zero', () => {
    const metrics = emptyJourneyMetrics('offer', 2, [document]);
    expect(journeyMetricsSchema.parse(metrics)).toEqual(metrics);
    expect(Object.keys(metrics.nodes)).toEqual(['t', 's', 'm', 'b', 'x']);
    expect(metrics.nodes.b).toEqual({ entered: 0, active: 0, exited: 0, handles: { granted: 0, unavailable: 0 } });
    expect(metrics.edges).toEqual({ e1: 0, e2: 0, e3: 0, e4: 0, e5: 0, e6: 0 });
    expect(metrics.variants).toEqual({ s: { A: { entered: 0, converted: 0 }, B: { entered: 0, converted: 0 } } });
    expect(Object.keys(metrics.channels)).toEqual(['sms']);
    expect(metrics.benefits).toEqual({ coupons: { granted: 0, unavailable: 0, remaining: 0 } });
  });

  it('fold counters in, with the mean time to convert', () => {
    const metrics = emptyJourneyMetrics('offer', null, [document]);
    addCounters(metrics, [
      ['journey:entered', 4],
      ['node:s:entered', 4],
      ['handle:s:A', 3],
      ['variant:s:A:converted', 2],
      ['goal:converted', 3],
      ['goal:timeToConvertMs', 3_000],
      ['channel:sms:deferred', 1],
      ['benefit:coupons:granted', 1],
    ]);
    expect(metrics).toMatchObject({
      entered: 4,
      nodes: { s: { entered: 4, handles: { A: 3, B: 0 } } },
      goal: { converted: 3, totalTimeToConvertMs: 3_000, meanTimeToConvertMs: 1_000 },
      variants: { s: { A: { entered: 0, converted: 2 } } },
      channels: { sms: { deferred: 1, sent: 0 } },
      benefits: { coupons: { granted: 1 } },
    });
  });

  it('move forward by a delta without touching the snapshot', () => {
    const snapshot = emptyJourneyMetrics('offer', null, [document]);
    const next = applyMetricsDelta(snapshot, {
      journeyId: 'offer',
      counters: { 'node:m:active': 2, 'node:m:entered': 2, 'goal:converted': 1, 'goal:timeToConvertMs': 500 },
      remaining: { coupons: 7 },
    });
    expect(next.nodes.m).toMatchObject({ entered: 2, active: 2 });
    expect(next.goal.meanTimeToConvertMs).toBe(500);
    expect(next.benefits.coupons?.remaining).toBe(7);
    expect(snapshot).toEqual(emptyJourneyMetrics('offer', null, [document]));
    const back = applyMetricsDelta(next, { journeyId: 'offer', counters: { 'node:m:active': -2 }, remaining: {} });
    expect(back.nodes.m?.active).toBe(0);
  });
});

describe('global metrics', () => {
  it('total the journeys and move forward by per-journey increments', () => {
    const one = { entered: 3, active: 1, converted: 1, messagesSent: 2, benefitsGranted: 0 };
    const snapshot = globalMetricsOf({ one });
    expect(snapshot.totals).toEqual(one);
    const next = applyGlobalDelta(snapshot, {
      journeys: { two: { entered: 5, active: 5, converted: 0, messagesSent: 0, benefitsGranted: 1 } },
    });
    expect(next.totals).toEqual({ entered: 8, active: 6, converted: 1, messagesSent: 2, benefitsGranted: 1 });
    expect(snapshot.journeys.two).toBeUndefined();
  });
});
