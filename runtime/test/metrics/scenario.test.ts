import { buildJourney, type JourneyMetrics, type TimeSeries } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp, START } from '../helpers';
import { advanceClock, getJson, publish, sendEvents } from './journeys';

/**
 * A scripted scenario through the public API (known customers, events, clock moves), after which the
 * metrics endpoint must equal counts worked out independently from the instances, messages, benefit
 * grants and customer tags, never from the counters themselves.
 */

const scenario = (label: string) =>
  buildJourney(
    'welcome-offer',
    [
      ['t', 'trigger', { kind: 'event', event: 'signup' }],
      [
        's',
        'split',
        {
          variants: [
            { id: 'A', weight: 50, control: true },
            { id: 'B', weight: 50 },
          ],
        },
      ],
      ['m', 'message', { channel: 'sms', template: { body: `Welcome (${label})` } }],
      ['b', 'benefit', { poolId: 'coupons' }],
      ['tag', 'updateProfile', { addTags: ['no-coupon'] }],
      ['w', 'waitForEvent', { event: 'purchase', within: 'P3D' }],
      ['thanks', 'message', { channel: 'sms', template: { body: 'Thank you' } }],
      ['x1', 'exit', {}],
      ['x2', 'exit', {}],
    ],
    [
      ['t', 'next', 's'],
      ['s', 'A', 'm'],
      ['s', 'B', 'b'],
      ['m', 'sent', 'w'],
      ['b', 'granted', 'w'],
      ['b', 'unavailable', 'tag'],
      ['tag', 'next', 'w'],
      ['w', 'matched', 'thanks'],
      ['w', 'timeout', 'x2'],
      ['thanks', 'sent', 'x1'],
    ],
    {
      quietHours: { start: '21:00', end: '08:00' },
      frequencyCap: { count: 1, per: 'day', channel: 'sms' },
      goal: { event: 'purchase', exitOnGoal: false },
    },
  );

const COUPON_BUDGET = 3;

/** What the tables say, for one version or all: `deferred` is the one figure no table keeps (messages move on). */
function countFromTables(app: FastifyInstance, version: number | null, deferred: number) {
  const filter = version === null ? '' : ` AND version = ${version}`;
  const count = (sql: string) => (app.sqlite.prepare(sql).get() as { n: number | null }).n ?? 0;
  const instances = (where: string) =>
    count(`SELECT COUNT(*) AS n FROM instances WHERE journey_id = 'welcome-offer'${filter} AND ${where}`);
  const messages = (where: string) =>
    count(`SELECT COUNT(*) AS n FROM messages WHERE journey_id = 'welcome-offer'${filter} AND ${where}`);
  const grantsJoin = `FROM benefit_grants g JOIN instances i ON i.id = g.instance_id WHERE i.journey_id = 'welcome-offer'${filter.replace('version', 'i.version')}`;

  const entered = instances('1');
  const inVariant = (variant: string) => instances(`json_extract(variants, '$.s') = '${variant}'`);
  const converted = instances('converted_at IS NOT NULL');
  const totalTimeToConvert = count(
    `SELECT SUM(converted_at - entered_at) AS n FROM instances WHERE journey_id = 'welcome-offer'${filter}`,
  );
  const granted = count(`SELECT COUNT(*) AS n ${grantsJoin}`);
  const unavailable = instances(
    "customer_id IN (SELECT id FROM customers WHERE EXISTS (SELECT 1 FROM json_each(tags) WHERE value = 'no-coupon'))",
  );
  const waiting = instances("status = 'active' AND node = 'w'");
  const timedOut = instances("status = 'completed' AND converted_at IS NULL");
  const thanked = messages("node_id = 'thanks'");
  const welcomed = messages("node_id = 'm'");
  const passed = (n: number, handle: string) => ({ entered: n, active: 0, exited: n, handles: { [handle]: n } });
  const A = inVariant('A');
  const B = inVariant('B');
  return {
    entered,
    ended: { exitNode: instances("status = 'completed'"), goal: 0, exitWhen: 0 },
    nodes: {
      t: passed(entered, 'next'),
      s: { entered, active: 0, exited: entered, handles: { A, B } },
      m: passed(welcomed, 'sent'),
      b: { entered: B, active: 0, exited: B, handles: { granted, unavailable } },
      tag: passed(unavailable, 'next'),
      w: { entered, active: waiting, exited: converted + timedOut, handles: { matched: converted, timeout: timedOut } },
      thanks: passed(thanked, 'sent'),
      x1: { entered: thanked, active: 0, exited: thanked, handles: {} },
      x2: { entered: timedOut, active: 0, exited: timedOut, handles: {} },
    },
    edges: {
      't-next': entered,
      's-A': A,
      's-B': B,
      'm-sent': welcomed,
      'b-granted': granted,
      'b-unavailable': unavailable,
      'tag-next': unavailable,
      'w-matched': converted,
      'w-timeout': timedOut,
      'thanks-sent': thanked,
    },
    goal: {
      converted,
      totalTimeToConvertMs: totalTimeToConvert,
      meanTimeToConvertMs: converted === 0 ? null : Math.round(totalTimeToConvert / converted),
    },
    variants: {
      s: {
        A: { entered: A, converted: instances("json_extract(variants, '$.s') = 'A' AND converted_at IS NOT NULL") },
        B: { entered: B, converted: instances("json_extract(variants, '$.s') = 'B' AND converted_at IS NOT NULL") },
      },
    },
    channels: {
      sms: {
        queued: messages('1'),
        sent: messages("status = 'sent'"),
        failed: messages("status = 'failed'"),
        skipped: messages("status = 'skipped'"),
        deferred,
        dead: messages("status = 'dead'"),
      },
    },
    benefits: {
      coupons: {
        granted,
        unavailable,
        remaining: COUPON_BUDGET - count('SELECT SUM(quantity) AS n FROM benefit_grants'),
      },
    },
  };
}

async function metricsOf(app: FastifyInstance, version: number | null): Promise<JourneyMetrics> {
  return getJson<JourneyMetrics>(
    app,
    `/v1/journeys/welcome-offer/metrics${version === null ? '' : `?version=${version}`}`,
  );
}

const signups = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => {
    const customerId = `c${String(from + index).padStart(2, '0')}`;
    return { eventId: `signup-${customerId}`, customerId, type: 'signup' };
  });
const purchase = (customerId: string) => ({ eventId: `purchase-${customerId}`, customerId, type: 'purchase' });

describe('journey metrics after a scripted scenario', () => {
  it('equal the counts worked out from instances, messages, grants and tags, per version and summed', async () => {
    const { app } = await buildTestApp();
    const pool = await app.inject({
      method: 'POST',
      url: '/v1/benefit-pools',
      payload: { id: 'coupons', name: 'Coupons', budget: COUPON_BUDGET },
    });
    expect(pool.statusCode, pool.body).toBe(201);
    await publish(app, scenario('v1'));

    // 16:00 in Shanghai: twelve sign-ups; A gets an SMS, B a coupon while the three last.
    await sendEvents(app, signups(1, 12));
    await advanceClock(app, 'PT1M');
    // An hour later four buy: each converts and is thanked, unless an SMS already went out today (the cap skips it).
    await advanceClock(app, 'PT59M');
    await sendEvents(app, ['c01', 'c02', 'c03', 'c04'].map(purchase));
    await advanceClock(app, 'PT1M');

    // Version 2 takes the next customers, who sign up at 22:00: in quiet hours, so their SMS is deferred.
    await publish(app, scenario('v2'));
    await advanceClock(app, 'PT5H');
    await sendEvents(app, signups(13, 18));
    await advanceClock(app, 'PT1M');
    await sendEvents(app, [purchase('c05'), purchase('c14')]);
    await advanceClock(app, 'PT1M');

    const deferredAt22 = (
      app.sqlite.prepare("SELECT COUNT(*) AS n FROM messages WHERE status = 'deferred'").get() as { n: number }
    ).n;
    const deferredOf = (version: number) =>
      (
        app.sqlite
          .prepare(`SELECT COUNT(*) AS n FROM messages WHERE status = 'deferred' AND version = ${version}`)
          .get() as { n: number }
      ).n;
    const deferred = { 1: deferredOf(1), 2: deferredOf(2) };
    expect(deferredAt22).toBeGreaterThan(0);
    for (const version of [null, 1, 2] as const) {
      const expected = countFromTables(app, version, version === null ? deferredAt22 : deferred[version]);
      expect(await metricsOf(app, version), `version ${version}`).toEqual({
        journeyId: 'welcome-offer',
        version,
        ...expected,
      });
    }

    // Next morning the deferred messages go out; three days after signing up, the first customers time out.
    await advanceClock(app, 'P2DT12H');
    await advanceClock(app, 'PT6H');
    const final = await metricsOf(app, null);
    expect(final).toEqual({ journeyId: 'welcome-offer', version: null, ...countFromTables(app, null, deferredAt22) });
    expect(final.nodes.x2?.entered, 'some customers timed out').toBeGreaterThan(0);
    expect(final.channels.sms?.skipped, 'the frequency cap skipped someone').toBeGreaterThan(0);
    expect(final.benefits.coupons).toMatchObject({ granted: COUPON_BUDGET, remaining: 0 });
    expect(final.benefits.coupons?.unavailable).toBeGreaterThan(0);

    const series = await getJson<TimeSeries>(
      app,
      `/v1/journeys/welcome-offer/metrics/timeseries?from=${new Date(START).toISOString()}&to=${new Date(START + 4 * 86_400_000).toISOString()}&step=PT1H`,
    );
    expect(series.points).toHaveLength(96);
    const sum = (pick: (point: TimeSeries['points'][number]) => number) =>
      series.points.reduce((total, point) => total + pick(point), 0);
    expect(sum((point) => point.entered)).toBe(final.entered);
    expect(sum((point) => point.converted)).toBe(final.goal.converted);
    expect(sum((point) => point.messagesSent)).toBe(final.channels.sms?.sent);
    expect(sum((point) => point.nodesEntered.w ?? 0)).toBe(final.nodes.w?.entered);
    // The first hour holds the 16:00 sign-ups, the seventh the 22:00 ones.
    expect(series.points[0]).toMatchObject({ at: new Date(START).toISOString(), entered: 12 });
    expect(series.points[6]?.entered).toBe(6);
  });
});

describe('journey metrics across a version migration', () => {
  it('count migrated customers as leaving the old version and entering the new one at the mapped node', async () => {
    const { app } = await buildTestApp();
    const waiting = (duration: string) =>
      buildJourney(
        'patient',
        [
          ['t', 'trigger', { kind: 'event', event: 'signup' }],
          ['w', 'wait', { duration }],
          ['x', 'exit', {}],
        ],
        [
          ['t', 'next', 'w'],
          ['w', 'next', 'x'],
        ],
      );
    await publish(app, waiting('P2D'));
    await sendEvents(app, signups(1, 3));
    await app.inject({ method: 'PUT', url: '/v1/journeys/patient', payload: waiting('P5D') });
    const published = await app.inject({
      method: 'POST',
      url: '/v1/journeys/patient/publish',
      payload: { nodeMap: { w: 'w' } },
    });
    expect(published.json()).toMatchObject({ migrated: 3 });

    const v1 = await getJson<JourneyMetrics>(app, '/v1/journeys/patient/metrics?version=1');
    const v2 = await getJson<JourneyMetrics>(app, '/v1/journeys/patient/metrics?version=2');
    expect(v1.nodes.w).toEqual({ entered: 3, active: 0, exited: 3, handles: { next: 0 } });
    expect(v2.nodes.w).toEqual({ entered: 3, active: 3, exited: 0, handles: { next: 0 } });
    expect([v1.entered, v2.entered]).toEqual([3, 0]);
    const all = await getJson<JourneyMetrics>(app, '/v1/journeys/patient/metrics');
    expect(all.nodes.w).toEqual({ entered: 6, active: 3, exited: 3, handles: { next: 0 } });
  });
});
