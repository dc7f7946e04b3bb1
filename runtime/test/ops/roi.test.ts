import { buildJourney, type CampaignReport, type RoiReportDto } from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers';
import { advance, call, publish, sendEvents } from './harness';

/**
 * A 50/50 offer test: "lean" sends one SMS; "rich" adds a coupon and a call-center call. Rich converts more
 * customers but costs far more per conversion, and its ROI is lower.
 */
const depositOffer = {
  ...buildJourney(
    'deposit-offer',
    [
      ['eligible', 'trigger', { kind: 'event', event: 'offer_eligible' }],
      [
        'split',
        'split',
        {
          variants: [
            { id: 'lean', weight: 50, control: true },
            { id: 'rich', weight: 50 },
          ],
        },
      ],
      ['leanSms', 'message', { channel: 'sms', template: { body: 'A 1-year deposit at 2.1%' } }],
      ['coupon', 'benefit', { poolId: 'coupon' }],
      ['richSms', 'message', { channel: 'sms', template: { body: 'A 1-year deposit at 2.1%, with a gift' } }],
      ['call', 'message', { channel: 'callCenter', template: { body: 'Walk them through the deposit' } }],
      ['await', 'waitForEvent', { event: 'deposit_opened', within: 'P7D' }],
      ['end', 'exit', {}],
    ],
    [
      ['eligible', 'next', 'split'],
      ['split', 'lean', 'leanSms'],
      ['split', 'rich', 'coupon'],
      ['leanSms', 'sent', 'await'],
      ['coupon', 'granted', 'richSms'],
      ['coupon', 'unavailable', 'richSms'],
      ['richSms', 'sent', 'call'],
      ['call', 'sent', 'await'],
      ['await', 'matched', 'end'],
      ['await', 'timeout', 'end'],
    ],
    { goal: { event: 'deposit_opened', exitOnGoal: true } },
  ),
  // Starts like a spreadsheet formula, and holds a comma and quotes: the CSV export must keep it inert text.
  name: '=Deposit offer, "Q1"',
};

/** By the split's hash: c1–c3 land in "rich", c6, c8 and c11 in "lean" (asserted below). */
const lean = ['c6', 'c8', 'c11'];
const rich = ['c1', 'c2', 'c3'];

describe('cost and ROI', () => {
  it('reports cost, conversions, revenue and ROI per version and split variant', async () => {
    const { app } = await buildTestApp();
    await call(
      app,
      { method: 'POST', url: '/v1/benefit-pools', payload: { id: 'coupon', name: 'Gift', budget: 100 } },
      201,
    );
    const costs = { channels: { sms: 0.5, callCenter: 4 }, benefitPools: { coupon: 10 } };
    expect(await call(app, { method: 'PUT', url: '/v1/costs', payload: costs })).toEqual(costs);
    await publish(app, depositOffer);
    await sendEvents(
      app,
      [...lean, ...rich].map((customerId) => ({
        eventId: `eligible-${customerId}`,
        customerId,
        type: 'offer_eligible',
      })),
    );
    await advance(app, 'PT1M');
    for (const [customerId, variant] of [...lean.map((id) => [id, 'lean']), ...rich.map((id) => [id, 'rich'])]) {
      const { instances } = await call<{ instances: Array<{ variants: Record<string, string> }> }>(app, {
        url: `/v1/customers/${customerId}/journeys`,
      });
      expect(instances[0]?.variants, customerId).toEqual({ split: variant });
    }
    await sendEvents(app, [
      { eventId: 'open-c6', customerId: 'c6', type: 'deposit_opened', properties: { amount: 99 } },
      { eventId: 'open-c1', customerId: 'c1', type: 'deposit_opened', properties: { amount: 60 } },
      { eventId: 'open-c2', customerId: 'c2', type: 'deposit_opened', properties: { amount: 27 } },
      { eventId: 'open-c3', customerId: 'c3', type: 'deposit_opened' }, // no amount: converts, earns nothing
    ]);

    // lean: 3 SMS × 0.5 = 1.5; 1 conversion earning 99 → 1.5 per conversion, ROI (99 − 1.5) / 1.5 = 65.
    // rich: 3 × (SMS 0.5 + call 4 + coupon 10) = 43.5; 3 conversions earning 87 → 14.5 each, ROI (87 − 43.5) / 43.5 = 1.
    const leanFigures = {
      instances: 3,
      messagesSent: 3,
      benefitsGranted: 0,
      cost: 1.5,
      conversions: 1,
      costPerConversion: 1.5,
      revenue: 99,
      roi: 65,
    };
    const richFigures = {
      instances: 3,
      messagesSent: 6,
      benefitsGranted: 3,
      cost: 43.5,
      conversions: 3,
      costPerConversion: 14.5,
      revenue: 87,
      roi: 1,
    };
    const total = {
      instances: 6,
      messagesSent: 9,
      benefitsGranted: 3,
      cost: 45,
      conversions: 4,
      costPerConversion: 11.25,
      revenue: 186,
      roi: (186 - 45) / 45,
    };
    const report = await call<RoiReportDto>(app, { url: '/v1/journeys/deposit-offer/roi' });
    expect(report).toEqual({
      journeyId: 'deposit-offer',
      version: null,
      total,
      versions: [{ version: 1, ...total }],
      splits: [
        {
          nodeId: 'split',
          variants: [
            { variant: 'lean', ...leanFigures },
            { variant: 'rich', ...richFigures },
          ],
        },
      ],
    });
    expect(await call<RoiReportDto>(app, { url: '/v1/journeys/deposit-offer/roi?version=1' })).toEqual({
      ...report,
      version: 1,
    });
    const unpublished = await call<RoiReportDto>(app, { url: '/v1/journeys/deposit-offer/roi?version=2' });
    expect(unpublished).toMatchObject({ total: { instances: 0, cost: 0, costPerConversion: null, roi: null } });
    await call(app, { url: '/v1/journeys/nope/roi' }, 404);

    const evaluation = await call<CampaignReport>(app, { url: '/v1/journeys/deposit-offer/report' });
    expect(evaluation.roi).toEqual({ total, versions: report.versions, splits: report.splits });
    // Three customers per arm are far too few for a verdict.
    expect(evaluation.experiments).toMatchObject([
      {
        nodeId: 'split',
        variants: [
          { id: 'lean', n: 3, conversions: 1, verdict: 'control' },
          { id: 'rich', n: 3, conversions: 3, verdict: 'inconclusive' },
        ],
      },
    ]);
    const csv = await app.inject({ url: '/v1/journeys/deposit-offer/report?format=csv' });
    expect(csv.body.split('\n')).toEqual(
      expect.arrayContaining([
        `journey,deposit-offer,name,"'=Deposit offer, ""Q1"""`,
        'roi,split/rich,costPerConversion,14.5',
        'roi,split/lean,roi,65',
        'experiment,split/rich,verdict,inconclusive',
      ]),
    );
  });

  it('refuses unit costs that are negative or name an unknown pool', async () => {
    const { app } = await buildTestApp();
    const negative = await call<{ issues: unknown[] }>(
      app,
      { method: 'PUT', url: '/v1/costs', payload: { channels: { sms: -1 } } },
      400,
    );
    expect(negative.issues).toMatchObject([{ path: 'body.channels.sms' }]);
    const unknown = await call<{ issues: unknown[] }>(
      app,
      { method: 'PUT', url: '/v1/costs', payload: { benefitPools: { nope: 1 } } },
      400,
    );
    expect(unknown.issues).toEqual([{ path: 'body.benefitPools.nope', message: 'no benefit pool "nope"' }]);
    await call(app, { method: 'PUT', url: '/v1/costs', payload: { channels: { fax: 1 } } }, 400);
    expect(await call(app, { url: '/v1/costs' })).toEqual({ channels: {}, benefitPools: {} });
  });
});
