import { buildJourney } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, bearer, buildAuthApp, createKey } from '../auth/helpers';
import { buildTestApp } from '../helpers';

const renewalOffer = {
  name: 'Renewal offer',
  channel: 'sms',
  body: 'Hi {{profile.name}}, your deposit matures soon: renew at 2.6%',
};

/** trigger → message using the creative → exit. */
const maturity = (creativeId: string, channel = 'sms') =>
  buildJourney(
    'maturity',
    [
      ['t', 'trigger', { kind: 'event', event: 'maturity_upcoming' }],
      ['offer', 'message', { channel, creativeId }],
      ['x', 'exit', {}],
    ],
    [
      ['t', 'next', 'offer'],
      ['offer', 'sent', 'x'],
    ],
  );

async function call(app: FastifyInstance, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return app.inject({ method, url, ...(payload && { payload }) });
}

/** Brings a customer named `name` into the journey and returns the text of the message they were sent. */
async function sentTo(app: FastifyInstance, customerId: string, name: string): Promise<string> {
  await call(app, 'PUT', `/v1/customers/${customerId}`, { attributes: { name } });
  const events = [{ eventId: `${customerId}-e1`, customerId, type: 'maturity_upcoming' }];
  expect((await call(app, 'POST', '/v1/events', { events })).statusCode).toBe(202);
  await app.runDueWork();
  const messages = (await call(app, 'GET', `/v1/messages?customerId=${customerId}`)).json().messages;
  expect(messages).toHaveLength(1);
  return messages[0].body;
}

describe('publishing journeys that use library creatives', () => {
  it("sends the creative's text as published; edits reach customers only with the next publish", async () => {
    const { app } = await buildTestApp();
    expect((await call(app, 'PUT', '/v1/creatives/renewal-offer', renewalOffer)).statusCode).toBe(201);
    expect((await call(app, 'POST', '/v1/journeys', maturity('renewal-offer'))).statusCode).toBe(201);

    const first = await call(app, 'POST', '/v1/journeys/maturity/publish');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().version.document.nodes[1].config).toEqual({
      channel: 'sms',
      creativeId: 'renewal-offer',
      template: { body: renewalOffer.body },
    });
    // The draft keeps referring to the library; only the version holds a copy of the text.
    expect((await call(app, 'GET', '/v1/journeys/maturity')).json().draft.nodes[1].config.template).toBeUndefined();
    expect(await sentTo(app, 'c1', 'Li Wei')).toBe('Hi Li Wei, your deposit matures soon: renew at 2.6%');

    const edited = { ...renewalOffer, body: 'Dear {{profile.name}}, renew today at 2.8%' };
    expect((await call(app, 'PUT', '/v1/creatives/renewal-offer', edited)).statusCode).toBe(200);
    expect(await sentTo(app, 'c2', 'Wang Fang')).toBe('Hi Wang Fang, your deposit matures soon: renew at 2.6%');

    const second = await call(app, 'POST', '/v1/journeys/maturity/publish');
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().changes).toEqual([{ kind: 'nodeChanged', nodeId: 'offer', fields: ['config'] }]);
    expect(await sentTo(app, 'c3', 'Zhang Min')).toBe('Dear Zhang Min, renew today at 2.8%');
  });

  it('refuses to publish a message whose creative is not in the library, naming unknown_creative and the node', async () => {
    const { app } = await buildTestApp();
    expect((await call(app, 'POST', '/v1/journeys', maturity('retired'))).statusCode).toBe(201);

    const validated = await call(app, 'POST', '/v1/journeys/maturity/validate');
    expect(validated.json()).toMatchObject({
      valid: false,
      problems: [{ code: 'unknown_creative', nodeId: 'offer', path: 'nodes.1.config.creativeId', severity: 'error' }],
    });

    const published = await call(app, 'POST', '/v1/journeys/maturity/publish');
    expect(published.statusCode).toBe(400);
    expect(published.json().issues).toEqual([
      { path: 'draft.nodes.1.config.creativeId', message: 'Message: there is no creative "retired" in the library' },
    ]);
    expect((await call(app, 'GET', '/v1/journeys/maturity')).json()).toMatchObject({
      status: 'draft',
      liveVersion: null,
    });
  });

  it('refuses to publish a message whose creative was written for another channel', async () => {
    const { app } = await buildTestApp();
    await call(app, 'PUT', '/v1/creatives/renewal-offer', renewalOffer);
    expect((await call(app, 'POST', '/v1/journeys', maturity('renewal-offer', 'push'))).statusCode).toBe(201);

    const validated = await call(app, 'POST', '/v1/journeys/maturity/validate');
    expect(validated.json().problems).toMatchObject([{ code: 'creative_channel_mismatch', nodeId: 'offer' }]);
    const published = await call(app, 'POST', '/v1/journeys/maturity/publish');
    expect(published.statusCode).toBe(400);
    expect(published.json().issues[0].message).toContain('written for SMS, but this message goes by Push');
  });
});

describe('maker-checker with library creatives', () => {
  it("publishes the creative's text as it was when publishing was requested", async () => {
    const { app } = await buildAuthApp();
    const settings = { method: 'PUT', url: '/v1/admin/settings', headers: bearer(ADMIN_KEY) } as const;
    expect((await app.inject({ ...settings, payload: { makerChecker: true } })).statusCode).toBe(200);
    const maker = bearer(await createKey(app, 'strategist', 'li.wei'));
    const checker = bearer(await createKey(app, 'strategist', 'wang.fang'));
    const as = (headers: Record<string, string>, method: 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({ method, url, headers, ...(payload && { payload }) });
    await as(maker, 'PUT', '/v1/creatives/renewal-offer', renewalOffer);
    expect((await as(maker, 'POST', '/v1/journeys', maturity('renewal-offer'))).statusCode).toBe(201);
    const request = async () => (await as(maker, 'POST', '/v1/journeys/maturity/publish')).json().approval.id;
    const approve = async (id: number) =>
      (await as(checker, 'POST', `/v1/journeys/maturity/approvals/${id}/approve`)).json();
    const offerText = (approved: { version: { document: { nodes: Array<{ config: { template: object } }> } } }) =>
      approved.version.document.nodes[1]?.config.template;

    // Resolving the creatives is not a change to the draft.
    const unchanged = await approve(await request());
    expect(unchanged).toMatchObject({ version: { version: 1 }, draftChanged: false });
    expect(offerText(unchanged)).toEqual({ body: renewalOffer.body });

    const requestId = await request();
    await as(maker, 'PUT', '/v1/creatives/renewal-offer', { ...renewalOffer, body: 'Text nobody approved' });
    const approved = await approve(requestId);
    expect(approved).toMatchObject({ version: { version: 2 }, draftChanged: true });
    expect(offerText(approved)).toEqual({ body: renewalOffer.body });
  });
});

describe('creative approval', () => {
  const approvalOn = (app: FastifyInstance) =>
    app.inject({ method: 'PUT', url: '/v1/admin/settings', payload: { creativeApproval: true } });

  it('refuses to publish, or to request approval of, a journey using a creative never approved', async () => {
    const { app } = await buildTestApp();
    expect((await approvalOn(app)).json().creativeApproval).toEqual({ enabled: true, enforced: false });
    await call(app, 'PUT', '/v1/creatives/renewal-offer', renewalOffer);
    const twice = buildJourney(
      'maturity',
      [
        ['t', 'trigger', { kind: 'event', event: 'maturity_upcoming' }],
        ['offer', 'message', { channel: 'sms', creativeId: 'renewal-offer' }],
        ['reminder', 'message', { channel: 'sms', creativeId: 'renewal-offer' }],
        ['x', 'exit', {}],
      ],
      [
        ['t', 'next', 'offer'],
        ['offer', 'sent', 'reminder'],
        ['reminder', 'sent', 'x'],
      ],
    );
    expect((await call(app, 'POST', '/v1/journeys', twice)).statusCode).toBe(201);

    const validated = await call(app, 'POST', '/v1/journeys/maturity/validate');
    expect(validated.json().problems).toMatchObject([
      { code: 'unapproved_creative', nodeId: 'offer', severity: 'error' },
      { code: 'unapproved_creative', nodeId: 'reminder', severity: 'error' },
    ]);
    const published = await call(app, 'POST', '/v1/journeys/maturity/publish');
    expect(published.statusCode).toBe(400);
    expect(published.json().issues).toEqual(
      ['draft.nodes.1.config.creativeId', 'draft.nodes.2.config.creativeId'].map((path) => ({
        path,
        message:
          'Message: the creative "renewal-offer" has never been approved for sending; approve it in the content library',
      })),
    );

    await call(app, 'PUT', '/v1/admin/settings', { makerChecker: true });
    const requested = await call(app, 'POST', '/v1/journeys/maturity/publish');
    expect(requested.statusCode).toBe(400);
    expect(requested.json().issues).toHaveLength(2);
    expect((await call(app, 'GET', '/v1/journeys/maturity/approvals')).json().approvals).toEqual([]);
  });

  it('publishes the approved text, not an edit made after approval', async () => {
    const { app } = await buildTestApp({ auth: { enabled: false, creativeApproval: true } });
    await call(app, 'PUT', '/v1/creatives/renewal-offer', renewalOffer);
    expect((await call(app, 'POST', '/v1/creatives/renewal-offer/approve', { revision: 1 })).statusCode).toBe(200);
    const edited = { ...renewalOffer, title: 'New', body: 'Unreviewed: {{profile.name}}, 9.9% guaranteed!' };
    await call(app, 'PUT', '/v1/creatives/renewal-offer', edited);
    expect((await call(app, 'POST', '/v1/journeys', maturity('renewal-offer'))).statusCode).toBe(201);

    const published = await call(app, 'POST', '/v1/journeys/maturity/publish');
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().version.document.nodes[1].config.template).toEqual({ body: renewalOffer.body });
    expect(await sentTo(app, 'c1', 'Li Wei')).toBe('Hi Li Wei, your deposit matures soon: renew at 2.6%');

    // Required by the environment: the admin route cannot turn it off.
    const off = await call(app, 'PUT', '/v1/admin/settings', { creativeApproval: false });
    expect(off.statusCode).toBe(409);
    expect(off.json().message).toContain('JOURNEY_CREATIVE_APPROVAL=on');
  });

  it('when off, publishes the working text whatever was approved, as before', async () => {
    const { app } = await buildTestApp();
    await call(app, 'PUT', '/v1/creatives/renewal-offer', renewalOffer);
    await call(app, 'POST', '/v1/creatives/renewal-offer/approve', { revision: 1 });
    await call(app, 'PUT', '/v1/creatives/renewal-offer', { ...renewalOffer, body: 'Working text {{profile.name}}' });
    await call(app, 'PUT', '/v1/creatives/never-approved', { ...renewalOffer, name: 'Never approved' });
    expect((await call(app, 'GET', '/v1/admin/settings')).json().creativeApproval).toEqual({
      enabled: false,
      enforced: false,
    });
    expect((await call(app, 'POST', '/v1/journeys', maturity('renewal-offer'))).statusCode).toBe(201);
    expect((await call(app, 'POST', '/v1/journeys/maturity/publish')).statusCode).toBe(201);
    expect(await sentTo(app, 'c1', 'Li Wei')).toBe('Working text Li Wei');

    const other = { ...maturity('never-approved'), id: 'other' };
    expect((await call(app, 'POST', '/v1/journeys', other)).statusCode).toBe(201);
    expect((await call(app, 'POST', '/v1/journeys/other/validate')).json().problems).toEqual([]);
  });
});
