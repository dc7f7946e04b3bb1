import { describe, expect, it } from 'vitest';
import { deliveries, pathOf, type SampleRun, startSample } from './harness';

const NOTICED = ['maturity-upcoming', 'due-within-7-days', 'renewal-offer-sms', 'wait-renewal-reply'];

async function maturity(): Promise<SampleRun> {
  const run = await startSample('wealth-maturity.json');
  await run.publish();
  await run.put('li-na', { attributes: { name: '李娜' }, tags: ['wealth'] });
  return run;
}

const notice = (customerId: string, daysToMaturity: number) => ({
  customerId,
  type: 'wealth_maturity_upcoming',
  properties: { productName: '稳享180天', daysToMaturity },
});

const reply = (customerId: string, text: string) => ({ customerId, type: 'sms_reply', properties: { text } });

describe('sample: wealth product maturity reminder', () => {
  it('offers renewal by SMS 7 days ahead; a reply of 1 gets a confirmation and the renewal-intent tag', async () => {
    const run = await maturity();
    await run.send(notice('li-na', 5));
    await run.advance('PT1H');
    const [offer] = await run.messages('li-na');
    expect(offer).toMatchObject({ nodeId: 'renewal-offer-sms', channel: 'sms', status: 'sent' });
    expect(offer?.body).toContain('[Bank] 李娜, your wealth product 稳享180天 matures in 5 days. Reply 1 to renew');

    await run.send(reply('li-na', '1'));
    await run.advance('PT1H');
    const instance = await run.instance('li-na');
    expect(instance.status).toBe('completed');
    expect(pathOf(instance)).toEqual([
      ...NOTICED,
      'renewal-confirmation-sms',
      'tag-renewal-intent',
      'exit-renewal-requested',
    ]);
    expect(deliveries(await run.messages('li-na'))).toEqual([
      ['renewal-offer-sms', 'sms', 'sent'],
      ['renewal-confirmation-sms', 'sms', 'sent'],
    ]);
    const profile = await run.app.inject({ url: '/v1/customers/li-na' });
    expect(profile.json().tags).toEqual(['wealth', 'renewal-intent']);
  });

  it('hands a customer who does not reply 1 within 2 days to the relationship manager', async () => {
    const run = await maturity();
    await run.send(notice('li-na', 7));
    await run.send(reply('li-na', 'TD'));
    await run.advance('P1D');
    expect((await run.instance('li-na')).node).toBe('wait-renewal-reply');

    await run.advance('P1D');
    const instance = await run.instance('li-na');
    expect(instance.status).toBe('completed');
    expect(pathOf(instance)).toEqual([...NOTICED, 'rm-call-task', 'exit-handed-to-rm']);
    const messages = await run.messages('li-na');
    expect(deliveries(messages)).toEqual([
      ['renewal-offer-sms', 'sms', 'sent'],
      ['rm-call-task', 'branchTask', 'sent'],
    ]);
    expect(messages[1]).toMatchObject({ title: 'Maturity follow-up call' });
    expect(messages[1]?.body).toContain('Call 李娜 about their wealth product');
  });

  it('lets an early notice leave without a message and enters again with the next one, but not while active', async () => {
    const run = await maturity();
    await run.send(notice('li-na', 20));
    const [early] = await run.instances('li-na');
    expect(early?.status).toBe('completed');
    expect(pathOf(early!)).toEqual(['maturity-upcoming', 'due-within-7-days', 'exit-not-due']);

    await run.advance('P13D');
    await run.send(notice('li-na', 7));
    await run.send(notice('li-na', 6));
    await run.advance('PT1H');
    const instances = await run.instances('li-na');
    expect(instances.map((instance) => [instance.status, instance.node])).toEqual([
      ['completed', '$completed'],
      ['active', 'wait-renewal-reply'],
    ]);
    const messages = await run.messages('li-na');
    expect(deliveries(messages)).toEqual([['renewal-offer-sms', 'sms', 'sent']]);
    expect(messages[0]?.body).toContain('matures in 7 days');
  });
});
