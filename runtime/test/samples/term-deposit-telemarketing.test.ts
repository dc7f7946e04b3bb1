import { describe, expect, it } from 'vitest';
import { deliveries, pathOf, type SampleRun, startSample } from './harness';

/** The segment the sample describes, over the bank marketing data set's columns. */
const PROSPECTS = {
  all: [
    { attr: 'age', op: 'between', value: [25, 60] },
    { attr: 'job', op: 'in', value: ['admin.', 'technician', 'management', 'services'] },
    { attr: 'contact', op: 'eq', value: 'cellular' },
    { attr: 'default', op: 'eq', value: 'no' },
  ],
};

/** Rows in the data set's format, with an id and a name added. */
const CUSTOMERS = [
  'id,name,age,job,marital,education,default,housing,loan,contact,campaign,pdays,previous',
  'tm-prior,黄磊,35,admin.,married,university.degree,no,yes,no,cellular,1,6,1',
  'tm-fresh,周敏,41,technician,single,professional.course,no,no,no,cellular,1,999,0',
  'tm-early,吴静,29,services,single,high.school,no,yes,no,cellular,1,999,0',
  'tm-retired,孙强,62,retired,married,basic.9y,no,no,no,cellular,1,999,0',
  'tm-landline,马丽,45,management,married,university.degree,no,yes,no,telephone,1,999,0',
  'tm-unknown-default,朱军,33,admin.,married,high.school,unknown,no,no,cellular,1,999,0',
].join('\n');

const INTRO = ['telemarketing-prospects', 'contacted-before', 'intro-sms', 'wait-3-days'];

async function telemarketing(): Promise<SampleRun> {
  const run = await startSample('term-deposit-telemarketing.json');
  await run.importCsv(CUSTOMERS);
  const segmentId = await run.createSegment('Telemarketing prospects', PROSPECTS);
  await run.publish({ segmentId });
  return run;
}

const subscribe = (customerId: string) => ({ customerId, type: 'term_deposit_subscribed' });

describe('sample: term deposit telemarketing', () => {
  it('calls prospects contacted before at once, and sends the others an SMS first and calls them 3 days later', async () => {
    const run = await telemarketing();
    for (const customerId of ['tm-retired', 'tm-landline', 'tm-unknown-default']) {
      expect(await run.instances(customerId)).toEqual([]);
    }
    await run.advance('PT1H');
    expect(pathOf(await run.instance('tm-prior'))).toEqual([
      'telemarketing-prospects',
      'contacted-before',
      'follow-up-call',
      'wait-subscription',
    ]);
    const [call] = await run.messages('tm-prior');
    expect(call).toMatchObject({ nodeId: 'follow-up-call', channel: 'callCenter', status: 'sent' });
    expect(call?.body).toContain('1. Greet 黄磊,');

    expect((await run.instance('tm-fresh')).node).toBe('wait-3-days');
    expect(deliveries(await run.messages('tm-fresh'))).toEqual([['intro-sms', 'sms', 'sent']]);
    await run.advance('P3D');
    expect(pathOf(await run.instance('tm-fresh'))).toEqual([...INTRO, 'intro-call', 'wait-subscription']);
    expect(deliveries(await run.messages('tm-fresh'))).toEqual([
      ['intro-sms', 'sms', 'sent'],
      ['intro-call', 'callCenter', 'sent'],
    ]);

    await run.advance('P14D');
    const fresh = await run.instance('tm-fresh');
    expect(fresh).toMatchObject({ status: 'completed', convertedAt: null });
    expect(pathOf(fresh).at(-1)).toBe('exit-not-subscribed');
  });

  it('ends at the goal on a subscription, so nobody who has subscribed is called', async () => {
    const run = await telemarketing();
    await run.advance('P1D');
    await run.send(subscribe('tm-early'), subscribe('tm-prior'));
    await run.advance('P3D');

    const early = await run.instance('tm-early');
    expect(early).toMatchObject({ status: 'goal', node: '$goal' });
    expect(pathOf(early)).toEqual(INTRO);
    expect(deliveries(await run.messages('tm-early'))).toEqual([['intro-sms', 'sms', 'sent']]);
    expect(await run.instance('tm-prior')).toMatchObject({ status: 'goal', node: '$goal' });
    expect(await run.messages('tm-prior')).toHaveLength(1);
  });
});
