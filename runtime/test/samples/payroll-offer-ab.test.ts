import { describe, expect, it } from 'vitest';
import { deliveries, type Instance, pathOf, type SampleRun, startSample } from './harness';

const PAYROLL = Array.from({ length: 60 }, (_, index) => `payroll-${String(index + 1).padStart(2, '0')}`);
const SPLIT = ['payroll-customers', 'offer-split'];

/** The sample live on a "payroll" tag segment, with 60 payroll customers and one who is not. */
async function payroll(cashbackBudget: number): Promise<SampleRun> {
  const run = await startSample('payroll-offer-ab.json');
  await run.createPool({
    id: 'payroll-cashback',
    budget: cashbackBudget,
    perCustomerLimit: 1,
    perCustomerPeriod: 'ever',
  });
  for (const customerId of PAYROLL)
    await run.put(customerId, { attributes: { name: `客户${customerId}` }, tags: ['payroll'] });
  await run.put('walk-in', { attributes: { name: '散客' }, tags: ['card_holder'] });
  const segmentId = await run.createSegment('Payroll customers', { hasTag: 'payroll' });
  await run.publish({ segmentId });
  return run;
}

async function byVariant(run: SampleRun): Promise<Record<string, Array<[string, Instance]>>> {
  const groups: Record<string, Array<[string, Instance]>> = {};
  for (const customerId of PAYROLL) {
    const instance = await run.instance(customerId);
    const variant = instance.variants['offer-split'] ?? 'none';
    groups[variant] = [...(groups[variant] ?? []), [customerId, instance]];
  }
  return groups;
}

describe('sample: payroll customer offer A/B test', () => {
  it('enters payroll customers on publish and splits them: A an SMS offer, B cash-back while it lasts, control nothing', async () => {
    const run = await payroll(5);
    await run.advance('PT1H');
    expect(await run.instances('walk-in')).toEqual([]);
    const { A = [], B = [], control = [], ...other } = await byVariant(run);
    expect(other).toEqual({});
    expect(A.length).toBeGreaterThan(control.length);
    expect(B.length).toBeGreaterThan(control.length);
    expect(control.length).toBeGreaterThan(0);

    for (const [customerId, instance] of A) {
      expect(pathOf(instance)).toEqual([...SPLIT, 'wealth-offer-sms', 'wait-a']);
      const messages = await run.messages(customerId);
      expect(deliveries(messages)).toEqual([['wealth-offer-sms', 'sms', 'sent']]);
      expect(messages[0]?.body).toContain(`[Bank] 客户${customerId}, thank you for receiving your salary with us.`);
    }
    const granted = B.filter(([, instance]) => instance.node === 'wait-b');
    expect(granted).toHaveLength(5);
    for (const [customerId, instance] of granted) {
      expect(pathOf(instance)).toEqual([...SPLIT, 'grant-cashback', 'cashback-push', 'wait-b']);
      expect(deliveries(await run.messages(customerId))).toEqual([['cashback-push', 'push', 'sent']]);
    }
    for (const [customerId, instance] of B.filter(([, instance]) => instance.node !== 'wait-b')) {
      expect(pathOf(instance)).toEqual([...SPLIT, 'grant-cashback', 'exit-cashback-unavailable']);
      expect(await run.messages(customerId)).toEqual([]);
    }
    for (const [customerId, instance] of control) {
      expect(pathOf(instance)).toEqual([...SPLIT, 'wait-control']);
      expect(await run.messages(customerId)).toEqual([]);
    }
    expect(await run.grantedFrom('payroll-cashback')).toBe(5);
  });

  it('ends at the goal on a purchase within 14 days; the others leave when their 14 days are over', async () => {
    const run = await payroll(100);
    const { A = [], B = [], control = [] } = await byVariant(run);
    const [buyer, ...waiting] = [...A, ...B, ...control].map(([customerId]) => customerId);
    await run.advance('P13D');
    await run.send({ customerId: buyer!, type: 'product_purchased', properties: { amount: 50_000 } });
    expect(await run.instance(buyer!)).toMatchObject({ status: 'goal', node: '$goal' });

    await run.advance('P1D');
    const exits = { A: 'exit-a', B: 'exit-b', control: 'exit-control' };
    for (const customerId of waiting) {
      const instance = await run.instance(customerId);
      expect(instance).toMatchObject({ status: 'completed', convertedAt: null });
      const variant = instance.variants['offer-split'] as keyof typeof exits;
      expect(pathOf(instance).at(-1)).toBe(exits[variant]);
    }
  });

  it('enters a customer who becomes a payroll customer after the launch', async () => {
    const run = await payroll(100);
    await run.app.inject({ method: 'POST', url: '/v1/customers/walk-in/tags', payload: { tags: ['payroll'] } });
    expect((await run.instance('walk-in')).variants['offer-split']).toMatch(/^(A|B|control)$/);
  });

  it('publishes unchanged once its segment is created under the id it names', async () => {
    const run = await startSample('payroll-offer-ab.json');
    const segment = await run.app.inject({
      method: 'POST',
      url: '/v1/segments',
      payload: { id: 'payroll-customers', name: 'Payroll customers', condition: { hasTag: 'payroll' } },
    });
    expect(segment.json()).toMatchObject({ id: 'payroll-customers' });
    await run.publish();
  });
});
