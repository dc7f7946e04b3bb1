import { describe, expect, it } from 'vitest';
import { deliveries, pathOf, type SampleRun, startSample } from './harness';

// The test clock starts on Saturday 2025-03-01 at 16:00 in Shanghai; the sample runs on Mondays at 10:00 (02:00 UTC).
const FIRST_RUN = '2025-03-03T02:00:00.000Z';
const INVITED = ['weekly-dormant-scan', 'we-miss-you-wechat', 'wait-app-login'];

async function dormant(): Promise<SampleRun> {
  const run = await startSample('dormant-reactivation.json');
  await run.createPool({ id: 'reactivation-points', budget: 1 });
  await run.put('chen-jing', { attributes: { name: '陈静', days_since_last_login: 120 } });
  await run.put('liu-yang', { attributes: { name: '刘洋', days_since_last_login: 90 } });
  await run.put('regular', { attributes: { name: '赵敏', days_since_last_login: 89 } });
  await run.publish();
  return run;
}

describe('sample: dormant customer reactivation', () => {
  it('invites customers idle for 90 days by WeChat on Monday at 10:00; a login in 7 days earns points while they last', async () => {
    const run = await dormant();
    await run.advance('P1D');
    expect(await run.instances('chen-jing')).toEqual([]);

    await run.advanceTo(FIRST_RUN);
    for (const customerId of ['chen-jing', 'liu-yang']) {
      const instance = await run.instance(customerId);
      expect(instance).toMatchObject({ node: 'wait-app-login', enteredAt: FIRST_RUN });
      expect(deliveries(await run.messages(customerId))).toEqual([['we-miss-you-wechat', 'wechat', 'sent']]);
    }
    expect((await run.messages('chen-jing'))[0]?.body).toContain('Hi 陈静, we haven');
    expect(await run.instances('regular')).toEqual([]);

    await run.advance('P3D');
    await run.send({ customerId: 'chen-jing', type: 'app_login' }, { customerId: 'liu-yang', type: 'app_login' });
    await run.advance('PT1H');
    const reactivated = await run.instance('chen-jing');
    expect(reactivated.status).toBe('completed');
    expect(reactivated.convertedAt).not.toBeNull();
    expect(pathOf(reactivated)).toEqual([...INVITED, 'grant-points', 'points-granted-inapp', 'exit-reactivated']);
    expect(deliveries(await run.messages('chen-jing'))).toEqual([
      ['we-miss-you-wechat', 'wechat', 'sent'],
      ['points-granted-inapp', 'inApp', 'sent'],
    ]);
    expect(pathOf(await run.instance('liu-yang'))).toEqual([...INVITED, 'grant-points', 'exit-points-unavailable']);
    expect(await run.messages('liu-yang')).toHaveLength(1);
  });

  it('reminds by SMS after 7 days without a login, enters nobody twice, and lets a closed account leave at once', async () => {
    const run = await dormant();
    await run.advanceTo(FIRST_RUN);
    await run.send({ customerId: 'liu-yang', type: 'account_closed' });
    expect(await run.instance('liu-yang')).toMatchObject({ status: 'exited', node: '$exited' });

    await run.advance('P7D'); // the 7-day wait ends as the next weekly run starts
    const reminded = await run.instance('chen-jing');
    expect(reminded.status).toBe('completed');
    expect(pathOf(reminded)).toEqual([...INVITED, 'login-reminder-sms', 'exit-reminded-by-sms']);
    const messages = await run.messages('chen-jing');
    expect(deliveries(messages)).toEqual([
      ['we-miss-you-wechat', 'wechat', 'sent'],
      ['login-reminder-sms', 'sms', 'sent'],
    ]);
    expect(messages[1]?.body).toContain('[Bank] 陈静, it');

    await run.advance('P7D');
    expect(await run.instances('chen-jing')).toHaveLength(1);
    expect(await run.instances('liu-yang')).toHaveLength(1);
    expect(deliveries(await run.messages('liu-yang'))).toEqual([['we-miss-you-wechat', 'wechat', 'sent']]);
  });

  it('enters at the scheduled 10:00 and sends before quiet hours when the manual clock jumps past it', async () => {
    const run = await dormant();
    await run.advanceTo('2025-03-03T14:00:00.000Z'); // Monday 22:00, inside quiet hours
    expect(await run.instance('chen-jing')).toMatchObject({ enteredAt: FIRST_RUN });
    expect(deliveries(await run.messages('chen-jing'))).toEqual([['we-miss-you-wechat', 'wechat', 'sent']]);
  });
});
