import { assignVariant, type ExperimentsReport, type JourneyMetrics } from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers';
import { getJson, publish, sendEvents, signupSplit } from './journeys';

const variants = [
  { id: 'A', weight: 50 },
  { id: 'B', weight: 50 },
];

/** The first `count` customer ids the split puts in `variant` (assignment is a pure hash, see split.ts). */
function customersIn(variant: string, count: number): string[] {
  const ids: string[] = [];
  for (let index = 0; ids.length < count; index++) {
    const id = `customer-${index}`;
    if (assignVariant('offer', 's', id, variants) === variant) ids.push(id);
  }
  return ids;
}

describe('GET /v1/journeys/:id/experiments', () => {
  it('reports a hand-computed two-proportion z-test', async () => {
    const { app } = await buildTestApp();
    await publish(app, signupSplit('offer', 100));
    const control = customersIn('A', 100);
    const treatment = customersIn('B', 100);
    const signup = (id: string) => ({ eventId: `signup-${id}`, customerId: id, type: 'signup' });
    const purchase = (id: string) => ({ eventId: `purchase-${id}`, customerId: id, type: 'purchase' });
    await sendEvents(app, [...control, ...treatment].map(signup));
    await sendEvents(app, [...control.slice(0, 20), ...treatment.slice(0, 35)].map(purchase));

    const report = await getJson<ExperimentsReport>(app, '/v1/journeys/offer/experiments');
    // control 20/100, treatment 35/100: pooled 0.275, SE₀ = √(0.275 · 0.725 · 0.02) = 0.063147, z = 0.15 / SE₀ = 2.3754,
    // p = 2 · (1 − Φ(2.3754)) = 0.01753; SE = √(0.2 · 0.8 / 100 + 0.35 · 0.65 / 100) = 0.062249,
    // 95% CI = 0.15 ± 1.959964 · SE = [0.0280, 0.2720]; mSPRT with τ = 0.02: 1/Λ = 0.81106 (see shared/src/stats).
    expect(report).toMatchObject({
      journeyId: 'offer',
      version: null,
      method: { confidenceLevel: 0.95, mixtureSd: 0.02 },
      splits: [
        {
          nodeId: 's',
          controlVariantId: 'A',
          plannedSamplePerVariant: 100,
          plannedSampleReached: true,
          variants: [
            {
              id: 'A',
              control: true,
              n: 100,
              conversions: 20,
              rate: 0.2,
              plannedSampleReached: true,
              comparison: null,
            },
            { id: 'B', control: false, n: 100, conversions: 35, rate: 0.35, plannedSampleReached: true },
          ],
        },
      ],
    });
    const comparison = report.splits[0]?.variants[1]?.comparison;
    expect(comparison?.absoluteLift).toBeCloseTo(0.15, 10);
    expect(comparison?.relativeLift).toBeCloseTo(0.75, 10);
    expect(comparison?.zScore).toBeCloseTo(2.3754, 4);
    expect(comparison?.pValue).toBeCloseTo(0.01753, 5);
    expect(comparison?.confidenceInterval.low).toBeCloseTo(0.028, 4);
    expect(comparison?.confidenceInterval.high).toBeCloseTo(0.272, 4);
    expect(comparison?.alwaysValidPValue).toBeCloseTo(0.81106, 5);
  });

  it('shows progress towards the planned sample and no comparison before both arms have customers', async () => {
    const { app } = await buildTestApp();
    await publish(app, signupSplit('offer', 3));
    const [first] = customersIn('A', 1);
    await sendEvents(app, [{ eventId: 'one', customerId: first!, type: 'signup' }]);
    const report = await getJson<ExperimentsReport>(app, '/v1/journeys/offer/experiments');
    expect(report.splits[0]).toMatchObject({
      plannedSampleReached: false,
      variants: [
        { id: 'A', n: 1, rate: 0, plannedSampleReached: false, comparison: null },
        { id: 'B', n: 0, rate: null, plannedSampleReached: false, comparison: null },
      ],
    });
  });
});

describe('metrics routes refuse bad input with the field at fault', () => {
  it('404s unknown journeys and versions', async () => {
    const { app } = await buildTestApp();
    for (const url of [
      '/v1/journeys/nowhere/metrics',
      '/v1/journeys/nowhere/experiments',
      '/v1/journeys/nowhere/metrics/timeseries',
    ]) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
    await publish(app, signupSplit('offer'));
    const missingVersion = await app.inject({ url: '/v1/journeys/offer/metrics?version=7' });
    expect(missingVersion.statusCode).toBe(404);
    const metrics = await getJson<JourneyMetrics>(app, '/v1/journeys/offer/metrics?version=1');
    expect(metrics).toMatchObject({ journeyId: 'offer', version: 1, entered: 0 });
  });

  it('400s malformed versions, times, steps and ranges', async () => {
    const { app } = await buildTestApp();
    await publish(app, signupSplit('offer'));
    const cases: Array<[string, string]> = [
      ['/v1/journeys/offer/metrics?version=first', 'querystring.version'],
      ['/v1/journeys/offer/experiments?version=0', 'querystring.version'],
      ['/v1/journeys/offer/metrics/timeseries?from=yesterday', 'querystring.from'],
      ['/v1/journeys/offer/metrics/timeseries?step=P1M', 'querystring.step'],
      ['/v1/journeys/offer/metrics/timeseries?step=PT30S', 'querystring.step'],
      ['/v1/journeys/offer/metrics/timeseries?step=soon', 'querystring.step'],
      ['/v1/journeys/offer/metrics/timeseries?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z', 'querystring.from'],
      ['/v1/journeys/offer/metrics/timeseries?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z', 'querystring.step'],
    ];
    for (const [url, path] of cases) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().issues, url).toEqual([expect.objectContaining({ path })]);
    }
  });

  it('buckets the time series from `from`, an hour back from now by default', async () => {
    const { app } = await buildTestApp();
    await publish(app, signupSplit('offer'));
    await sendEvents(app, [{ eventId: 'e', customerId: 'c', type: 'signup' }]);
    const series = await getJson<{ step: string; points: Array<{ entered: number; nodesEntered: object }> }>(
      app,
      '/v1/journeys/offer/metrics/timeseries',
    );
    expect(series.step).toBe('PT1M');
    expect(series.points).toHaveLength(60);
    expect(series.points.at(-1)).toMatchObject({ entered: 1, nodesEntered: { t: 1, s: 1 } });
  });
});
