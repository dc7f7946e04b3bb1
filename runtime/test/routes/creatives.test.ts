import { buildJourney } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, bearer, buildAuthApp, createKey } from '../auth/helpers';
import { buildTestApp } from '../helpers';

const renewalOffer = {
  name: 'Renewal offer',
  channel: 'sms',
  body: 'Hi {{profile.name}}, your deposit matures soon: renew at 2.6%',
  description: 'For wealth maturity journeys',
};

const putCreative = (app: FastifyInstance, id: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'PUT', url: `/v1/creatives/${id}`, payload, headers });

/** trigger → message using the creative → exit. */
const usingCreative = (journeyId: string, creativeId: string, channel = 'sms') =>
  buildJourney(
    journeyId,
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

async function createJourney(app: FastifyInstance, document: object): Promise<void> {
  const created = await app.inject({ method: 'POST', url: '/v1/journeys', payload: document });
  expect(created.statusCode, created.body).toBe(201);
}

describe('creatives library', () => {
  it('creates (201), reads with an ETag, replaces (200) and lists creatives by name, filtered by channel', async () => {
    const { app } = await buildTestApp();
    const created = await putCreative(app, 'renewal-offer', { ...renewalOffer, title: '' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({
      id: 'renewal-offer',
      ...renewalOffer,
      revision: 1,
      updatedAt: '2025-03-01T08:00:00.000Z',
      updatedBy: 'local',
      approval: { state: 'notApproved' },
    });
    expect(created.headers.etag).toBe('"1"');

    const replaced = await putCreative(app, 'renewal-offer', {
      ...renewalOffer,
      body: 'Renew today, {{profile.name}}',
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ revision: 2, body: 'Renew today, {{profile.name}}' });
    await putCreative(app, 'card-welcome', { name: 'Card welcome', channel: 'push', title: 'Welcome', body: 'Hi' });

    const read = await app.inject({ url: '/v1/creatives/renewal-offer' });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"2"');
    expect(read.json()).toMatchObject({ id: 'renewal-offer', revision: 2, usedBy: [] });

    const all = await app.inject({ url: '/v1/creatives' });
    expect(all.json().creatives.map((creative: { id: string }) => creative.id)).toEqual([
      'card-welcome',
      'renewal-offer',
    ]);
    const push = await app.inject({ url: '/v1/creatives?channel=push' });
    expect(push.json().creatives).toEqual([expect.objectContaining({ id: 'card-welcome', title: 'Welcome' })]);
  });

  it('refuses bad input with 400 naming the field, and unknown creatives with 404', async () => {
    const { app } = await buildTestApp();
    const blank = await putCreative(app, 'renewal-offer', { ...renewalOffer, body: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().issues).toEqual([expect.objectContaining({ path: 'body.body' })]);

    const channel = await putCreative(app, 'renewal-offer', { ...renewalOffer, channel: 'pigeon' });
    expect(channel.statusCode).toBe(400);
    expect(channel.json().issues).toEqual([expect.objectContaining({ path: 'body.channel' })]);

    const extra = await putCreative(app, 'renewal-offer', { ...renewalOffer, colour: 'red' });
    expect(extra.statusCode).toBe(400);

    const badId = await putCreative(app, 'has%20space', renewalOffer);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().issues).toEqual([expect.objectContaining({ path: 'params.id' })]);

    const badFilter = await app.inject({ url: '/v1/creatives?channel=fax' });
    expect(badFilter.statusCode).toBe(400);

    expect((await app.inject({ url: '/v1/creatives/missing' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/v1/creatives/missing' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/creatives' })).json().creatives).toEqual([]);
  });

  it('saves over the revision last read and refuses a stale If-Match with 412, keeping the newer text', async () => {
    const { app } = await buildTestApp();
    await putCreative(app, 'renewal-offer', renewalOffer);
    const tabA = await putCreative(app, 'renewal-offer', { ...renewalOffer, body: 'Tab A' }, { 'if-match': '"1"' });
    expect(tabA.statusCode).toBe(200);
    expect(tabA.headers.etag).toBe('"2"');

    const tabB = await putCreative(app, 'renewal-offer', { ...renewalOffer, body: 'Tab B' }, { 'if-match': '"1"' });
    expect(tabB.statusCode).toBe(412);
    expect(tabB.json().message).toContain('changed since you loaded it');
    expect((await app.inject({ url: '/v1/creatives/renewal-offer' })).json().body).toBe('Tab A');

    const notYet = await putCreative(app, 'card-welcome', renewalOffer, { 'if-match': '"1"' });
    expect(notYet.statusCode).toBe(412);
  });

  it('deletes an unused creative (204) and audits every change', async () => {
    const { app } = await buildTestApp();
    await putCreative(app, 'renewal-offer', renewalOffer);
    await putCreative(app, 'renewal-offer', { ...renewalOffer, name: 'Renewal offer v2' });
    const deleted = await app.inject({ method: 'DELETE', url: '/v1/creatives/renewal-offer' });
    expect(deleted.statusCode).toBe(204);
    expect((await app.inject({ url: '/v1/creatives/renewal-offer' })).statusCode).toBe(404);

    const audit = await app.inject({ url: '/v1/audit' });
    const entries = audit
      .json()
      .entries.map((entry: { action: string; detail: object }) => [entry.action, entry.detail]);
    expect(entries).toEqual([
      ['creative.deleted', { creativeId: 'renewal-offer' }],
      ['creative.updated', { creativeId: 'renewal-offer', revision: 2 }],
      ['creative.created', { creativeId: 'renewal-offer', revision: 1 }],
    ]);
  });

  it('refuses, with 409 naming the journeys, to delete a creative a draft or a live version uses', async () => {
    const { app } = await buildTestApp();
    await putCreative(app, 'renewal-offer', renewalOffer);
    await createJourney(app, usingCreative('maturity', 'renewal-offer'));

    const whileDraft = await app.inject({ method: 'DELETE', url: '/v1/creatives/renewal-offer' });
    expect(whileDraft.statusCode).toBe(409);
    expect(whileDraft.json().message).toContain('Journey maturity (maturity): draft');

    expect((await app.inject({ method: 'POST', url: '/v1/journeys/maturity/publish' })).statusCode).toBe(201);
    // The draft moves on to its own text; the live version still names the creative.
    const ownText = buildJourney(
      'maturity',
      [
        ['t', 'trigger', { kind: 'event', event: 'maturity_upcoming' }],
        ['offer', 'message', { channel: 'sms', template: { body: 'Written here' } }],
        ['x', 'exit', {}],
      ],
      [
        ['t', 'next', 'offer'],
        ['offer', 'sent', 'x'],
      ],
    );
    expect((await app.inject({ method: 'PUT', url: '/v1/journeys/maturity', payload: ownText })).statusCode).toBe(200);
    await createJourney(app, usingCreative('renewal-nudge', 'renewal-offer'));

    const detail = await app.inject({ url: '/v1/creatives/renewal-offer' });
    expect(detail.json().usedBy).toEqual([
      { journeyId: 'maturity', journeyName: 'Journey maturity', nodeIds: ['offer'], where: 'live' },
      { journeyId: 'renewal-nudge', journeyName: 'Journey renewal-nudge', nodeIds: ['offer'], where: 'draft' },
    ]);
    const whileLive = await app.inject({ method: 'DELETE', url: '/v1/creatives/renewal-offer' });
    expect(whileLive.statusCode).toBe(409);
    expect(whileLive.json().message).toContain('Journey maturity (maturity): live');
    expect(whileLive.json().message).toContain('Journey renewal-nudge (renewal-nudge): draft');

    // Archived journeys no longer hold a creative.
    for (const id of ['maturity', 'renewal-nudge']) {
      expect((await app.inject({ method: 'POST', url: `/v1/journeys/${id}/archive` })).statusCode).toBe(200);
    }
    expect((await app.inject({ method: 'DELETE', url: '/v1/creatives/renewal-offer' })).statusCode).toBe(204);
  });

  it('refuses with 409 to change the channel of a creative journeys use, but allows other edits', async () => {
    const { app } = await buildTestApp();
    await putCreative(app, 'renewal-offer', renewalOffer);
    await putCreative(app, 'spare', renewalOffer);
    await createJourney(app, usingCreative('maturity', 'renewal-offer'));

    const toPush = await putCreative(app, 'renewal-offer', { ...renewalOffer, channel: 'push' });
    expect(toPush.statusCode).toBe(409);
    expect(toPush.json().message).toContain('Journey maturity (maturity): draft');
    expect((await app.inject({ url: '/v1/creatives/renewal-offer' })).json()).toMatchObject({
      channel: 'sms',
      revision: 1,
    });

    expect((await putCreative(app, 'renewal-offer', { ...renewalOffer, name: 'Renamed' })).statusCode).toBe(200);
    expect((await putCreative(app, 'spare', { ...renewalOffer, channel: 'push' })).statusCode).toBe(200);
  });
});

const approve = (app: FastifyInstance, id: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/v1/creatives/${id}/approve`, payload, headers });

describe('compliance approval of creatives', () => {
  it('approves the revision read, keeps that text through later edits and audits it', async () => {
    const { app, clock } = await buildTestApp();
    await putCreative(app, 'renewal-offer', { ...renewalOffer, title: 'Renewal' });
    clock.advance(60_000);
    const approved = await approve(app, 'renewal-offer', { revision: 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.headers.etag).toBe('"1"');
    expect(approved.json()).toMatchObject({
      revision: 1,
      approval: {
        state: 'approved',
        approvedRevision: 1,
        approvedBy: 'local',
        approvedAt: '2025-03-01T08:01:00.000Z',
        approvedTitle: 'Renewal',
        approvedBody: renewalOffer.body,
      },
    });

    // A new name or note is not new wording: still approved.
    await putCreative(app, 'renewal-offer', { ...renewalOffer, title: 'Renewal', name: 'Renamed' });
    expect((await app.inject({ url: '/v1/creatives/renewal-offer' })).json().approval.state).toBe('approved');

    await putCreative(app, 'renewal-offer', { ...renewalOffer, body: 'Unreviewed words' });
    const detail = (await app.inject({ url: '/v1/creatives/renewal-offer' })).json();
    expect(detail).toMatchObject({ revision: 3, body: 'Unreviewed words' });
    expect(detail.approval).toEqual({
      state: 'changesPending',
      approvedRevision: 1,
      approvedBy: 'local',
      approvedAt: '2025-03-01T08:01:00.000Z',
      approvedTitle: 'Renewal',
      approvedBody: renewalOffer.body,
    });
    const listed = (await app.inject({ url: '/v1/creatives' })).json().creatives;
    expect(listed[0].approval.state).toBe('changesPending');

    const again = await approve(app, 'renewal-offer', { revision: 3 });
    expect(again.json().approval).toEqual({
      state: 'approved',
      approvedRevision: 3,
      approvedBy: 'local',
      approvedAt: '2025-03-01T08:01:00.000Z',
      approvedBody: 'Unreviewed words',
    });
    const audit = (await app.inject({ url: '/v1/audit' })).json().entries;
    expect(audit.filter((entry: { action: string }) => entry.action === 'creative.approved')).toEqual([
      expect.objectContaining({ detail: { creativeId: 'renewal-offer', revision: 3 } }),
      expect.objectContaining({ detail: { creativeId: 'renewal-offer', revision: 1 } }),
    ]);
  });

  it('refuses a revision other than the current one with 409, approving nothing', async () => {
    const { app } = await buildTestApp();
    await putCreative(app, 'renewal-offer', renewalOffer);
    await putCreative(app, 'renewal-offer', { ...renewalOffer, body: 'Newer words' });
    const stale = await approve(app, 'renewal-offer', { revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('changed since you read it (revision 1; it is at revision 2 now)');
    expect((await app.inject({ url: '/v1/creatives/renewal-offer' })).json().approval).toEqual({
      state: 'notApproved',
    });

    const missing = await approve(app, 'retired', { revision: 1 });
    expect(missing.statusCode).toBe(404);
    const noRevision = await approve(app, 'renewal-offer', {});
    expect(noRevision.statusCode).toBe(400);
    expect(noRevision.json().issues).toEqual([expect.objectContaining({ path: 'body.revision' })]);
  });

  it('tells every reader of the list whether publishing sends only approved text', async () => {
    const { app } = await buildAuthApp();
    const supervisor = bearer(await createKey(app, 'supervisor'));
    const approvalRequired = async () =>
      (await app.inject({ url: '/v1/creatives', headers: supervisor })).json().approvalRequired;
    expect(await approvalRequired()).toBe(false);

    const payload = { creativeApproval: true };
    const on = await app.inject({ method: 'PUT', url: '/v1/admin/settings', headers: bearer(ADMIN_KEY), payload });
    expect(on.statusCode).toBe(200);
    expect(await approvalRequired()).toBe(true);

    const { app: enforced } = await buildTestApp({ auth: { enabled: false, creativeApproval: true } });
    expect((await enforced.inject({ url: '/v1/creatives?channel=sms' })).json()).toEqual({
      creatives: [],
      approvalRequired: true,
    });
  });

  it('with maker-checker on, refuses (409) the person who last changed the creative; another may approve', async () => {
    const { app } = await buildAuthApp();
    const admin = bearer(ADMIN_KEY);
    const on = await app.inject({
      method: 'PUT',
      url: '/v1/admin/settings',
      headers: admin,
      payload: { makerChecker: true },
    });
    expect(on.statusCode).toBe(200);
    const writer = bearer(await createKey(app, 'strategist', 'li.wei'));
    const reviewer = bearer(await createKey(app, 'strategist', 'wang.fang'));
    expect((await putCreative(app, 'renewal-offer', renewalOffer, writer)).statusCode).toBe(201);

    const own = await approve(app, 'renewal-offer', { revision: 1 }, writer);
    expect(own.statusCode).toBe(409);
    expect(own.json().message).toBe(
      'li.wei made the last change to creative renewal-offer; with maker-checker on, a different person must approve it',
    );
    const other = await approve(app, 'renewal-offer', { revision: 1 }, reviewer);
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().approval).toMatchObject({ state: 'approved', approvedBy: 'wang.fang' });

    // An operator may write creatives but not sign them off.
    const operator = bearer(await createKey(app, 'operator', 'zhang.min'));
    expect((await approve(app, 'renewal-offer', { revision: 1 }, operator)).statusCode).toBe(403);
  });
});
