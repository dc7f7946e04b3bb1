import { type BenefitPool, buildJourney } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers';
import { advance, call, publish, sendEvents } from '../ops/harness';

const welcomeCoupons = { id: 'welcome-coupons', name: 'Welcome coupons', budget: 3 };

/** Every new cardholder gets a coupon from the welcome pool. */
const welcome = buildJourney(
  'card-welcome',
  [
    ['activated', 'trigger', { kind: 'event', event: 'card_activated' }],
    ['coupon', 'benefit', { poolId: 'welcome-coupons' }],
    ['end', 'exit', {}],
  ],
  [
    ['activated', 'next', 'coupon'],
    ['coupon', 'granted', 'end'],
    ['coupon', 'unavailable', 'end'],
  ],
);

const putPool = (app: FastifyInstance, id: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/v1/benefit-pools/${id}`, payload });

/** A pool of budget 3 that has granted 2 coupons. */
async function poolWithTwoGrants(): Promise<FastifyInstance> {
  const { app } = await buildTestApp();
  await call(app, { method: 'POST', url: '/v1/benefit-pools', payload: welcomeCoupons }, 201);
  await publish(app, welcome);
  await sendEvents(
    app,
    ['c1', 'c2'].map((customerId) => ({ eventId: `activated-${customerId}`, customerId, type: 'card_activated' })),
  );
  await advance(app, 'PT1M');
  return app;
}

const pools = async (app: FastifyInstance) =>
  (await call<{ pools: BenefitPool[] }>(app, { url: '/v1/benefit-pools' })).pools;

describe('benefit pools', () => {
  it('changes name, budget and per-customer limit, keeping what was granted, and audits it', async () => {
    const app = await poolWithTwoGrants();
    expect((await pools(app))[0]).toMatchObject({ budget: 3, granted: 2, remaining: 1 });

    const changed = await putPool(app, 'welcome-coupons', {
      name: 'Welcome coupons (Q2)',
      budget: 10,
      perCustomerLimit: 1,
      perCustomerPeriod: 'month',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const expected = {
      id: 'welcome-coupons',
      name: 'Welcome coupons (Q2)',
      budget: 10,
      granted: 2,
      remaining: 8,
      perCustomerLimit: 1,
      perCustomerPeriod: 'month',
    };
    expect(changed.json()).toEqual(expected);
    expect(await pools(app)).toEqual([expected]);

    // Down to exactly what was granted is allowed: the pool is then spent.
    const spent = await putPool(app, 'welcome-coupons', { name: 'Welcome coupons (Q2)', budget: 2 });
    expect(spent.json()).toMatchObject({ remaining: 0, perCustomerLimit: null, perCustomerPeriod: null });

    const audit = await call<{ entries: Array<{ action: string; detail: object }> }>(app, { url: '/v1/audit' });
    expect(
      audit.entries.filter((entry) => entry.action.startsWith('benefitPool.')).map((e) => [e.action, e.detail]),
    ).toEqual([
      ['benefitPool.updated', { poolId: 'welcome-coupons', budget: { from: 10, to: 2 } }],
      ['benefitPool.updated', { poolId: 'welcome-coupons', budget: { from: 3, to: 10 } }],
      ['benefitPool.created', { poolId: 'welcome-coupons', budget: 3 }],
    ]);
  });

  it('refuses with 409 to lower the budget below what is granted, and changes nothing', async () => {
    const app = await poolWithTwoGrants();
    const refused = await putPool(app, 'welcome-coupons', { name: 'Renamed', budget: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      'Benefit pool welcome-coupons has already granted 2 units; its budget cannot go below 2',
    );
    expect((await pools(app))[0]).toMatchObject({ name: 'Welcome coupons', budget: 3, granted: 2 });
  });

  it('answers 404 for an unknown pool and 400 naming the field for a limit without its period', async () => {
    const { app } = await buildTestApp();
    expect((await putPool(app, 'nope', { name: 'Nope', budget: 1 })).statusCode).toBe(404);
    await call(app, { method: 'POST', url: '/v1/benefit-pools', payload: welcomeCoupons }, 201);
    const invalid = await putPool(app, 'welcome-coupons', { name: 'Welcome', budget: 5, perCustomerLimit: 2 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().issues).toEqual([
      { path: 'body.perCustomerPeriod', message: 'perCustomerLimit and perCustomerPeriod go together' },
    ]);
    const negative = await putPool(app, 'welcome-coupons', { name: 'Welcome', budget: -1 });
    expect(negative.json().issues?.[0]?.path).toBe('body.budget');
  });

  it('audits a change of unit costs', async () => {
    const { app } = await buildTestApp();
    await call(app, { method: 'PUT', url: '/v1/costs', payload: { channels: { sms: 0.05 } } });
    const audit = await call<{ entries: Array<{ action: string; detail: object }> }>(app, { url: '/v1/audit' });
    expect(audit.entries.map((entry) => [entry.action, entry.detail])).toEqual([
      ['costs.changed', { channels: { sms: 0.05 }, benefitPools: {} }],
    ]);
  });
});
