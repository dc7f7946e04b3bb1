import { describe, expect, it } from 'vitest';
import { deliveries, pathOf, type SampleRun, startSample } from './harness';

// The test clock starts on Saturday 2025-03-01 at 16:00 in Shanghai (08:00 UTC); quiet hours are 21:00–08:00.

const ACTIVATION = ['card-activated', 'welcome-push', 'wait-first-spend'];

async function welcome({ welcomeBudget = 60 } = {}): Promise<SampleRun> {
  const run = await startSample('credit-card-welcome.json');
  await run.createPool({ id: 'welcome-coupons', budget: welcomeBudget });
  await run.createPool({ id: 'weekly-bonus-coupon', budget: 10 });
  await run.publish();
  return run;
}

const spend = (customerId: string, amount: number) => ({
  customerId,
  type: 'card_transaction',
  properties: { amount },
});

describe('sample: co-branded credit card welcome', () => {
  it('grants the 6 welcome coupons with a push on a first spend of ¥99, then a bonus for 3 transactions in one natural week', async () => {
    const run = await welcome();
    await run.put('spender', { attributes: { name: '王芳' } });
    await run.send({ customerId: 'spender', type: 'card_activated' });
    await run.send(spend('spender', 98.99));
    expect((await run.instance('spender')).node).toBe('wait-first-spend');

    await run.send(spend('spender', 120));
    expect((await run.instance('spender')).node).toBe('wait-weekly-habit');
    expect(await run.grantedFrom('welcome-coupons')).toBe(6);

    // Saturday and Sunday are the end of one week, Monday starts the next: 2 + 1 transactions do not count.
    await run.send(spend('spender', 15), spend('spender', 30));
    await run.advance('P2D');
    await run.send(spend('spender', 8));
    expect((await run.instance('spender')).node).toBe('wait-weekly-habit');
    await run.send(spend('spender', 25), spend('spender', 40));
    await run.advance('PT1H');

    const instance = await run.instance('spender');
    expect(instance.status).toBe('completed');
    expect(instance.convertedAt).not.toBeNull();
    expect(pathOf(instance)).toEqual([
      ...ACTIVATION,
      'grant-welcome-coupons',
      'coupons-granted-push',
      'wait-weekly-habit',
      'grant-weekly-bonus',
      'bonus-granted-push',
      'exit-welcome-complete',
    ]);
    expect(await run.grantedFrom('weekly-bonus-coupon')).toBe(1);
    const messages = await run.messages('spender');
    expect(deliveries(messages)).toEqual([
      ['welcome-push', 'push', 'sent'],
      ['coupons-granted-push', 'push', 'sent'],
      ['bonus-granted-push', 'push', 'sent'],
    ]);
    for (const message of messages) expect(message.body).toContain('王芳');
  });

  it('reminds a cardholder who has not spent ¥99 after 60 days by push, then by SMS unless the push is opened', async () => {
    const run = await welcome();
    await run.put('idle', { attributes: { name: '张伟' } });
    await run.send({ customerId: 'idle', type: 'card_activated' }, { customerId: 'opener', type: 'card_activated' });
    await run.send(spend('idle', 98.99), { customerId: 'opener', type: 'push_opened' });
    await run.advance('P59D');
    expect((await run.instance('idle')).node).toBe('wait-first-spend');
    expect((await run.instance('opener')).node).toBe('wait-first-spend');

    await run.advance('P1D');
    for (const customerId of ['idle', 'opener']) {
      expect((await run.instance(customerId)).node).toBe('wait-reminder-opened');
      expect(deliveries(await run.messages(customerId))).toEqual([
        ['welcome-push', 'push', 'sent'],
        ['spend-reminder-push', 'push', 'sent'],
      ]);
    }

    await run.send({ customerId: 'opener', type: 'push_opened' });
    await run.advance('P2D');
    const opener = await run.instance('opener');
    expect(opener.status).toBe('completed');
    expect(pathOf(opener)).toEqual([
      ...ACTIVATION,
      'spend-reminder-push',
      'wait-reminder-opened',
      'exit-reminder-opened',
    ]);
    expect(await run.messages('opener')).toHaveLength(2);

    const idle = await run.instance('idle');
    expect(idle.status).toBe('completed');
    expect(pathOf(idle)).toEqual([
      ...ACTIVATION,
      'spend-reminder-push',
      'wait-reminder-opened',
      'spend-reminder-sms',
      'exit-reminded-by-sms',
    ]);
    const messages = await run.messages('idle');
    expect(deliveries(messages).at(-1)).toEqual(['spend-reminder-sms', 'sms', 'sent']);
    expect(messages.at(-1)?.body).toContain('[Bank] 张伟, your co-branded card is active but not yet used.');
    expect(await run.grantedFrom('welcome-coupons')).toBe(0);
  });

  it('takes the unavailable path, with no coupon push, once the welcome pool is at budget', async () => {
    const run = await welcome({ welcomeBudget: 6 });
    await run.send({ customerId: 'first', type: 'card_activated' }, { customerId: 'second', type: 'card_activated' });
    await run.send(spend('first', 300), spend('second', 300));
    await run.advance('PT1H');

    expect((await run.instance('first')).node).toBe('wait-weekly-habit');
    const second = await run.instance('second');
    expect(second.status).toBe('completed');
    expect(pathOf(second)).toEqual([...ACTIVATION, 'grant-welcome-coupons', 'exit-coupons-unavailable']);
    expect(deliveries(await run.messages('second'))).toEqual([['welcome-push', 'push', 'sent']]);
    expect(await run.grantedFrom('welcome-coupons')).toBe(6);
  });

  it('holds the welcome push during quiet hours and enters each cardholder only once', async () => {
    const run = await welcome();
    await run.advanceTo('2025-03-01T14:30:00Z'); // 22:30 in Shanghai
    await run.send({ customerId: 'night-owl', type: 'card_activated' });
    await run.advance('PT1H');
    expect(deliveries(await run.messages('night-owl'))).toEqual([['welcome-push', 'push', 'deferred']]);

    await run.advanceTo('2025-03-02T00:00:00Z'); // 08:00 in Shanghai
    const [push] = await run.messages('night-owl');
    expect(push).toMatchObject({ status: 'sent', sentAt: '2025-03-02T00:00:00.000Z' });

    expect(await run.send({ customerId: 'night-owl', type: 'card_activated' })).toBe(1);
    expect((await run.instance('night-owl')).node).toBe('wait-first-spend');
  });
});
