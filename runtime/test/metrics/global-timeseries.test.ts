import { buildJourney, type GlobalTimeSeries, type TimeSeries } from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { buildTestApp, START } from '../helpers';
import { getJson, publish, sendEvents, signupSplit } from './journeys';

const MINUTE_MS = 60_000;
const range = `from=${new Date(START).toISOString()}&to=${new Date(START + 10 * MINUTE_MS).toISOString()}&step=PT5M`;

/** trigger on `deposit` → exit: a second journey, entered by other events than `signupSplit`'s. */
const depositJourney = buildJourney(
  'deposit',
  [
    ['t', 'trigger', { kind: 'event', event: 'deposit' }],
    ['x', 'exit', {}],
  ],
  [['t', 'next', 'x']],
);

/** `count` events of `type` by new customers, stamped `minutes` after START. */
const eventsAt = (type: string, minutes: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    eventId: `${type}-${minutes}-${index}`,
    customerId: `${type}-${minutes}-${index}`,
    type,
    timestamp: new Date(START + minutes * MINUTE_MS).toISOString(),
  }));

describe('GET /v1/metrics/timeseries', () => {
  it('sums every journey per step, without per-node entries', async () => {
    const { app } = await buildTestApp();
    await publish(app, signupSplit('offer'));
    await publish(app, depositJourney);
    // Minute 1: 2 signups and 1 deposit; minute 7: 1 signup and 3 deposits; a signup customer converts at minute 8.
    await sendEvents(app, [...eventsAt('signup', 1, 2), ...eventsAt('deposit', 1, 1)]);
    await sendEvents(app, [...eventsAt('signup', 7, 1), ...eventsAt('deposit', 7, 3)]);
    await sendEvents(app, [{ ...eventsAt('purchase', 8, 1)[0]!, customerId: 'signup-1-0' }]);

    const offer = await getJson<TimeSeries>(app, `/v1/journeys/offer/metrics/timeseries?${range}`);
    const deposit = await getJson<TimeSeries>(app, `/v1/journeys/deposit/metrics/timeseries?${range}`);
    const global = await getJson<GlobalTimeSeries>(app, `/v1/metrics/timeseries?${range}`);

    expect(global).toEqual({
      from: '2025-03-01T08:00:00.000Z',
      to: '2025-03-01T08:10:00.000Z',
      step: 'PT5M',
      points: [
        { at: '2025-03-01T08:00:00.000Z', entered: 3, converted: 0, messagesSent: 0 },
        { at: '2025-03-01T08:05:00.000Z', entered: 4, converted: 1, messagesSent: 0 },
      ],
    });
    const summed = offer.points.map(({ at, entered, converted, messagesSent }, index) => {
      const other = deposit.points[index]!;
      return {
        at,
        entered: entered + other.entered,
        converted: converted + other.converted,
        messagesSent: messagesSent + other.messagesSent,
      };
    });
    expect(global.points).toEqual(summed);
    expect(offer.points.map((point) => point.entered)).toEqual([2, 1]);
  });

  it('defaults to the last hour by the minute, like the per-journey series', async () => {
    const { app } = await buildTestApp();
    await publish(app, depositJourney);
    await sendEvents(app, [{ eventId: 'd', customerId: 'c', type: 'deposit' }]);
    const global = await getJson<GlobalTimeSeries>(app, '/v1/metrics/timeseries');
    expect(global.step).toBe('PT1M');
    expect(global.points).toHaveLength(60);
    expect(global.points.at(-1)).toMatchObject({ entered: 1 });
  });

  it('400s bad times, steps and ranges with the field at fault', async () => {
    const { app } = await buildTestApp();
    const cases: Array<[string, string]> = [
      ['/v1/metrics/timeseries?from=yesterday', 'querystring.from'],
      ['/v1/metrics/timeseries?to=soon', 'querystring.to'],
      ['/v1/metrics/timeseries?step=P1M', 'querystring.step'],
      ['/v1/metrics/timeseries?step=PT30S', 'querystring.step'],
      ['/v1/metrics/timeseries?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z', 'querystring.from'],
      ['/v1/metrics/timeseries?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z', 'querystring.step'],
    ];
    for (const [url, path] of cases) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().issues, url).toEqual([expect.objectContaining({ path })]);
    }
  });
});
